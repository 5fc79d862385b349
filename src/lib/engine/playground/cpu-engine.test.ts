import { describe, expect, it } from 'vitest';
import { createRng, normal } from '../random';
import { CpuEngine } from './cpu-engine';
import type { EngineData, NetworkShape, TrainingRule } from './engine';
import { initialParameters, parameterLayout, planEpochs, shuffleRng } from './layout';
import { LayersTrainer } from './tfjs-network';
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

/** Trains both for `epochs` over the same batches; returns the largest differences. */
async function compare(
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
	const outputs = sizes[sizes.length - 1];
	const data = sampleData(120, problem, outputs, 5);
	const engine = new CpuEngine(shape, start);
	engine.setTrainingData(data);
	const reference = new LayersTrainer(
		shape,
		start,
		training,
		data.features,
		data.targets,
		data.count
	);
	const plan = planEpochs(data.count, batchSize, epochs, shuffleRng(1));
	engine.train(plan, 0, training);
	reference.train(plan);
	const { parameters } = await engine.evaluate(new Float32Array(0), 0);
	// The engine's loss and gradient, measured by tfjs on the engine's weights.
	const check = new LayersTrainer(
		shape,
		parameters,
		training,
		data.features,
		data.targets,
		data.count
	);
	const ours = await check.lossAndGradients();
	const theirs = await reference.lossAndGradients();
	let weightGap = 0;
	let gradientGap = 0;
	const flat = await Promise.all(reference.model.getWeights().map((w) => w.data()));
	const referenceParameters = Float32Array.from(flat.flatMap((values) => Array.from(values)));
	for (let i = 0; i < parameters.length; i++) {
		weightGap = Math.max(weightGap, Math.abs(parameters[i] - referenceParameters[i]));
		gradientGap = Math.max(gradientGap, Math.abs(ours.gradients[i] - theirs.gradients[i]));
	}
	check.dispose();
	reference.dispose();
	return {
		lossGap: Math.abs(ours.loss - theirs.loss),
		weightGap,
		gradientGap,
		startLoss: theirs.loss,
		plan
	};
}

describe('CPU engine against tfjs layers', () => {
	for (const activation of ['relu', 'tanh', 'sigmoid', 'linear'] as const) {
		it(`matches tfjs after 100 steps with ${activation}`, async () => {
			const result = await compare([2, 6, 4, 2], activation, 'classification', rule(), 9);
			expect(result.plan.ends.length).toBeGreaterThanOrEqual(100);
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
