import type { EngineData, NetworkEngine, TrainingRule } from './engine';
import { planEpochs, shuffleRng, type ParameterLayout } from './layout';
import { LayersTrainer, readLayersWeights } from './tfjs-network';

/** How closely an engine followed tfjs's own layers and SGD over the same steps. */
export interface EngineCheck {
	engine: NetworkEngine['kind'];
	steps: number;
	loss: number;
	referenceLoss: number;
	lossGap: number;
	gradientGap: number;
	weightGap: number;
	/** How far the weights moved from where they started: the check is only worth it when > 0. */
	moved: number;
	/** Kernel weights that ended at exactly 0 (L1 stops weights there), ours and tfjs's. */
	zeroWeights: number;
	referenceZeroWeights: number;
}

function zeroKernelWeights(parameters: Float32Array, layout: ParameterLayout): number {
	let zeros = 0;
	layout.weightOffsets.forEach((from, l) => {
		for (let w = from; w < layout.biasOffsets[l]; w++) if (parameters[w] === 0) zeros++;
	});
	return zeros;
}

function largestGap(a: Float32Array, b: Float32Array): number {
	let gap = 0;
	for (let i = 0; i < a.length; i++) gap = Math.max(gap, Math.abs(a[i] - b[i]));
	return gap;
}

/**
 * Trains `engine` (a fresh copy at `start`, disposed here) and a tfjs Layers model with tfjs's
 * own SGD for `plan.steps` steps on the same batches, then measures with tfjs how far apart their
 * weights, losses and gradients end up: tfjs is the reference for correctness.
 */
export async function checkAgainstTfjs(
	engine: NetworkEngine,
	start: Float32Array,
	data: EngineData,
	rule: TrainingRule,
	plan: { batchSize: number; seed: number; steps: number }
): Promise<EngineCheck> {
	const { features, targets, count } = data;
	const shape = engine.shape;
	const reference = new LayersTrainer(shape, start, rule, features, targets, count);
	try {
		engine.setTrainingData(data);
		const epochs = Math.ceil(plan.steps / Math.ceil(count / plan.batchSize));
		const full = planEpochs(count, plan.batchSize, epochs, shuffleRng(plan.seed));
		const steps = { order: full.order, ends: full.ends.slice(0, plan.steps) };
		engine.train(steps, 0, rule);
		reference.train(steps);
		const ours = (await engine.evaluate(new Float32Array(0), 0)).parameters;
		const check = new LayersTrainer(shape, ours, rule, features, targets, count);
		const [mine, theirs] = [await check.lossAndGradients(), await reference.lossAndGradients()];
		check.dispose();
		const referenceWeights = (await readLayersWeights(reference.model)).parameters;
		return {
			engine: engine.kind,
			steps: steps.ends.length,
			loss: mine.loss,
			referenceLoss: theirs.loss,
			lossGap: Math.abs(mine.loss - theirs.loss),
			gradientGap: largestGap(mine.gradients, theirs.gradients),
			weightGap: largestGap(ours, referenceWeights),
			moved: largestGap(ours, start),
			zeroWeights: zeroKernelWeights(ours, shape.layout),
			referenceZeroWeights: zeroKernelWeights(referenceWeights, shape.layout)
		};
	} finally {
		engine.dispose();
		reference.dispose();
	}
}
