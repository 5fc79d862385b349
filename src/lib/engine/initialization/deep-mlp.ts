import * as tfl from '@tensorflow/tfjs-layers';
import { gpuBarrier } from '../backend';
import type { LiveModel } from '../live-model';
import { createRng, deriveSeed, shuffle, type Rng } from '../random';
import type { Evaluation, Metrics } from '../session';
import * as tf from '../tf';
import { featureMatrix, targetMatrix } from '../playground/features';
import type { DataPoint, Problem } from '../playground/spec';
import { createInitializer, layerSeed } from './initializers';
import { packLayerStats, unpackLayerStats, type LayerTensors } from './layer-stats';
import {
	initializerLabel,
	maxProbeSize,
	type CompareOptions,
	type Dataset,
	type InitializationConfig,
	type InitializationSnapshot,
	type InitializerChoice,
	type LossCurve
} from './spec';

export * from './spec';

/**
 * A deep MLP of `depth` hidden layers of `width` units and one output layer, every kernel drawn by
 * the chosen initialiser (seeded per layer), every bias 0.
 */
export function buildDeepMlp(
	config: InitializationConfig,
	inputs: number,
	outputs: number
): tfl.Sequential {
	const model = tfl.sequential();
	for (let l = 0; l <= config.depth; l++) {
		const output = l === config.depth;
		model.add(
			tfl.layers.dense({
				units: output ? outputs : config.width,
				activation: output ? 'linear' : config.activation,
				kernelInitializer: createInitializer(config.initializer, layerSeed(config.seed, l)),
				biasInitializer: 'zeros',
				...(l === 0 ? { inputShape: [inputs] } : {})
			})
		);
	}
	return model;
}

/** Mean softmax cross-entropy of the logits (classification) or mean squared error. */
function lossOf(problem: Problem, output: tf.Tensor, y: tf.Tensor): tf.Scalar {
	return problem === 'classification'
		? tf.losses.softmaxCrossEntropy(y, output)
		: tf.losses.meanSquaredError(y, output);
}

interface Examples {
	x: tf.Tensor2D;
	y: tf.Tensor2D;
	count: number;
}

function examples(
	points: readonly DataPoint[],
	config: InitializationConfig,
	data: Dataset
): Examples | null {
	if (points.length === 0) return null;
	const inputs = config.features.length;
	const outputs = outputCount(data);
	return {
		x: tf.tensor2d(featureMatrix(points, config.features), [points.length, inputs]),
		y: tf.tensor2d(targetMatrix(points, data.problem, outputs), [points.length, outputs]),
		count: points.length
	};
}

const outputCount = (data: Dataset) => (data.problem === 'classification' ? data.classes : 1);

/** Settings that change the weights: a change starts from fresh initial weights. */
const weightKey = (config: InitializationConfig) =>
	JSON.stringify([
		config.depth,
		config.width,
		config.activation,
		config.initializer,
		config.features,
		config.seed
	]);

/**
 * The lesson's model: a deep MLP on a 2-D data set, trained by minibatch steps of tfjs's SGD or
 * Adam. Each report measures every layer on a fixed probe batch (the first training points):
 * histograms and spread of its activations and of the loss gradient of its kernel, read back with
 * the loss and accuracy in a single `data()`.
 */
export class DeepMlp implements LiveModel<InitializationConfig, Dataset, InitializationSnapshot> {
	#config: InitializationConfig;
	#data: Dataset;
	#model: tfl.Sequential;
	#variables: tf.Variable[] = [];
	#optimizer: tf.Optimizer;
	#train: Examples | null = null;
	#test: Examples | null = null;
	#probe: Examples | null = null;
	#rng: Rng = createRng(0);
	#order = new Int32Array(0);
	#cursor = 0;
	#epoch = 0;
	#step = 0;
	/** The loss of the last step, kept so that sync() can wait on it. */
	#lastLoss: tf.Scalar | null = null;

	constructor(config: InitializationConfig, data: Dataset) {
		this.#config = { ...config, initializer: { ...config.initializer } };
		this.#data = data;
		this.#model = this.#build();
		this.#optimizer = this.#createOptimizer();
		this.setData(data);
	}

	get epoch(): number {
		return this.#epoch;
	}

	/** Optimiser steps since the weights were initialised. */
	get step(): number {
		return this.#step;
	}

	get config(): InitializationConfig {
		return this.#config;
	}

	/** The tfjs model itself, for tests and for reading weights. */
	get model(): tfl.Sequential {
		return this.#model;
	}

	configure(config: InitializationConfig): void {
		const previous = this.#config;
		this.#config = { ...config, initializer: { ...config.initializer } };
		if (weightKey(config) !== weightKey(previous)) {
			const featuresChanged = config.features.join() !== previous.features.join();
			if (featuresChanged) this.setData(this.#data);
			this.reinitialize();
			return;
		}
		if (config.optimizer !== previous.optimizer) {
			this.#optimizer.dispose();
			this.#optimizer = this.#createOptimizer();
		} else if (config.learningRate !== previous.learningRate) {
			// Not `instanceof`: tfjs's optimisers answer it by duck typing, Adam included.
			if (config.optimizer === 'sgd') {
				(this.#optimizer as tf.SGDOptimizer).setLearningRate(config.learningRate);
			} else {
				// tfjs's Adam has no setter: a new one starts its moment estimates afresh.
				this.#optimizer.dispose();
				this.#optimizer = this.#createOptimizer();
			}
		}
	}

	setData(data: Dataset): void {
		const reshaped =
			outputCount(data) !== outputCount(this.#data) || data.problem !== this.#data.problem;
		this.#disposeData();
		this.#data = data;
		this.#train = examples(data.train, this.#config, data);
		this.#test = examples(data.test, this.#config, data);
		const probeSize = Math.min(data.train.length, maxProbeSize);
		this.#probe = examples(data.train.slice(0, probeSize), this.#config, data);
		if (reshaped) this.reinitialize();
		else this.#restartEpochs();
	}

	reinitialize(): void {
		this.#model.dispose();
		this.#optimizer.dispose();
		this.#model = this.#build();
		this.#optimizer = this.#createOptimizer();
		this.#lastLoss?.dispose();
		this.#lastLoss = null;
		this.#step = 0;
		this.#restartEpochs();
	}

	trainStep(): void {
		const train = this.#train;
		if (!train) return;
		const batch = this.#nextBatch(Math.min(this.#config.batchSize, train.count));
		const loss = tf.tidy(() => {
			const picked = tf.tensor1d(batch, 'int32');
			const x = tf.gather(train.x, picked);
			const y = tf.gather(train.y, picked);
			return this.#optimizer.minimize(() => this.#loss(x, y), true, this.#variables)!;
		});
		this.#lastLoss?.dispose();
		this.#lastLoss = loss;
		this.#step++;
	}

	/** Waits for the steps enqueued so far: a queue barrier on WebGPU, else a 4-byte read. */
	async sync(): Promise<void> {
		await (gpuBarrier() ?? this.#lastLoss?.data());
	}

	async evaluate(): Promise<Evaluation<InitializationSnapshot>> {
		const train = this.#train;
		const test = this.#test;
		const probe = this.#probe;
		if (!train || !probe)
			return { metrics: { loss: 0 }, snapshot: { step: this.#step, layers: [] } };
		const classification = this.#data.problem === 'classification';
		const packed = tf.tidy(() => {
			const parts: tf.Tensor[] = [];
			for (const set of [train, test]) {
				if (!set) continue;
				const output = this.#model.apply(set.x) as tf.Tensor2D;
				parts.push(lossOf(this.#data.problem, output, set.y).reshape([1]));
				if (classification) parts.push(accuracy(output, set.y).reshape([1]));
			}
			parts.push(packLayerStats(this.#layerTensors(probe)));
			return tf.concat(parts);
		});
		const values = (await packed.data()) as Float32Array;
		packed.dispose();
		const perSet = classification ? 2 : 1;
		const metrics: Metrics = { loss: values[0] };
		if (classification) metrics.accuracy = values[1];
		if (test) {
			metrics.testLoss = values[perSet];
			if (classification) metrics.testAccuracy = values[perSet + 1];
		}
		const at = perSet * (test ? 2 : 1);
		const units = this.#model.layers.map(
			(layer) => (layer as tfl.layers.Layer).outputShape[1] as number
		);
		return { metrics, snapshot: { step: this.#step, layers: unpackLayerStats(values, units, at) } };
	}

	/**
	 * Trains for `steps` steps from where the model is, and returns the loss over the whole training
	 * set before and every `every` steps after, read back once at the end.
	 */
	async lossCurve(steps: number, every: number): Promise<{ steps: number[]; losses: number[] }> {
		const train = this.#train;
		if (!train) return { steps: [], losses: [] };
		const at: number[] = [];
		const losses: tf.Scalar[] = [];
		const measure = () => {
			at.push(this.#step);
			losses.push(tf.tidy(() => this.#loss(train.x, train.y)));
		};
		measure();
		for (let i = 1; i <= steps; i++) {
			this.trainStep();
			if (i % every === 0 || i === steps) measure();
		}
		const stacked = tf.stack(losses);
		const values = await stacked.data();
		tf.dispose([stacked, ...losses]);
		return { steps: at, losses: Array.from(values) };
	}

	async handleRequest(name: string, payload: unknown): Promise<unknown> {
		switch (name) {
			case 'compareInitializers': {
				const { choices, ...options } = payload as CompareOptions & {
					choices: InitializerChoice[];
				};
				return compareInitializers(this.#config, this.#data, choices, options);
			}
			default:
				throw new Error(`unknown request ${name}`);
		}
	}

	dispose(): void {
		this.#disposeData();
		this.#model.dispose();
		this.#optimizer.dispose();
		this.#lastLoss?.dispose();
		this.#lastLoss = null;
	}

	#build(): tfl.Sequential {
		const model = buildDeepMlp(this.#config, this.#config.features.length, outputCount(this.#data));
		this.#variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
		return model;
	}

	#createOptimizer(): tf.Optimizer {
		const { optimizer, learningRate } = this.#config;
		return optimizer === 'adam' ? tf.train.adam(learningRate) : tf.train.sgd(learningRate);
	}

	#loss(x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
		return lossOf(this.#data.problem, this.#model.apply(x, { training: true }) as tf.Tensor, y);
	}

	/** Every layer's activations on the probe batch, its kernel and the loss gradient of the kernel. */
	#layerTensors(probe: Examples): LayerTensors[] {
		const dense = this.#model.layers;
		const kernels = dense.map((layer) => layer.trainableWeights[0].read() as tf.Variable);
		const { grads } = tf.variableGrads(() => this.#loss(probe.x, probe.y), kernels);
		let h: tf.Tensor2D = probe.x;
		return dense.map((layer, l) => {
			h = layer.apply(h) as tf.Tensor2D;
			return { activations: h, gradient: grads[kernels[l].name], kernel: kernels[l] };
		});
	}

	#restartEpochs(): void {
		const count = this.#train?.count ?? 0;
		this.#rng = createRng(deriveSeed(this.#config.seed, 1000));
		this.#order = Int32Array.from({ length: count }, (_, i) => i);
		shuffle(this.#order, this.#rng);
		this.#cursor = 0;
		this.#epoch = 0;
	}

	#nextBatch(size: number): Int32Array {
		const batch = new Int32Array(size);
		for (let i = 0; i < size; i++) {
			batch[i] = this.#order[this.#cursor++];
			if (this.#cursor === this.#order.length) {
				this.#cursor = 0;
				this.#epoch++;
				shuffle(this.#order, this.#rng);
			}
		}
		return batch;
	}

	#disposeData(): void {
		for (const set of [this.#train, this.#test, this.#probe]) if (set) tf.dispose([set.x, set.y]);
		this.#train = this.#test = this.#probe = null;
	}
}

function accuracy(output: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
	return tf.mean(tf.equal(tf.argMax(output, 1), tf.argMax(y, 1)).toFloat());
}

/**
 * Trains one copy of the model per initialiser, from `config` otherwise, on the same data and the
 * same batches, and returns their loss curves over the training set. Each copy is disposed after
 * its run; the curves are read back once per copy.
 */
export async function compareInitializers(
	config: InitializationConfig,
	data: Dataset,
	choices: InitializerChoice[],
	options: CompareOptions
): Promise<LossCurve[]> {
	const steps = Math.max(0, Math.floor(options.steps));
	const every = Math.max(1, Math.floor(options.every ?? steps / 50));
	const curves: LossCurve[] = [];
	for (const initializer of choices) {
		const model = new DeepMlp({ ...config, initializer }, data);
		try {
			const curve = await model.lossCurve(steps, every);
			curves.push({ initializer, label: initializerLabel(initializer), ...curve });
		} finally {
			model.dispose();
		}
	}
	return curves;
}
