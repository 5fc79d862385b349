import { describe, expect, it } from 'vitest';
import { checkCorpus, type CorpusText } from '../data/corpus';
import * as tf from '../tf';
import { bundledText } from './corpus-fixture';
import { Word2VecModel } from './model';
import type {
	EngineComparison,
	ProjectorFiles,
	SimilarityAnswer,
	Word2VecConfig,
	WordAnswer
} from './spec';

const config: Word2VecConfig = {
	architecture: 'skipgram',
	dimensions: 32,
	window: 5,
	negatives: 5,
	learningRate: 0.025,
	epochs: 1,
	sample: 1e-3,
	seed: 1,
	minCount: 5
};
const analects = checkCorpus('analects', bundledText('analects')) as CorpusText;

describe('the word2vec live model', () => {
	it('reports (1 + k) log 2 before training, a falling loss, the corpus in numbers and a projection', async () => {
		const model = new Word2VecModel(config, analects);
		const start = await model.evaluate();
		// Output vectors start at zero, so every example costs exactly 6 log 2.
		expect(start.metrics.loss).toBeCloseTo(6 * Math.log(2), 6);
		expect(start.snapshot.corpus).toMatchObject({
			name: 'analects',
			vocabulary: 456,
			tokens: 15_979
		});
		expect(start.snapshot.projection.words).toHaveLength(300);
		for (let i = 0; i < 10; i++) model.trainStep();
		const trained = await model.evaluate();
		expect(trained.metrics.loss).toBeLessThan(start.metrics.loss - 0.3);
		expect(trained.snapshot.wordsPerSecond).toBeGreaterThan(0);
		// Steps after the last epoch train nothing: the rate of the last training stands.
		model.trainStep();
		expect((await model.evaluate()).snapshot.wordsPerSecond).toBe(trained.snapshot.wordsPerSecond);
		expect(trained.snapshot.finished).toBe(true);
		expect(new Set(trained.snapshot.projection.x).size).toBeGreaterThan(250);
	});

	it('answers neighbours best first, suggests spellings for unknown words, and refuses a tiny vocabulary', async () => {
		const model = new Word2VecModel(
			config,
			checkCorpus('moby', bundledText('moby-dick').slice(0, 100_000)) as CorpusText
		);
		for (let i = 0; i < 20; i++) model.trainStep();
		const answer = (await model.handleRequest('neighbours', { word: ' Whale ' })) as WordAnswer;
		expect(answer.unknown).toEqual([]);
		expect(answer.results).toHaveLength(10);
		const scores = answer.results.map((r) => r.score);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect(answer.results.map((r) => r.word)).not.toContain('whale');
		const unknown = (await model.handleRequest('neighbours', { word: 'whaale' })) as WordAnswer;
		expect(unknown.unknown[0]).toMatchObject({ word: 'whaale' });
		expect(unknown.unknown[0].suggestions).toContain('whale');
		const analogy = (await model.handleRequest('analogy', {
			a: 'whale',
			b: 'sea',
			c: 'ship'
		})) as WordAnswer;
		expect(analogy.unknown).toEqual([]);
		expect(analogy.results).toHaveLength(10);
		expect(
			() =>
				new Word2VecModel(config, {
					name: 't',
					text: 'one two three '.repeat(30),
					truncatedFrom: null
				})
		).toThrow(/Only 3 words occur at least 5 times/);
	});

	it('gives the cosine of two words and the Embedding Projector files', async () => {
		const model = new Word2VecModel(config, analects);
		for (let i = 0; i < 10; i++) model.trainStep();
		const same = (await model.handleRequest('similarity', {
			a: '父',
			b: '父'
		})) as SimilarityAnswer;
		expect(same.score).toBeCloseTo(1, 5);
		const pair = (await model.handleRequest('similarity', {
			a: '父',
			b: '母'
		})) as SimilarityAnswer;
		expect(pair.score).toBeGreaterThan(-1);
		expect(pair.score).toBeLessThan(1);
		const unknown = (await model.handleRequest('similarity', {
			a: '父',
			b: 'whale'
		})) as SimilarityAnswer;
		expect(unknown).toMatchObject({ score: null, unknown: [{ word: 'whale' }] });
		const files = (await model.handleRequest('exportProjector', null)) as ProjectorFiles;
		const rows = files.vectors.trimEnd().split('\n');
		const words = files.metadata.trimEnd().split('\n');
		expect(rows).toHaveLength(456);
		expect(words).toHaveLength(456);
		expect(words[0]).toBe('子');
		expect(rows[0].split('\t').map(Number)).toHaveLength(32);
		expect(rows.every((row) => row.split('\t').every((x) => Number.isFinite(Number(x))))).toBe(
			true
		);
	});

	it('compares tfjs ops with the typed-array loop on the backend it runs on, leaking no tensor', async () => {
		const model = new Word2VecModel(config, analects);
		const before = tf.memory().numTensors;
		const result = (await model.handleRequest('compareEngines', null)) as EngineComparison;
		expect(tf.memory().numTensors).toBe(before);
		expect(result.backend).toBe('cpu');
		expect(result.tfjsWordsPerSecond).toBeGreaterThan(0);
		expect(result.typedWordsPerSecond).toBeGreaterThan(result.tfjsWordsPerSecond);
	}, 30_000);
});
