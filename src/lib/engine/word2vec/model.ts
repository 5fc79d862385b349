/**
 * The word2vec lesson's live model: the typed-array trainer behind the kit's LiveModel, answering
 * neighbour and analogy questions and projecting the most frequent words at every report.
 */
import type { CorpusText } from '../data/corpus';
import type { LiveModel } from '../live-model';
import { createRng, deriveSeed } from '../random';
import type { Evaluation } from '../session';
import * as tf from '../tf';
import {
	analogy,
	cosine,
	neighboursOf,
	normalizedRows,
	pca2,
	projectorFiles,
	suggestions
} from './query';
import { pairLoss } from './sgns';
import {
	minVocabulary,
	projectedWords,
	type EngineComparison,
	type ProjectorFiles,
	type SimilarityAnswer,
	type Word2VecConfig,
	type Word2VecSnapshot,
	type WordAnswer
} from './spec';
import {
	buildVocabulary,
	encodeTokens,
	expectedKept,
	keepProbabilities,
	tokenize,
	type Vocabulary
} from './text';
import { TfSgnsTrainer } from './tf-sgns';
import { SgnsTrainer, type ExampleDetail } from './trainer';

/** Centre words per trainStep: about 20 ms at 100 dimensions on one core. */
export const wordsPerStep = 1000;
const answerCount = 10;

/** The tokens and vocabulary of a text, or why it cannot be trained on. */
export function prepareCorpus(
	text: string,
	minCount: number
): { tokens: string[]; vocabulary: Vocabulary } {
	const tokens = tokenize(text);
	const vocabulary = buildVocabulary(tokens, minCount);
	if (vocabulary.words.length < minVocabulary)
		throw new Error(
			`Only ${vocabulary.words.length} words occur at least ${minCount} times: word2vec needs ${minVocabulary} or more. Use a longer text or a lower minimum count.`
		);
	return { tokens, vocabulary };
}

export class Word2VecModel implements LiveModel<
	Word2VecConfig,
	CorpusText,
	Word2VecSnapshot,
	ExampleDetail | null
> {
	readonly reportEveryMs = 250;
	#config: Word2VecConfig;
	#corpus: CorpusText;
	#trainer!: SgnsTrainer;
	#axes: [Float64Array, Float64Array] | null = null;
	#trainedMs = 0;
	#trainedWords = 0;
	#unit: Float32Array | null = null;
	#tokenCount = 0;
	#builtMinCount = 0;
	#wordsPerSecond: number | null = null;

	constructor(config: Word2VecConfig, corpus: CorpusText) {
		this.#config = { ...config };
		this.#corpus = corpus;
		this.#build();
	}

	#build(): void {
		const { tokens, vocabulary } = prepareCorpus(this.#corpus.text, this.#config.minCount);
		this.#trainer = new SgnsTrainer(vocabulary, encodeTokens(tokens, vocabulary), this.#config);
		this.#tokenCount = tokens.length;
		this.#builtMinCount = this.#config.minCount;
		this.#axes = null;
		this.#unit = null;
	}

	get epoch(): number {
		return Math.min(this.#trainer.epoch, this.#config.epochs);
	}

	/** Window, negatives, rate and epochs apply now; dimensions, min-count and subsampling at reset. */
	configure(config: Word2VecConfig): void {
		this.#config = { ...config };
		const { dimensions, sample } = this.#trainer.config;
		this.#trainer.config = { ...config, dimensions, sample };
	}

	setData(corpus: CorpusText): void {
		this.#corpus = corpus;
		this.#build();
	}

	/** Training state lives on the CPU: a lost GPU device takes nothing with it. */
	backup(): unknown {
		return this.#trainer;
	}

	restoreBackup(backup: unknown): void {
		if (
			backup instanceof SgnsTrainer &&
			backup.vocabulary.words.length === this.#trainer.vocabulary.words.length
		)
			this.#trainer = backup;
	}

	async warmUp(): Promise<void> {}

	trainStep(): void {
		const started = performance.now();
		const words = this.#trainer.train(wordsPerStep);
		if (words === 0) return;
		this.#trainedWords += words;
		this.#trainedMs += performance.now() - started;
		this.#unit = null;
	}

	/** Step: one example, with every number of its forward and backward pass. */
	async explainStep(): Promise<ExampleDetail | null> {
		this.#unit = null;
		return this.#trainer.explain();
	}

	reinitialize(): void {
		if (this.#config.minCount !== this.#builtMinCount) this.#build();
		this.#trainer.config = { ...this.#config };
		this.#trainer.reset();
		this.#axes = null;
		this.#unit = null;
		this.#trainedMs = 0;
		this.#trainedWords = 0;
		this.#wordsPerSecond = null;
	}

	/** Loss of examples drawn from the text without training on them (before any step, after a reset). */
	#sampledLoss(): number {
		const rng = createRng(deriveSeed(this.#config.seed, 2));
		const { ids } = this.#trainer;
		const { output, input, dimensions: dim } = this.#trainer.embeddings;
		const negatives = new Int32Array(this.#config.negatives);
		let sum = 0;
		const samples = 200;
		for (let s = 0; s < samples; s++) {
			const i = 1 + Math.floor(rng() * (ids.length - 2));
			for (let k = 0; k < negatives.length; k++)
				negatives[k] = Math.floor(rng() * this.#trainer.vocabulary.words.length);
			sum += pairLoss(
				input.subarray(ids[i] * dim, (ids[i] + 1) * dim),
				output,
				dim,
				ids[i + 1],
				negatives
			);
		}
		return sum / samples;
	}

	async evaluate(): Promise<Evaluation<Word2VecSnapshot>> {
		const trainer = this.#trainer;
		const loss = trainer.takeLoss() ?? this.#sampledLoss();
		// Between reports with no training (paused, or every epoch done) the last rate stands.
		if (this.#trainedMs > 0) this.#wordsPerSecond = (this.#trainedWords / this.#trainedMs) * 1000;
		const wordsPerSecond = this.#wordsPerSecond;
		this.#trainedMs = 0;
		this.#trainedWords = 0;
		const { x, y, axes } = pca2(trainer.embeddings, projectedWords, this.#axes);
		this.#axes = axes;
		const vocabulary = trainer.vocabulary;
		return {
			metrics: { loss },
			snapshot: {
				corpus: {
					name: this.#corpus.name,
					tokens: this.#tokenCount,
					vocabulary: vocabulary.words.length,
					inVocabulary: vocabulary.keptTokens,
					kept:
						trainer.epochWords ||
						Math.round(
							expectedKept(vocabulary, keepProbabilities(vocabulary, trainer.config.sample))
						),
					truncatedFrom: this.#corpus.truncatedFrom
				},
				wordsPerSecond,
				progress: trainer.progress,
				rate: trainer.rate,
				finished: trainer.finished,
				dimensions: trainer.config.dimensions,
				projection: {
					words: vocabulary.words.slice(0, x.length),
					x: Array.from(x),
					y: Array.from(y)
				}
			}
		};
	}

	#lookup(words: string[]): { ids: number[]; unknown: WordAnswer['unknown'] } {
		const vocabulary = this.#trainer.vocabulary;
		const ids: number[] = [];
		const unknown: WordAnswer['unknown'] = [];
		for (const raw of words) {
			const word = raw.trim().toLowerCase();
			const id = vocabulary.index.get(word);
			if (id === undefined)
				unknown.push({ word, suggestions: suggestions(vocabulary.words.slice(0, 5000), word) });
			else ids.push(id);
		}
		return { ids, unknown };
	}

	#unitRows(): Float32Array {
		return (this.#unit ??= normalizedRows(this.#trainer.embeddings));
	}

	async handleRequest(name: string, payload: unknown): Promise<unknown> {
		const { words } = this.#trainer.vocabulary;
		const dim = this.#trainer.embeddings.dimensions;
		switch (name) {
			case 'neighbours': {
				const { ids, unknown } = this.#lookup([(payload as { word: string }).word]);
				if (unknown.length) return { unknown, results: [] } satisfies WordAnswer;
				return {
					unknown,
					results: neighboursOf(this.#unitRows(), words, dim, ids[0], answerCount)
				} satisfies WordAnswer;
			}
			case 'analogy': {
				const { a, b, c } = payload as { a: string; b: string; c: string };
				const { ids, unknown } = this.#lookup([a, b, c]);
				if (unknown.length) return { unknown, results: [] } satisfies WordAnswer;
				return {
					unknown,
					results: analogy(
						this.#unitRows(),
						words,
						dim,
						ids as [number, number, number],
						answerCount
					)
				} satisfies WordAnswer;
			}
			case 'similarity': {
				const { a, b } = payload as { a: string; b: string };
				const { ids, unknown } = this.#lookup([a, b]);
				return {
					unknown,
					score: unknown.length ? null : cosine(this.#trainer.embeddings, ids[0], ids[1])
				} satisfies SimilarityAnswer;
			}
			case 'exportProjector':
				return {
					...projectorFiles(this.#trainer.embeddings, words),
					words: words.length
				} satisfies ProjectorFiles;
			case 'compareEngines':
				return this.#compareEngines();
		}
		throw new Error(`no request "${name}" here`);
	}

	/**
	 * Times tfjs ops (gather, closed-form gradients, scatterND) on this worker's backend against the
	 * typed-array loop, on scratch copies with the current settings: the numbers behind the choice.
	 */
	async #compareEngines(): Promise<EngineComparison> {
		const { vocabulary, ids } = this.#trainer;
		const graph = new TfSgnsTrainer(vocabulary, ids, { ...this.#trainer.config, batch: 512 });
		try {
			// The first batch compiles the shaders: not timed.
			let { loss } = graph.step();
			await loss.data();
			loss.dispose();
			let words = 0;
			const started = performance.now();
			while (performance.now() - started < 3000 || words === 0) {
				const step = graph.step();
				loss = step.loss;
				words += step.words;
				await loss.data();
				loss.dispose();
			}
			const tfjsWordsPerSecond = (words / (performance.now() - started)) * 1000;
			const scratch = new SgnsTrainer(vocabulary, ids, { ...this.#trainer.config, epochs: 1 });
			const typedStart = performance.now();
			const typed = scratch.train(20_000);
			const typedWordsPerSecond = (typed / (performance.now() - typedStart)) * 1000;
			return { backend: tf.getBackend(), tfjsWordsPerSecond, typedWordsPerSecond };
		} finally {
			graph.dispose();
		}
	}

	dispose(): void {}
}
