import { describe, expect, it } from 'vitest';
import { createRng, normal } from '../random';
import { CpuEngine } from './cpu-engine';
import type { EngineData, NetworkShape, TrainingRule } from './engine';
import { checkAgainstTfjs } from './engine-check';
import { initialParameters, parameterLayout } from './layout';
import type { Activation, Problem } from './spec';

/** Points in [-6, 6]², labelled by a rule the network can learn. */
function sampleData(count: number, problem: Problem, classes: number, seed: number): EngineData {
	const rng = createRng(seed);
	const features = new Float32Array(count * 2);
	const outputs = problem === 'classification' ? classes : 1;
	const targets = new Float32Array(count * outputs);
	for (let i = 0; i < count; i++) {
		const x1 = 3 * normal(rng);
		const x2 = 3 * normal(rng);
		features.set([x1 / 6, x2 / 6], i * 2);
		if (problem === 'regression') targets[i] = Math.tanh((x1 + x2) / 6);
		else
			targets[
				i * outputs +
					(Math.floor(((Math.atan2(x2, x1) + Math.PI) / (2 * Math.PI)) * classes) % classes)
			] = 1;
	}
	return { features, targets, count };
}

const rule = (extra: Partial<TrainingRule> = {}): TrainingRule => ({
	learningRate: 0.1,
	l1: 0,
	l2: 0,
	dropThreshold: 0,
	seed: 7,
	...extra
});

/** Trains our CPU engine and tfjs for `epochs` over the same batches (see checkAgainstTfjs). */
function compare(
	sizes: number[],
	activation: Activation,
	problem: Problem,
	training: TrainingRule,
	epochs: number,
	batchSize = 10
) {
	const layout = parameterLayout(sizes);
	const shape: NetworkShape = { layout, activation, problem };
	const start = initialParameters(layout, 3);
	const data = sampleData(120, problem, sizes[sizes.length - 1], 5);
	const steps = epochs * Math.ceil(data.count / batchSize);
	return checkAgainstTfjs(new CpuEngine(shape, start), start, data, training, {
		batchSize,
		seed: 1,
		steps
	});
}

describe('CPU engine against tfjs layers', () => {
	for (const activation of ['relu', 'tanh', 'sigmoid', 'linear'] as const) {
		it(`matches tfjs after 100 steps with ${activation}`, async () => {
			const result = await compare([2, 6, 4, 2], activation, 'classification', rule(), 9);
			expect(result.steps).toBeGreaterThanOrEqual(100);
			expect(result.lossGap).toBeLessThan(1e-4);
			expect(result.gradientGap).toBeLessThan(1e-4);
			expect(result.weightGap).toBeLessThan(1e-4);
		});
	}

	it('matches tfjs with three classes, L2 and a batch of one', async () => {
		const result = await compare(
			[2, 8, 3],
			'tanh',
			'classification',
			rule({ l2: 0.01, learningRate: 0.03 }),
			1,
			1
		);
		expect(result.lossGap).toBeLessThan(1e-4);
		expect(result.gradientGap).toBeLessThan(1e-4);
	});

	it('with a strong L1, stops weights at exactly 0, the same weights as tfjs', async () => {
		const result = await compare(
			[2, 8, 8, 2],
			'tanh',
			'classification',
			rule({ l1: 0.03, learningRate: 0.1 }),
			9
		);
		// Weights that L1 would have pushed through 0 sit at exactly 0, in both.
		expect(result.zeroWeights).toBeGreaterThan(10);
		expect(result.referenceZeroWeights).toBe(result.zeroWeights);
		expect(result.weightGap).toBeLessThan(1e-4);
		expect(result.lossGap).toBeLessThan(1e-4);
		expect(result.gradientGap).toBeLessThan(1e-4);
	});

	it('matches tfjs on regression with L1', async () => {
		const result = await compare(
			[2, 5, 5, 1],
			'relu',
			'regression',
			rule({ l1: 0.001, learningRate: 0.03 }),
			9
		);
		expect(result.lossGap).toBeLessThan(1e-4);
		expect(result.gradientGap).toBeLessThan(1e-4);
	});
});
