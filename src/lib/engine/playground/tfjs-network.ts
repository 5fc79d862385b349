import * as tfl from '@tensorflow/tfjs-layers';
import * as tf from '../tf';
import type { NetworkShape, TrainingRule } from './engine';
import { parameterLayout, type EpochPlan, type ParameterLayout } from './layout';
import type { Activation } from './spec';

/**
 * The same network as a tfjs Layers model trained with tfjs's own SGD and automatic
 * differentiation: the reference the hand-written engines must match, the bare loop the
 * benchmark races, and the format the lesson exports.
 */
export function buildLayersModel(sizes: number[], activation: Activation, l2 = 0): tfl.Sequential {
	const model = tfl.sequential();
	const regularizer = l2 > 0 ? tfl.regularizers.l2({ l2 }) : undefined;
	for (let l = 1; l < sizes.length; l++) {
		const output = l === sizes.length - 1;
		model.add(
			tfl.layers.dense({
				units: sizes[l],
				activation: output ? 'linear' : activation,
				kernelRegularizer: regularizer,
				...(l === 1 ? { inputShape: [sizes[0]] } : {})
			})
		);
	}
	return model;
}

/** Puts the flat parameters (see `parameterLayout`) into the model's kernels and biases. */
export function setLayersWeights(
	model: tfl.LayersModel,
	layout: ParameterLayout,
	parameters: Float32Array
): void {
	const tensors = layout.weightOffsets.flatMap((offset, l) => {
		const inputs = layout.sizes[l];
		const width = layout.sizes[l + 1];
		return [
			tf.tensor2d(parameters.subarray(offset, offset + inputs * width), [inputs, width]),
			tf.tensor1d(parameters.subarray(layout.biasOffsets[l], layout.biasOffsets[l] + width))
		];
	});
	model.setWeights(tensors);
	tf.dispose(tensors);
}

/** The model's weights as one flat array, and the layer sizes they belong to. */
export async function readLayersWeights(
	model: tfl.LayersModel
): Promise<{ sizes: number[]; parameters: Float32Array }> {
	const dense = model.layers.filter((layer) => layer.getClassName() === 'Dense');
	if (dense.length === 0 || dense.length !== model.layers.length) {
		throw new Error('the model has layers other than Dense: it was not made by this lesson');
	}
	const first = dense[0].getWeights()[0];
	const sizes = [
		first.shape[0] as number,
		...dense.map((layer) => layer.getWeights()[0].shape[1] as number)
	];
	const layout = parameterLayout(sizes);
	const parameters = new Float32Array(layout.parameterCount);
	for (let l = 0; l < dense.length; l++) {
		const [kernel, bias] = dense[l].getWeights();
		if (!bias) throw new Error('a Dense layer of the model has no bias');
		parameters.set(await kernel.data(), layout.weightOffsets[l]);
		parameters.set(await bias.data(), layout.biasOffsets[l]);
	}
	return { sizes, parameters };
}

/** The kernels of the model's Dense layers, as the variables tfjs differentiates. */
function kernels(model: tfl.LayersModel): tf.Variable[] {
	return model.layers.map((layer) => layer.trainableWeights[0].read() as tf.Variable);
}

/**
 * The batch loss: mean cross-entropy of softmax (or mean squared error), plus the layers' own
 * penalties (L2 here), plus `l1 · Σ|w|` over the kernels when `l1` is given.
 */
export function layersLoss(
	model: tfl.LayersModel,
	x: tf.Tensor2D,
	y: tf.Tensor2D,
	problem: NetworkShape['problem'],
	l1 = 0
): tf.Scalar {
	return tf.tidy(() => {
		const output = model.apply(x, { training: true }) as tf.Tensor2D;
		let loss: tf.Scalar =
			problem === 'classification'
				? tf.losses.softmaxCrossEntropy(y, output)
				: tf.losses.meanSquaredError(y, output);
		for (const penalty of model.calculateLosses()) loss = tf.add(loss, penalty);
		if (l1 > 0) {
			const sums = kernels(model).map((kernel) => tf.sum(tf.abs(kernel)));
			loss = tf.add(loss, tf.mul(l1, tf.addN(sums)));
		}
		return loss;
	});
}

/**
 * A bare tfjs training loop over the same plan as the engines: `optimizer.minimize` per batch of
 * the loss with L2, then, with L1, every kernel weight moved `rate · l1` towards 0 and stopped at 0
 * (tf.sign · relu(|w| − rate · l1): the engines' `updatedWeight`).
 */
export class LayersTrainer {
	readonly model: tfl.Sequential;
	readonly #optimizer: tf.Optimizer;
	readonly #ownsOptimizer: boolean;
	readonly #problem: NetworkShape['problem'];
	readonly #l1: number;
	readonly #l1Step: number;
	#x: tf.Tensor2D;
	#y: tf.Tensor2D;

	constructor(
		shape: NetworkShape,
		parameters: Float32Array,
		rule: TrainingRule,
		features: Float32Array,
		targets: Float32Array,
		count: number,
		/** tfjs's SGD at the rule's rate, unless another optimiser is given (its owner disposes it). */
		optimizer?: tf.Optimizer
	) {
		const sizes = shape.layout.sizes;
		this.#problem = shape.problem;
		this.model = buildLayersModel(sizes, shape.activation, rule.l2);
		this.#l1 = rule.l1;
		this.#l1Step = rule.learningRate * rule.l1;
		setLayersWeights(this.model, shape.layout, parameters);
		this.#optimizer = optimizer ?? tf.train.sgd(rule.learningRate);
		this.#ownsOptimizer = !optimizer;
		this.#x = tf.tensor2d(features, [count, sizes[0]]);
		this.#y = tf.tensor2d(targets, [count, sizes[sizes.length - 1]]);
	}

	train(plan: EpochPlan): void {
		let begin = 0;
		for (const end of plan.ends) {
			const indices = plan.order.subarray(begin, end);
			tf.tidy(() => {
				const picked = tf.tensor1d(indices, 'int32');
				const x = tf.gather(this.#x, picked);
				const y = tf.gather(this.#y, picked);
				this.#optimizer.minimize(() => layersLoss(this.model, x, y, this.#problem));
				if (this.#l1Step > 0) {
					for (const kernel of kernels(this.model)) {
						kernel.assign(tf.mul(tf.sign(kernel), tf.relu(tf.sub(tf.abs(kernel), this.#l1Step))));
					}
				}
			});
			begin = end;
		}
	}

	/** The loss over every training point, as a scalar on the backend (the caller disposes it). */
	loss(): tf.Scalar {
		return tf.tidy(() => layersLoss(this.model, this.#x, this.#y, this.#problem, this.#l1));
	}

	/** The loss over every training point and its gradient for every parameter, flat. */
	async lossAndGradients(): Promise<{ loss: number; gradients: Float32Array }> {
		const weights = this.model.trainableWeights.map((w) => w.read() as tf.Variable);
		const { value, grads } = tf.variableGrads(
			() => layersLoss(this.model, this.#x, this.#y, this.#problem, this.#l1),
			weights
		);
		const flat = tf.concat(weights.map((w) => grads[w.name].flatten()));
		const [loss, gradients] = await Promise.all([value.data(), flat.data()]);
		tf.dispose([value, flat, ...Object.values(grads)]);
		return { loss: loss[0], gradients: gradients as Float32Array };
	}

	dispose(): void {
		this.model.dispose();
		if (this.#ownsOptimizer) this.#optimizer.dispose();
		tf.dispose([this.#x, this.#y]);
	}
}
