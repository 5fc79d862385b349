import {
	activate,
	slope,
	updatedWeight,
	type EngineData,
	type NetworkEngine,
	type NetworkShape,
	type TrainingRule
} from './engine';
import { dropoutHash, type EpochPlan, type ParameterLayout } from './layout';

/**
 * The network in plain typed arrays on the main CPU: what runs where WebGPU is missing. The same
 * arithmetic, in the same order, as the fused WebGPU program (`wgsl.ts`).
 */
export class CpuEngine implements NetworkEngine {
	readonly kind = 'cpu-typed';
	readonly shape: NetworkShape;
	readonly layout: ParameterLayout;
	#parameters: Float32Array;
	#gradients: Float32Array;
	#data: EngineData = { features: new Float32Array(0), targets: new Float32Array(0), count: 0 };
	/** Every unit's output for one sample: before dropout (for the slopes), dropout's factor, after. */
	#raw: Float64Array;
	#mask: Float64Array;
	#out: Float64Array;
	#delta: Float64Array;

	constructor(shape: NetworkShape, parameters: Float32Array) {
		const layout = shape.layout;
		this.shape = shape;
		this.layout = layout;
		this.#parameters = Float32Array.from(parameters);
		this.#gradients = new Float32Array(layout.parameterCount);
		this.#raw = new Float64Array(layout.unitCount);
		this.#mask = new Float64Array(layout.unitCount).fill(1);
		this.#out = new Float64Array(layout.unitCount);
		this.#delta = new Float64Array(layout.unitCount);
	}

	setTrainingData(data: EngineData): void {
		this.#data = data;
	}

	setParameters(parameters: Float32Array): void {
		this.#parameters.set(parameters);
	}

	train(plan: EpochPlan, firstStep: number, rule: TrainingRule): void {
		if (this.#data.count === 0) return;
		let begin = 0;
		for (let s = 0; s < plan.ends.length; s++) {
			const end = plan.ends[s];
			this.#gradients.fill(0);
			for (let k = begin; k < end; k++) this.#accumulate(plan.order[k], firstStep + s, rule);
			this.#update(end - begin, rule);
			begin = end;
		}
	}

	async evaluate(features: Float32Array, rows: number) {
		const { unitCount, sizes } = this.layout;
		const units = new Float32Array(rows * unitCount);
		const inputs = sizes[0];
		for (let r = 0; r < rows; r++) {
			this.#forward(features, r * inputs, null, 0, 0);
			units.set(this.#out, r * unitCount);
		}
		return { units, parameters: Float32Array.from(this.#parameters) };
	}

	async sync(): Promise<void> {}

	dispose(): void {}

	/**
	 * Every unit's output for the row at `at`, the last layer's after softmax for classification.
	 * With a rule it is training's forward pass, and dropout applies.
	 */
	#forward(
		features: Float32Array,
		at: number,
		rule: TrainingRule | null,
		step: number,
		sample: number
	): void {
		const { activation, problem } = this.shape;
		const { sizes, unitOffsets, weightOffsets, biasOffsets } = this.layout;
		const p = this.#parameters;
		const raw = this.#raw;
		const out = this.#out;
		const last = sizes.length - 1;
		for (let i = 0; i < sizes[0]; i++) raw[i] = out[i] = features[at + i];
		const mask = this.#mask;
		const threshold = rule?.dropThreshold ?? 0;
		const keep = 1 / (1 - threshold / 4294967296);
		for (let l = 0; l < last; l++) {
			const inputs = sizes[l];
			const width = sizes[l + 1];
			const from = unitOffsets[l];
			const to = unitOffsets[l + 1];
			for (let j = 0; j < width; j++) {
				let z = p[biasOffsets[l] + j];
				for (let i = 0; i < inputs; i++) z += out[from + i] * p[weightOffsets[l] + i * width + j];
				if (l + 1 === last) {
					raw[to + j] = out[to + j] = z;
					continue;
				}
				const a = activate(activation, z);
				raw[to + j] = a;
				mask[to + j] =
					threshold === 0
						? 1
						: dropoutHash(rule!.seed, step, sample, to + j) < threshold
							? 0
							: keep;
				out[to + j] = a * mask[to + j];
			}
		}
		if (problem === 'classification') softmaxInPlace(out, unitOffsets[last], sizes[last]);
	}

	/** Adds one sample's gradient (of its loss, not yet averaged) to the gradients. */
	#accumulate(sample: number, step: number, rule: TrainingRule): void {
		const { sizes, unitOffsets, weightOffsets, biasOffsets } = this.layout;
		const data = this.#data;
		const last = sizes.length - 1;
		const outputs = sizes[last];
		this.#forward(data.features, sample * sizes[0], rule, step, sample);
		const out = this.#out;
		const delta = this.#delta;
		const o = unitOffsets[last];
		const t = sample * outputs;
		// Softmax with cross-entropy: p - y. Mean squared error: 2 (o - y) / outputs.
		const scale = this.shape.problem === 'classification' ? 1 : 2 / outputs;
		for (let k = 0; k < outputs; k++) delta[o + k] = scale * (out[o + k] - data.targets[t + k]);
		const p = this.#parameters;
		const g = this.#gradients;
		for (let l = last - 1; l >= 0; l--) {
			const inputs = sizes[l];
			const width = sizes[l + 1];
			const from = unitOffsets[l];
			const to = unitOffsets[l + 1];
			for (let j = 0; j < width; j++) g[biasOffsets[l] + j] += delta[to + j];
			for (let i = 0; i < inputs; i++) {
				let back = 0;
				for (let j = 0; j < width; j++) {
					const w = weightOffsets[l] + i * width + j;
					g[w] += out[from + i] * delta[to + j];
					back += p[w] * delta[to + j];
				}
				if (l > 0)
					delta[from + i] =
						back * this.#mask[from + i] * slope(this.shape.activation, this.#raw[from + i]);
			}
		}
	}

	#update(batch: number, rule: TrainingRule): void {
		const { weightOffsets, biasOffsets } = this.layout;
		const p = this.#parameters;
		const g = this.#gradients;
		for (let l = 0; l < weightOffsets.length; l++) {
			for (let w = weightOffsets[l]; w < biasOffsets[l]; w++)
				p[w] = updatedWeight(p[w], g[w] / batch, rule);
			const end = l + 1 < weightOffsets.length ? weightOffsets[l + 1] : p.length;
			for (let b = biasOffsets[l]; b < end; b++) p[b] -= rule.learningRate * (g[b] / batch);
		}
	}
}

function softmaxInPlace(values: Float64Array, at: number, count: number): void {
	let max = -Infinity;
	for (let k = 0; k < count; k++) max = Math.max(max, values[at + k]);
	let sum = 0;
	for (let k = 0; k < count; k++) sum += Math.exp(values[at + k] - max);
	for (let k = 0; k < count; k++) values[at + k] = Math.exp(values[at + k] - max) / sum;
}
