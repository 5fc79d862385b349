import { createRng, deriveSeed, shuffle, uniform, type Rng } from '../random';
import { layerSizes, type NetworkConfig } from './spec';

/**
 * Where each layer's numbers sit in the one flat parameter array both engines train: layer l's
 * weights (`sizes[l] × sizes[l + 1]`, row-major as tfjs's dense kernels), then its biases.
 */
export interface ParameterLayout {
	sizes: number[];
	weightOffsets: number[];
	biasOffsets: number[];
	/** Where each layer's units start in an array of every unit's activation. */
	unitOffsets: number[];
	parameterCount: number;
	unitCount: number;
}

export function parameterLayout(sizes: number[]): ParameterLayout {
	const weightOffsets: number[] = [];
	const biasOffsets: number[] = [];
	const unitOffsets: number[] = [];
	let parameters = 0;
	let units = 0;
	for (let l = 0; l < sizes.length; l++) {
		unitOffsets.push(units);
		units += sizes[l];
		if (l === sizes.length - 1) break;
		weightOffsets.push(parameters);
		parameters += sizes[l] * sizes[l + 1];
		biasOffsets.push(parameters);
		parameters += sizes[l + 1];
	}
	return {
		sizes,
		weightOffsets,
		biasOffsets,
		unitOffsets,
		parameterCount: parameters,
		unitCount: units
	};
}

export const layoutFor = (config: NetworkConfig) => parameterLayout(layerSizes(config));

/**
 * Glorot-uniform weights (tfjs's dense default), from the seed. Hidden biases start at 0.1, as in
 * TensorFlow Playground, so that ReLU units start alive: with zero biases a small ReLU network
 * can begin with every unit of a layer silent on every point, and then it never learns.
 */
const hiddenBias = 0.1;

export function initialParameters(layout: ParameterLayout, seed: number): Float32Array {
	const rng = createRng(deriveSeed(seed, 11));
	const parameters = new Float32Array(layout.parameterCount);
	for (let l = 0; l < layout.weightOffsets.length; l++) {
		const fanIn = layout.sizes[l];
		const fanOut = layout.sizes[l + 1];
		const limit = Math.sqrt(6 / (fanIn + fanOut));
		const start = layout.weightOffsets[l];
		for (let i = 0; i < fanIn * fanOut; i++) parameters[start + i] = uniform(rng, -limit, limit);
		if (l + 1 < layout.weightOffsets.length) {
			parameters.fill(hiddenBias, layout.biasOffsets[l], layout.biasOffsets[l] + fanOut);
		}
	}
	return parameters;
}

/**
 * The samples of `epochs` passes over `count` training points, each pass in a fresh shuffled
 * order, cut into batches: `ends[s]` is where step s's samples end in `order`.
 */
export interface EpochPlan {
	order: Int32Array;
	ends: Int32Array;
}

export function planEpochs(count: number, batchSize: number, epochs: number, rng: Rng): EpochPlan {
	const stepsPerEpoch = Math.ceil(count / batchSize);
	const order = new Int32Array(count * epochs);
	const ends = new Int32Array(stepsPerEpoch * epochs);
	const pass = Array.from({ length: count }, (_, i) => i);
	for (let e = 0; e < epochs; e++) {
		shuffle(pass, rng);
		order.set(pass, e * count);
		for (let s = 0; s < stepsPerEpoch; s++) {
			ends[e * stepsPerEpoch + s] = e * count + Math.min(count, (s + 1) * batchSize);
		}
	}
	return { order, ends };
}

/** The shuffling stream of a seed: both engines and the tfjs reference draw the same batches. */
export const shuffleRng = (seed: number) => createRng(deriveSeed(seed, 12));

/**
 * Dropout's keep/drop decision for one unit of one sample at one step comes from a 32-bit hash,
 * not a random stream, so that the GPU program and the CPU engine drop exactly the same units:
 * the unit is dropped when the hash is below `dropThreshold(rate)`.
 */
export function dropoutHash(seed: number, step: number, sample: number, unit: number): number {
	let h =
		(seed ^
			Math.imul(step, 0x9e3779b1) ^
			Math.imul(sample, 0x85ebca77) ^
			Math.imul(unit, 0xc2b2ae3d)) >>>
		0;
	h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
	h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
	return (h ^ (h >>> 16)) >>> 0;
}

export const dropThreshold = (rate: number) => Math.min(0xffffffff, Math.floor(rate * 4294967296));
