import { createRng, deriveSeed, type Rng } from '$lib/engine/random';
import { featureValue } from '$lib/engine/playground/features';
import type { Activation, DataPoint, Dataset, FeatureName } from '$lib/engine/playground/spec';

/**
 * The benchmark's plain-JavaScript reference: a network built the way TensorFlow Playground's
 * `nn.ts` builds one (our own code, written to have the same structure and the same cost). An
 * object graph of neurons and links; every training point goes forward and back on its own
 * (its input array built from the point, feature by feature, each time), each link and neuron
 * adding its derivative to an accumulator; every `batchSize` points the accumulated averages
 * are applied. One output neuron with tanh, targets ±1, square error ½(o − t)², points visited
 * in their stored order, no regularisation. Nothing is typed arrays, nothing is fused.
 */

/** An activation and its derivative, the derivative taking the neuron's total input (not its output). */
interface Squash {
	output(input: number): number;
	der(input: number): number;
}

const squashes: Record<Activation, Squash> = {
	tanh: {
		output: (x) => Math.tanh(x),
		der: (x) => {
			const y = Math.tanh(x);
			return 1 - y * y;
		}
	},
	relu: { output: (x) => (x > 0 ? x : 0), der: (x) => (x > 0 ? 1 : 0) },
	sigmoid: {
		output: (x) => 1 / (1 + Math.exp(-x)),
		der: (x) => {
			const y = 1 / (1 + Math.exp(-x));
			return y * (1 - y);
		}
	},
	linear: { output: (x) => x, der: () => 1 }
};

/** ½(o − t)² and its derivative with respect to o. */
export const squareError = {
	error: (output: number, target: number) => 0.5 * (output - target) ** 2,
	der: (output: number, target: number) => output - target
};

export class Neuron {
	readonly incoming: Connection[] = [];
	readonly outgoing: Connection[] = [];
	bias = 0.1;
	totalInput = 0;
	output = 0;
	/** dE/d(output) and dE/d(total input) for the last sample. */
	outputDer = 0;
	inputDer = 0;
	/** dE/d(bias) summed over the samples since the last update, and how many. */
	accInputDer = 0;
	numAccumulatedDers = 0;

	constructor(readonly squash: Squash) {}

	fire(): number {
		let total = this.bias;
		for (let k = 0; k < this.incoming.length; k++) {
			const link = this.incoming[k];
			total += link.weight * link.source.output;
		}
		this.totalInput = total;
		this.output = this.squash.output(total);
		return this.output;
	}
}

export class Connection {
	errorDer = 0;
	accErrorDer = 0;
	numAccumulatedDers = 0;

	constructor(
		readonly source: Neuron,
		readonly dest: Neuron,
		public weight: number
	) {}
}

/** Layers of neurons, inputs first, every neuron linked to each of the layer before. */
export function buildLayers(
	sizes: number[],
	hidden: Activation,
	output: Activation,
	rng: Rng
): Neuron[][] {
	const layers: Neuron[][] = [];
	sizes.forEach((size, l) => {
		const squash = squashes[l === sizes.length - 1 ? output : hidden];
		const layer: Neuron[] = [];
		for (let n = 0; n < size; n++) {
			const neuron = new Neuron(squash);
			if (l > 0) {
				for (const source of layers[l - 1]) {
					const link = new Connection(source, neuron, rng() - 0.5);
					source.outgoing.push(link);
					neuron.incoming.push(link);
				}
			}
			layer.push(neuron);
		}
		layers.push(layer);
	});
	return layers;
}

/** Sets the inputs and fires every neuron in order; returns the (single) output. */
export function propagate(layers: Neuron[][], inputs: number[]): number {
	const first = layers[0];
	if (inputs.length !== first.length) throw new Error('one input per input neuron');
	for (let i = 0; i < first.length; i++) first[i].output = inputs[i];
	for (let l = 1; l < layers.length; l++) {
		const layer = layers[l];
		for (let n = 0; n < layer.length; n++) layer[n].fire();
	}
	return layers[layers.length - 1][0].output;
}

/** Derivatives of the last sample's error, added to every accumulator. */
export function backpropagate(layers: Neuron[][], target: number): void {
	const out = layers[layers.length - 1][0];
	out.outputDer = squareError.der(out.output, target);
	for (let l = layers.length - 1; l >= 1; l--) {
		const layer = layers[l];
		for (const neuron of layer) {
			neuron.inputDer = neuron.outputDer * neuron.squash.der(neuron.totalInput);
			neuron.accInputDer += neuron.inputDer;
			neuron.numAccumulatedDers++;
		}
		for (const neuron of layer) {
			for (const link of neuron.incoming) {
				link.errorDer = neuron.inputDer * link.source.output;
				link.accErrorDer += link.errorDer;
				link.numAccumulatedDers++;
			}
		}
		if (l === 1) continue;
		for (const neuron of layers[l - 1]) {
			let der = 0;
			for (const link of neuron.outgoing) der += link.weight * link.dest.inputDer;
			neuron.outputDer = der;
		}
	}
}

/** One SGD update from the accumulated derivatives (their mean), which are then reset. */
export function applyDerivatives(layers: Neuron[][], learningRate: number): void {
	for (let l = 1; l < layers.length; l++) {
		for (const neuron of layers[l]) {
			if (neuron.numAccumulatedDers > 0) {
				neuron.bias -= (learningRate * neuron.accInputDer) / neuron.numAccumulatedDers;
				neuron.accInputDer = 0;
				neuron.numAccumulatedDers = 0;
			}
			for (const link of neuron.incoming) {
				if (link.numAccumulatedDers > 0) {
					link.weight -= (learningRate / link.numAccumulatedDers) * link.accErrorDer;
					link.accErrorDer = 0;
					link.numAccumulatedDers = 0;
				}
			}
		}
	}
}

export interface PlaygroundStyleConfig {
	features: FeatureName[];
	hidden: number[];
	activation: Activation;
	learningRate: number;
	batchSize: number;
	seed: number;
}

/** A point as this engine keeps it: coordinates and a ±1 target. */
interface Example {
	x1: number;
	x2: number;
	target: number;
}

/** Class 1 (TensorFlow Playground's positive class) is +1, class 0 is −1. */
const asExamples = (points: readonly DataPoint[]): Example[] =>
	points.map((p) => ({ x1: p.x1, x2: p.x2, target: p.label === 1 ? 1 : -1 }));

/**
 * Trains a two-class data set the way TensorFlow Playground's loop does: an epoch is every
 * training point once, and, when asked, the train and test loss over every point after it (as
 * the Playground's step does for its chart).
 */
export class PlaygroundStyleTrainer {
	readonly layers: Neuron[][];
	readonly #config: PlaygroundStyleConfig;
	readonly #train: Example[];
	readonly #test: Example[];
	epoch = 0;
	lossTrain = NaN;
	lossTest = NaN;

	constructor(config: PlaygroundStyleConfig, data: Dataset) {
		if (data.problem !== 'classification' || data.classes !== 2) {
			throw new Error('the playground-style engine trains two classes (one ±1 output)');
		}
		this.#config = { ...config };
		this.#train = asExamples(data.train);
		this.#test = asExamples(data.test);
		const sizes = [config.features.length, ...config.hidden, 1];
		this.layers = buildLayers(
			sizes,
			config.activation,
			'tanh',
			createRng(deriveSeed(config.seed, 21))
		);
	}

	/** The input array of a point, built feature by feature as the Playground does per sample. */
	input(x1: number, x2: number): number[] {
		const input: number[] = [];
		for (const name of this.#config.features) input.push(featureValue(name, x1, x2));
		return input;
	}

	trainEpoch(withLoss: boolean): void {
		const { learningRate, batchSize } = this.#config;
		this.#train.forEach((example, i) => {
			propagate(this.layers, this.input(example.x1, example.x2));
			backpropagate(this.layers, example.target);
			if ((i + 1) % batchSize === 0) applyDerivatives(this.layers, learningRate);
		});
		this.epoch++;
		if (withLoss) {
			this.lossTrain = this.loss('train');
			this.lossTest = this.loss('test');
		}
	}

	/** Mean square error ½(o − t)² over a set. */
	loss(set: 'train' | 'test'): number {
		const examples = set === 'train' ? this.#train : this.#test;
		let sum = 0;
		for (const e of examples) {
			sum += squareError.error(propagate(this.layers, this.input(e.x1, e.x2)), e.target);
		}
		return sum / examples.length;
	}

	/** Share of a set on the right side of 0. */
	accuracy(set: 'train' | 'test'): number {
		const examples = set === 'train' ? this.#train : this.#test;
		let right = 0;
		for (const e of examples) {
			if (propagate(this.layers, this.input(e.x1, e.x2)) >= 0 === e.target > 0) right++;
		}
		return right / examples.length;
	}
}
