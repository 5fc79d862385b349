import { describe, expect, it } from 'vitest';
import { realDigits } from '../testing/mnist';
import * as tf from '../tf';
import { buildCnn, CnnModel, type CnnConfig, type ModelFiles } from './cnn';

// tfjs's CPU backend trains this CNN at about a step a second in Node: small batches, few steps.
const data = { train: realDigits('train', 96), test: realDigits('test', 40) };
const config: CnnConfig = { learningRate: 0.01, batchSize: 8, seed: 1, evalSize: 40 };
const firstTestDigit = () => Float32Array.from(data.test.images.subarray(0, 784), (v) => v / 255);

describe('CnnModel on real MNIST', () => {
	it('learns: the loss falls over a few batches', async () => {
		const model = new CnnModel(config, data);
		const before = await model.evaluate();
		for (let i = 0; i < 12; i++) model.trainStep();
		await model.evaluate();
		for (let i = 0; i < 12; i++) model.trainStep();
		const after = await model.evaluate();
		expect(after.metrics.loss).toBeLessThan(before.metrics.loss * 0.8);
		expect(after.metrics.testLoss).toBeLessThan(before.metrics.testLoss!);
		expect(after.snapshot.filters.values).toHaveLength(8 * 25);
		model.dispose();
	}, 120_000);

	it('leaks no tensor per epoch', async () => {
		// 32 images in batches of 8: an epoch every 4 steps.
		const model = new CnnModel(config, { train: realDigits('train', 32), test: data.test });
		const counts: number[] = [];
		for (let epoch = 0; epoch < 3; epoch++) {
			for (let i = 0; i < 4; i++) model.trainStep();
			await model.evaluate();
			await model.handleRequest('featureMaps', { index: 3 });
			await model.handleRequest('predict', { pixels: firstTestDigit() });
			counts.push(tf.memory().numTensors);
		}
		expect(model.epoch).toBeGreaterThanOrEqual(2);
		expect(new Set(counts.slice(1)).size).toBe(1);
		const start = tf.memory().numTensors;
		model.dispose();
		expect(tf.memory().numTensors).toBeLessThan(start);
	}, 120_000);

	it('starts from the same weights for the same seed', async () => {
		const predict = async (seed: number) => {
			const model = new CnnModel({ ...config, seed }, data);
			const p = (await model.handleRequest('predict', { pixels: firstTestDigit() })) as number[];
			model.dispose();
			return p;
		};
		const first = await predict(5);
		expect(await predict(5)).toEqual(first);
		expect(await predict(6)).not.toEqual(first);
	});

	it('exports files and loads them back with identical predictions', async () => {
		const model = new CnnModel(config, data);
		for (let i = 0; i < 2; i++) model.trainStep();
		const expected = await model.handleRequest('predict', { pixels: firstTestDigit() });
		const files = (await model.handleRequest('exportFiles', null)) as ModelFiles;
		expect(files.weightData.byteLength).toBeGreaterThan(40_000);
		// Through JSON and a copied buffer, as a download and an upload would.
		const copy: ModelFiles = {
			modelJson: JSON.parse(JSON.stringify(files.modelJson)),
			weightData: files.weightData.slice(0)
		};
		const other = new CnnModel({ ...config, seed: 99 }, data);
		expect(await other.handleRequest('predict', { pixels: firstTestDigit() })).not.toEqual(
			expected
		);
		await other.handleRequest('importFiles', copy);
		expect(await other.handleRequest('predict', { pixels: firstTestDigit() })).toEqual(expected);
		model.dispose();
		other.dispose();
	});

	it('refuses a broken or foreign model file with a clear message and keeps its own', async () => {
		const model = new CnnModel(config, data);
		const expected = await model.handleRequest('predict', { pixels: firstTestDigit() });
		await expect(
			model.handleRequest('importFiles', {
				modelJson: { hello: 1 },
				weightData: new ArrayBuffer(8)
			})
		).rejects.toThrow(/modelTopology/);
		const files = (await model.handleRequest('exportFiles', null)) as ModelFiles;
		await expect(
			model.handleRequest('importFiles', { ...files, weightData: new ArrayBuffer(16) })
		).rejects.toThrow();
		expect(await model.handleRequest('predict', { pixels: firstTestDigit() })).toEqual(expected);
		model.dispose();
	});

	it('gives feature maps of every layer and a confusion matrix over the test set', async () => {
		const model = new CnnModel(config, data);
		const maps = (await model.handleRequest('featureMaps', {
			index: 0
		})) as import('./cnn').FeatureMaps;
		expect(maps.label).toBe(7);
		expect(maps.layers.map((l) => [l.name, l.maps.width, l.maps.count])).toEqual([
			['conv1', 28, 8],
			['pool1', 14, 8],
			['conv2', 14, 16],
			['pool2', 7, 16]
		]);
		expect(maps.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
		const { snapshot, metrics } = await model.evaluate();
		expect(snapshot.confusion.count).toBe(40);
		expect(snapshot.confusion.matrix.reduce((a, b) => a + b, 0)).toBe(40);
		const diagonal = snapshot.confusion.matrix
			.filter((_, i) => i % 11 === 0)
			.reduce((a, b) => a + b, 0);
		expect(metrics.testAccuracy).toBeCloseTo(diagonal / 40, 6);
		model.dispose();
	});

	it('has the parameters the lesson counts: 208 + 3,216 + 7,850 = 11,274, flattening 7·7·16 = 784', () => {
		const model = buildCnn(1);
		expect(model.layers.map((layer) => layer.countParams())).toEqual([208, 0, 3216, 0, 0, 7850]);
		expect(model.getLayer('flatten').outputShape).toEqual([null, 784]);
		expect(model.countParams()).toBe(11_274);
		model.dispose();
	});
});
