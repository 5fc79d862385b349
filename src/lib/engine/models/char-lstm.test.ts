import { describe, expect, it } from 'vitest';
import { checkCorpus, type CorpusText } from '../data/corpus';
import * as tf from '../tf';
import {
	buildCharLstm,
	CharLstmModel,
	embeddingSize,
	type CharLstmConfig,
	type Generation
} from './char-lstm';
import { CharSampler, charNetworkWeights } from './char-sampler';
import type { ModelFiles } from './cnn-spec';

const repetitive = checkCorpus('abc', 'the cat sat on the mat. '.repeat(40)) as CorpusText;
const config: CharLstmConfig = {
	layers: 1,
	units: 24,
	sequenceLength: 12,
	batchSize: 8,
	learningRate: 0.02,
	seed: 3
};

describe('CharLstmModel', () => {
	it('learns a small repetitive corpus: the loss falls', async () => {
		const model = new CharLstmModel(config, repetitive);
		const before = await model.evaluate();
		for (let i = 0; i < 40; i++) model.trainStep();
		const after = await model.evaluate();
		expect(after.metrics.loss).toBeLessThan(before.metrics.loss * 0.6);
		expect(after.metrics.testLoss).toBeLessThan(before.metrics.testLoss! * 0.6);
		expect(after.snapshot.vocabularySize).toBe(12);
		model.dispose();
	}, 120_000);

	it('trains two stacked layers on Chinese text', async () => {
		const analects = checkCorpus(
			'论语',
			'子曰：“学而时习之，不亦说乎？有朋自远方来，不亦乐乎？”'.repeat(12)
		) as CorpusText;
		const model = new CharLstmModel({ ...config, layers: 2 }, analects);
		const before = await model.evaluate();
		for (let i = 0; i < 25; i++) model.trainStep();
		const after = await model.evaluate();
		expect(after.snapshot.layers).toBe(2);
		expect(after.metrics.loss).toBeLessThan(before.metrics.loss);
		model.dispose();
	}, 120_000);

	it('leaks no tensor per epoch, training and generating', async () => {
		const model = new CharLstmModel(config, repetitive);
		const counts: number[] = [];
		for (let round = 0; round < 3; round++) {
			for (let i = 0; i < 9; i++) model.trainStep();
			await model.evaluate();
			await model.handleRequest('generateStart', { seed: 'the ', temperature: 1 });
			await model.handleRequest('generateNext', { temperature: 1, count: 5 });
			counts.push(tf.memory().numTensors);
		}
		expect(model.epoch).toBeGreaterThanOrEqual(2);
		expect(new Set(counts.slice(1)).size).toBe(1);
		model.dispose();
	}, 120_000);

	it('generates from a seed: near-zero temperature repeats, and the text follows the corpus', async () => {
		const model = new CharLstmModel(config, repetitive);
		for (let i = 0; i < 60; i++) model.trainStep();
		const run = async (temperature: number) => {
			await model.handleRequest('generateStart', { seed: 'the c', temperature });
			return (await model.handleRequest('generateNext', { temperature, count: 20 })) as Generation;
		};
		const cold = await run(0.01);
		expect((await run(0.01)).text).toBe(cold.text);
		expect(cold.text).toHaveLength(20);
		expect(cold.next[0].probability).toBeGreaterThan(0.9);
		expect(cold.next.reduce((sum, c) => sum + c.probability, 0)).toBeCloseTo(1, 5);
		// After "the c" the corpus always continues "at ": the trained model has learned that much.
		expect(cold.text.startsWith('at')).toBe(true);
		model.dispose();
	}, 120_000);

	it('exports files and loads them back with identical generations', async () => {
		const model = new CharLstmModel(config, repetitive);
		for (let i = 0; i < 5; i++) model.trainStep();
		const generate = async (m: CharLstmModel) => {
			await m.handleRequest('generateStart', { seed: 'on the', temperature: 1 });
			return m.handleRequest('generateNext', { temperature: 1, count: 12 });
		};
		const expected = await generate(model);
		const files = (await model.handleRequest('exportFiles', null)) as ModelFiles;
		const other = new CharLstmModel({ ...config, units: 8 }, repetitive);
		await other.handleRequest('importFiles', structuredClone(files));
		expect(await generate(other)).toEqual(expected);
		expect((await other.evaluate()).snapshot.units).toBe(24);
		model.dispose();
		other.dispose();
	}, 120_000);

	it('refuses a model without this lesson’s vocabulary and keeps its own', async () => {
		const model = new CharLstmModel(config, repetitive);
		const files = (await model.handleRequest('exportFiles', null)) as ModelFiles;
		const foreign = { ...files, modelJson: { ...files.modelJson, userDefinedMetadata: {} } };
		await expect(model.handleRequest('importFiles', foreign)).rejects.toThrow(/vocabulary/);
		expect((await model.evaluate()).snapshot.units).toBe(24);
		model.dispose();
	});
});

describe('the CPU sampler', () => {
	it('gives the logits tfjs computes for the same characters, with 1 and 2 layers', async () => {
		for (const layers of [1, 2]) {
			const shape = { vocabularySize: 11, layers, units: 6, seed: 4 };
			const model = buildCharLstm(shape);
			const arrays = await Promise.all(
				model.getWeights().map((w) => w.data() as Promise<Float32Array>)
			);
			const sampler = new CharSampler(charNetworkWeights(arrays, { ...shape, embeddingSize }));
			const ids = [3, 1, 4, 1, 5, 9, 2, 6];
			let logits: Float32Array = new Float32Array(0);
			for (const id of ids) logits = sampler.feed(id);
			const output = model.predict(tf.tensor2d([ids], [1, ids.length], 'int32')) as tf.Tensor;
			const expected = (await output.data()).slice(-11);
			expected.forEach((value, i) => expect(logits[i]).toBeCloseTo(value, 5));
			output.dispose();
			model.dispose();
		}
	});
});
