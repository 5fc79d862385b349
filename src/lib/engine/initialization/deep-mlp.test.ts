import { afterEach, describe, expect, it, vi } from 'vitest';
import * as tf from '../tf';
import { generateDataset } from '../playground/datasets';
import {
	compareInitializers,
	DeepMlp,
	defaultConfig,
	type InitializationConfig,
	type InitializerChoice
} from './deep-mlp';

const spiral = generateDataset('spiral', { seed: 1, noise: 0, trainRatio: 0.8, points: 800 });
const circle = generateDataset('circle', { seed: 2, noise: 0, trainRatio: 0.8, points: 400 });

const config = (changes: Partial<InitializationConfig>): InitializationConfig => ({
	...defaultConfig,
	...changes
});

const models: DeepMlp[] = [];
function create(changes: Partial<InitializationConfig>, data = spiral): DeepMlp {
	const model = new DeepMlp(config(changes), data);
	models.push(model);
	return model;
}

afterEach(() => {
	for (const model of models.splice(0)) model.dispose();
	vi.restoreAllMocks();
});

/** Every layer's kernel, as rows of incoming weights per unit: unit j's weights are column j. */
async function kernels(model: DeepMlp): Promise<number[][][]> {
	return Promise.all(
		model.model.layers.map(async (layer) => {
			const kernel = layer.getWeights()[0];
			const [inputs, units] = kernel.shape;
			const values = await kernel.data();
			return Array.from({ length: units }, (_, j) =>
				Array.from({ length: inputs }, (_, i) => values[i * units + j])
			);
		})
	);
}

function train(model: DeepMlp, steps: number): void {
	for (let i = 0; i < steps; i++) model.trainStep();
}

/** The largest difference between unit 0's incoming weights and any other unit's. */
const spreadAcrossUnits = (columns: number[][]) =>
	Math.max(...columns.flatMap((column) => column.map((w, i) => Math.abs(w - columns[0][i]))));
const largest = (columns: number[][]) => Math.max(...columns.flat().map(Math.abs));

describe('DeepMlp', () => {
	it.each([
		['zeros, sigmoid, Adam', { kind: 'zeros' }, 'sigmoid', 'adam', 30],
		['constant 0.1, ReLU, SGD', { kind: 'constant', value: 0.1 }, 'relu', 'sgd', 20]
	] as const)(
		'%s: every hidden unit of a layer keeps the same incoming weights while they move (symmetry)',
		async (_, initializer, activation, optimizer, steps) => {
			const model = create({
				depth: 6,
				width: 16,
				initializer,
				activation,
				optimizer,
				learningRate: optimizer === 'sgd' ? 0.05 : 0.01
			});
			const before = await kernels(model);
			train(model, steps);
			const after = await kernels(model);
			for (let l = 0; l < model.config.depth; l++) {
				const moved = Math.max(
					...after[l].flatMap((column, j) => column.map((w, i) => Math.abs(w - before[l][j][i])))
				);
				expect(moved).toBeGreaterThan(1e-4);
				expect(spreadAcrossUnits(after[l])).toBeLessThanOrEqual(1e-6);
			}
		}
	);

	it('constant 0.1: the activations spread over the points, the gradients of a layer collapse to one value', async () => {
		const model = create({ initializer: { kind: 'constant', value: 0.1 } }, circle);
		const { layers } = (await model.evaluate()).snapshot;
		const hidden = layers.slice(0, -1);
		// W = c: every unit of a layer outputs the same f(c·Σa), but a different one for each point.
		for (const layer of hidden) expect(layer.activations.std).toBeGreaterThan(0.1);
		// ∂L/∂W_ij = mean over the points of δ_j a_i, with δ_j and a_i alike across units: one value
		// per layer beyond the first (the first has one per input).
		for (const layer of hidden.slice(1)) expect(layer.gradients.std).toBe(0);
	});

	it.each(['relu', 'tanh'] as const)(
		'zeros with %s (f(0) = 0): every hidden output and every kernel gradient is exactly 0',
		async (activation) => {
			const model = create({ initializer: { kind: 'zeros' }, activation }, circle);
			for (const layer of (await model.evaluate()).snapshot.layers) {
				expect(layer.gradients.std).toBe(0);
				expect(layer.gradients.mean).toBe(0);
				if (!layer.output) expect(layer.activations.std + Math.abs(layer.activations.mean)).toBe(0);
			}
		}
	);

	it('He normal breaks the symmetry: the units of a layer differ', async () => {
		const model = create({ depth: 6, width: 16, initializer: { kind: 'heNormal' } });
		train(model, 5);
		for (const columns of (await kernels(model)).slice(0, 6)) {
			expect(spreadAcrossUnits(columns)).toBeGreaterThan(0.1 * largest(columns));
		}
	});

	it('ReLU: He keeps the activation variance of layer 8 within 2x of layer 1; normal(0, 1) explodes', async () => {
		const variances = async (initializer: InitializerChoice) => {
			const model = create({ depth: 8, width: 64, activation: 'relu', initializer, seed: 1 });
			const { layers } = (await model.evaluate()).snapshot;
			return layers.map((layer) => layer.activations.std ** 2);
		};
		const he = await variances({ kind: 'heNormal' });
		const heRatio = he[7] / he[0];
		expect(heRatio).toBeGreaterThan(0.5);
		expect(heRatio).toBeLessThan(2);
		// Seed 1, probe of 512 spiral points: layer 1 3.25, layer 8 3.36 (ratio 1.04).
		expect(heRatio).toBeCloseTo(1.04, 1);
		const normal = await variances({ kind: 'normal', std: 1 });
		// Each layer multiplies the variance by about fan-in / 2 = 32: 32^7 ≈ 3e10 (measured 2.8e10).
		expect(normal[7] / normal[0]).toBeGreaterThan(1e8);
		for (let l = 1; l < 8; l++) expect(normal[l] / normal[l - 1]).toBeGreaterThan(10);
	});

	it('sigmoid with normal(0, 0.01): gradients vanish towards the first layer', async () => {
		const model = create({
			depth: 8,
			width: 32,
			activation: 'sigmoid',
			initializer: { kind: 'normal', std: 0.01 }
		});
		const { layers } = (await model.evaluate()).snapshot;
		const std = layers.map((layer) => layer.gradients.std);
		// Each layer back multiplies by about 0.25 (the slope of σ) × 0.01 × √32.
		expect(std[0] / std[7]).toBeLessThan(1e-6);
		for (let l = 1; l < 8; l++) expect(std[l - 1]).toBeLessThan(std[l]);
		// Glorot normal weights: the slope of σ still thins the gradients layer by layer, but about
		// a hundred million times less over the eight layers (1e-4 instead of 1e-12).
		const glorot = create({
			depth: 8,
			width: 32,
			activation: 'sigmoid',
			initializer: { kind: 'glorotNormal' }
		});
		const kept = (await glorot.evaluate()).snapshot.layers.map((layer) => layer.gradients.std);
		expect(kept[0] / kept[7]).toBeGreaterThan(1e-5);
	});

	it('reads a report back in one data() call, never with dataSync', async () => {
		const model = create({ depth: 6, width: 16 });
		train(model, 3);
		const data = vi.spyOn(tf.Tensor.prototype, 'data');
		const dataSync = vi.spyOn(tf.Tensor.prototype, 'dataSync');
		const arraySync = vi.spyOn(tf.Tensor.prototype, 'arraySync');
		const { metrics, snapshot } = await model.evaluate();
		expect(data).toHaveBeenCalledTimes(1);
		expect(dataSync).not.toHaveBeenCalled();
		expect(arraySync).not.toHaveBeenCalled();
		expect(snapshot.step).toBe(3);
		expect(snapshot.layers).toHaveLength(7);
		expect(snapshot.layers.map((layer) => layer.units)).toEqual([16, 16, 16, 16, 16, 16, 2]);
		expect(snapshot.layers[6].output).toBe(true);
		for (const layer of snapshot.layers) {
			for (const { histogram } of [layer.activations, layer.gradients]) {
				expect(histogram.counts).toHaveLength(30);
				expect(histogram.low).toBeLessThan(histogram.high);
			}
			// Every probe example (512) times every unit lands in a bin; every kernel weight too.
			expect(layer.activations.histogram.counts.reduce((a, b) => a + b)).toBe(512 * layer.units);
			const fanIn = layer.layer === 1 ? 2 : 16;
			expect(layer.gradients.histogram.counts.reduce((a, b) => a + b)).toBe(fanIn * layer.units);
		}
		expect(metrics.loss).toBeGreaterThan(0);
		expect(metrics.accuracy).toBeGreaterThanOrEqual(0);
		expect(metrics.testLoss).toBeGreaterThan(0);
		expect(metrics.testAccuracy).toBeGreaterThanOrEqual(0);
	});

	it.each(['sgd', 'adam'] as const)(
		'leaks no tensor per step or report (%s)',
		async (optimizer) => {
			const model = create({ depth: 6, width: 16, optimizer });
			// The first step creates the optimiser's slots.
			train(model, 2);
			await model.evaluate();
			const before = tf.memory().numTensors;
			train(model, 10);
			await model.evaluate();
			await model.sync();
			expect(tf.memory().numTensors).toBe(before);
		}
	);

	it('repeats a seeded run exactly, and another seed differs', async () => {
		const run = async (seed: number) => {
			const model = create({ depth: 6, width: 16, seed });
			train(model, 5);
			return { weights: await kernels(model), report: await model.evaluate() };
		};
		const first = await run(3);
		expect(await run(3)).toEqual(first);
		expect((await run(4)).weights).not.toEqual(first.weights);
	});

	it('reinitialize returns to the same initial weights', async () => {
		const model = create({ depth: 6, width: 16 });
		const initial = await kernels(model);
		train(model, 5);
		expect(await kernels(model)).not.toEqual(initial);
		const tensors = tf.memory().numTensors;
		model.reinitialize();
		expect(await kernels(model)).toEqual(initial);
		expect(model.step).toBe(0);
		expect(model.epoch).toBe(0);
		expect(tf.memory().numTensors).toBeLessThanOrEqual(tensors);
	});

	it('learns the circle with He and Adam', async () => {
		const model = create(
			{ depth: 6, width: 16, optimizer: 'adam', learningRate: 0.01, batchSize: 32 },
			circle
		);
		const before = (await model.evaluate()).metrics;
		train(model, 150);
		const after = (await model.evaluate()).metrics;
		expect(after.loss).toBeLessThan(0.5 * before.loss);
		expect(after.accuracy).toBeGreaterThan(0.9);
		expect(model.epoch).toBe(Math.floor((150 * 32) / circle.train.length));
	});

	it('keeps the weights when only the learning rate or optimiser changes, and rebuilds otherwise', async () => {
		const model = create({ depth: 6, width: 16 });
		train(model, 3);
		const trained = await kernels(model);
		model.configure({ ...model.config, learningRate: 0.1 });
		model.configure({ ...model.config, optimizer: 'adam' });
		model.configure({ ...model.config, learningRate: 0.001 });
		expect(await kernels(model)).toEqual(trained);
		expect(model.step).toBe(3);
		model.configure({ ...model.config, depth: 7, features: ['x1', 'x2', 'x1TimesX2'] });
		expect(model.model.layers).toHaveLength(8);
		expect(model.model.layers[0].getWeights()[0].shape).toEqual([3, 16]);
		expect(model.step).toBe(0);
		train(model, 1);
		expect((await model.evaluate()).snapshot.layers).toHaveLength(8);
	});

	it('takes data with more classes by growing the output layer', async () => {
		const model = create({ depth: 6, width: 16 });
		const blobs = generateDataset('blobs', { seed: 1, noise: 0, trainRatio: 0.8, classes: 4 });
		model.setData(blobs);
		train(model, 2);
		const { snapshot } = await model.evaluate();
		expect(snapshot.layers[6].units).toBe(4);
	});
});

describe('compareInitializers', () => {
	const choices: InitializerChoice[] = [
		{ kind: 'zeros' },
		{ kind: 'normal', std: 1 },
		{ kind: 'heNormal' }
	];
	const base = config({ depth: 6, width: 16, learningRate: 0.01, optimizer: 'adam' });

	it('trains one copy per initialiser and returns their loss curves', async () => {
		const tensors = tf.memory().numTensors;
		const curves = await compareInitializers(base, circle, choices, { steps: 60, every: 20 });
		expect(tf.memory().numTensors).toBe(tensors);
		expect(curves.map((curve) => curve.label)).toEqual(['zeros', 'normal(0, 1)', 'He normal']);
		for (const curve of curves) expect(curve.steps).toEqual([0, 20, 40, 60]);
		const [zeros, normal, he] = curves.map((curve) => curve.losses);
		// Zeros: every logit 0, the loss of a coin toss, ln 2, at the start.
		expect(zeros[0]).toBeCloseTo(Math.LN2, 5);
		// normal(0, 1) on 6 layers of 16: logits in the thousands, a loss far above ln 2.
		expect(normal[0]).toBeGreaterThan(100);
		expect(he[3]).toBeLessThan(he[0]);
		expect(he[3]).toBeLessThan(zeros[3]);
		expect(await compareInitializers(base, circle, choices, { steps: 60, every: 20 })).toEqual(
			curves
		);
	});

	it('is a request of the live model too', async () => {
		const model = create({ depth: 6, width: 16 }, circle);
		const curves = (await model.handleRequest('compareInitializers', {
			choices: [{ kind: 'lecunNormal' }],
			steps: 5
		})) as { steps: number[] }[];
		expect(curves[0].steps).toEqual([0, 1, 2, 3, 4, 5]);
		await expect(model.handleRequest('nothing', null)).rejects.toThrow(/unknown request/);
	});
});
