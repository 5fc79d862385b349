import * as tf from '../tf';
import { describe, expect, it } from 'vitest';
import { generatePreset, type PointSet } from '../data/points2d';
import { PerceptronModel, type PerceptronConfig } from './perceptron';

const separable = generatePreset('separable', 3);
const config: PerceptronConfig = {
	activation: 'sigmoid',
	learningRate: 0.5,
	batchSize: 8,
	seed: 42
};

function trainFor(model: PerceptronModel, steps: number) {
	for (let i = 0; i < steps; i++) model.trainStep();
}

describe('PerceptronModel', () => {
	it.each(['sigmoid', 'step'] as const)(
		'lowers the loss on separable data (%s)',
		async (activation) => {
			const model = new PerceptronModel({ ...config, activation, seed: 7 }, separable);
			const before = await model.evaluate();
			trainFor(model, 60);
			const after = await model.evaluate();
			expect(after.metrics.loss).toBeLessThan(before.metrics.loss * 0.5);
			expect(after.metrics.accuracy).toBeGreaterThan(0.95);
			expect(after.metrics.testAccuracy).toBeGreaterThan(0.9);
			model.dispose();
		}
	);

	it('cannot learn XOR: a single line stays near chance', async () => {
		const model = new PerceptronModel(config, generatePreset('xor', 3));
		trainFor(model, 300);
		const { metrics } = await model.evaluate();
		expect(metrics.accuracy).toBeLessThan(0.75);
		model.dispose();
	});

	it('repeats a seeded run exactly, and another seed differs', async () => {
		const run = async (seed: number) => {
			const model = new PerceptronModel({ ...config, seed }, separable);
			trainFor(model, 40);
			const { snapshot, metrics } = await model.evaluate();
			model.dispose();
			return { snapshot, metrics };
		};
		const first = await run(1);
		expect(await run(1)).toEqual(first);
		expect((await run(2)).snapshot).not.toEqual(first.snapshot);
	});

	it('reinitialize returns to the same initial weights', async () => {
		const model = new PerceptronModel(config, separable);
		const initial = (await model.evaluate()).snapshot;
		trainFor(model, 25);
		expect((await model.evaluate()).snapshot).not.toEqual(initial);
		model.reinitialize();
		expect((await model.evaluate()).snapshot).toEqual(initial);
		expect(model.epoch).toBe(0);
		model.dispose();
	});

	it('leaks no tensor per epoch, and frees everything on dispose', async () => {
		const start = tf.memory().numTensors;
		const model = new PerceptronModel(config, separable);
		const perEpoch = Math.ceil(separable.train.length / config.batchSize);
		const counts: number[] = [];
		for (let epoch = 0; epoch < 5; epoch++) {
			trainFor(model, perEpoch);
			await model.evaluate();
			await model.explainStep();
			counts.push(tf.memory().numTensors);
		}
		expect(model.epoch).toBeGreaterThanOrEqual(5);
		expect(new Set(counts.slice(1)).size).toBe(1);
		model.dispose();
		expect(tf.memory().numTensors).toBe(start);
	});

	it('explains a sigmoid step with the numbers of gradient descent', async () => {
		const model = new PerceptronModel({ ...config, learningRate: 0.3 }, separable);
		const d = await model.explainStep();
		const { x1, x2, label } = d.example;
		const z = d.before.w1 * x1 + d.before.w2 * x2 + d.before.b;
		const sigma = 1 / (1 + Math.exp(-z));
		expect(d.weightedSum).toBeCloseTo(z, 5);
		expect(d.output).toBeCloseTo(sigma, 5);
		expect(d.loss).toBeCloseTo(-(label * Math.log(sigma) + (1 - label) * Math.log(1 - sigma)), 5);
		// dL/dz = σ(z) − y, so dL/dw = (σ(z) − y)·x and dL/db = σ(z) − y.
		expect(d.gradient.w1).toBeCloseTo((sigma - label) * x1, 5);
		expect(d.gradient.w2).toBeCloseTo((sigma - label) * x2, 5);
		expect(d.gradient.b).toBeCloseTo(sigma - label, 5);
		expect(d.after.w1).toBeCloseTo(d.before.w1 - 0.3 * d.gradient.w1, 5);
		expect(d.after.b).toBeCloseTo(d.before.b - 0.3 * d.gradient.b, 5);
		expect((await model.evaluate()).snapshot.w1).toBeCloseTo(d.after.w1, 6);
		model.dispose();
	});

	it("steps with Rosenblatt's rule for the step activation", async () => {
		// Start with a line that misclassifies the point (0.5, 0.5) of class 1.
		const points: PointSet = { train: [{ x1: 0.5, x2: 0.5, label: 1 }], test: [] };
		const model = new PerceptronModel({ ...config, activation: 'step', learningRate: 0.1 }, points);
		model.restore({ w1: -1, w2: -1, b: 0 });
		const d = await model.explainStep();
		expect(d.output).toBe(0);
		expect(d.prediction).toBe(0);
		// w ← w + η (y − ŷ) x
		expect(d.after.w1).toBeCloseTo(-1 + 0.1 * 0.5, 6);
		expect(d.after.w2).toBeCloseTo(-1 + 0.1 * 0.5, 6);
		expect(d.after.b).toBeCloseTo(0.1, 6);
		// A correctly classified example leaves the weights alone.
		model.restore({ w1: 1, w2: 1, b: 0 });
		const still = await model.explainStep();
		expect(still.gradient).toEqual({ w1: 0, w2: 0, b: 0 });
		expect(still.after).toEqual(still.before);
		model.dispose();
	});

	it('trains on new data without being rebuilt, and handles an empty set', async () => {
		const model = new PerceptronModel(config, { train: [], test: [] });
		model.trainStep();
		expect((await model.evaluate()).metrics).toEqual({ loss: 0 });
		await expect(model.explainStep()).rejects.toThrow(/no training points/);
		model.setData(separable);
		trainFor(model, 30);
		expect((await model.evaluate()).metrics.accuracy).toBeGreaterThan(0.9);
		model.dispose();
	});

	it('applies a new learning rate from the next step', async () => {
		const model = new PerceptronModel({ ...config, learningRate: 0 }, separable);
		const initial = (await model.evaluate()).snapshot;
		trainFor(model, 5);
		expect((await model.evaluate()).snapshot).toEqual(initial);
		model.configure({ ...config, learningRate: 0.5 });
		trainFor(model, 5);
		expect((await model.evaluate()).snapshot).not.toEqual(initial);
		model.dispose();
	});
});
