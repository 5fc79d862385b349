import * as tf from '../tf';
import { gpuBarrier } from '../backend';
import type { EngineData, NetworkEngine, NetworkShape, TrainingRule } from './engine';
import type { EpochPlan, ParameterLayout } from './layout';
import { programKeys } from './program-keys';
import {
	evaluationShader,
	evaluationUniforms,
	trainingShader,
	trainingUniforms,
	trainingWorkgroup
} from './wgsl';

/** The part of tfjs's WebGPU backend this engine uses (its `WebGPUProgram` shape, loosely typed). */
interface WebGpuProgram {
	variableNames: string[];
	outputShape: number[];
	shaderKey: string;
	dispatchLayout: { x: number[] };
	dispatch: [number, number, number];
	workgroupSize: [number, number, number];
	uniforms: string;
	size: boolean;
	getUserCode: () => string;
}
type Uniform = { type: 'float32' | 'int32' | 'uint32'; data: number[] };
interface WebGpuBackend {
	runWebGPUProgram(
		program: WebGpuProgram,
		inputs: tf.TensorInfo[],
		dtype: 'float32',
		uniforms?: Uniform[]
	): tf.TensorInfo;
}

const evaluationWorkgroup = 64;

/**
 * The fused engine: every training step of a plan (forward, backward and SGD update of the whole
 * network, for every sample) in ONE compute dispatch through tfjs's WebGPU backend, the weights
 * staying on the GPU between dispatches. A stock tfjs step launches dozens of small kernels; on
 * networks this small their launch cost, not the arithmetic, sets the speed.
 */
export class WebGpuEngine implements NetworkEngine {
	readonly kind = 'webgpu-fused';
	readonly shape: NetworkShape;
	readonly layout: ParameterLayout;
	readonly #backend: WebGpuBackend;
	readonly #key: string;
	/** Parameters followed by scratch rows for a batch: the training program's output. */
	#state: tf.Tensor;
	/** Batch rows the scratch space holds; grows when a larger batch comes. */
	#rows = 32;
	#features: tf.Tensor | null = null;
	#targets: tf.Tensor | null = null;

	constructor(shape: NetworkShape, parameters: Float32Array) {
		this.shape = shape;
		this.layout = shape.layout;
		this.#backend = tf.backend() as unknown as WebGpuBackend;
		this.#key = programKeys.network(shape);
		this.#state = this.#stateFrom(parameters);
	}

	setTrainingData(data: EngineData): void {
		this.#features?.dispose();
		this.#targets?.dispose();
		const outputs = this.layout.sizes[this.layout.sizes.length - 1];
		// Never empty: a zero-sized tensor has no GPU buffer to bind.
		const rows = Math.max(1, data.count);
		this.#features = tf.tensor1d(padded(data.features, rows * this.layout.sizes[0]));
		this.#targets = tf.tensor1d(padded(data.targets, rows * outputs));
	}

	setParameters(parameters: Float32Array): void {
		this.#state.dispose();
		this.#state = this.#stateFrom(parameters);
	}

	train(plan: EpochPlan, firstStep: number, rule: TrainingRule): void {
		if (!this.#features || !this.#targets || plan.ends.length === 0) return;
		this.#fitScratch(largestStep(plan));
		const schedule = new Int32Array(plan.ends.length + plan.order.length);
		schedule.set(plan.ends);
		schedule.set(plan.order, plan.ends.length);
		const planTensor = tf.tensor1d(schedule, 'int32');
		const program: WebGpuProgram = {
			variableNames: ['state', 'features', 'targets', 'plan'],
			outputShape: [this.#stateSize()],
			shaderKey: programKeys.train(this.#key, this.#rows),
			dispatchLayout: { x: [0] },
			dispatch: [1, 1, 1],
			workgroupSize: [trainingWorkgroup, 1, 1],
			uniforms: trainingUniforms,
			size: false,
			getUserCode: () => trainingShader(this.shape, this.#rows)
		};
		const uniforms: Uniform[] = [
			{ type: 'float32', data: [rule.learningRate] },
			{ type: 'float32', data: [rule.l1] },
			{ type: 'float32', data: [rule.l2] },
			{ type: 'uint32', data: [rule.dropThreshold] },
			{ type: 'uint32', data: [rule.seed >>> 0] },
			{ type: 'int32', data: [firstStep] },
			{ type: 'int32', data: [plan.ends.length] }
		];
		const output = this.#backend.runWebGPUProgram(
			program,
			[this.#state, this.#features, this.#targets, planTensor],
			'float32',
			uniforms
		);
		planTensor.dispose();
		this.#state.dispose();
		this.#state = tf.engine().makeTensorFromTensorInfo(output);
	}

	async evaluate(features: Float32Array, rows: number) {
		const { parameterCount, unitCount, sizes } = this.layout;
		const input = tf.tensor1d(padded(features, Math.max(1, rows) * sizes[0]));
		const threads = Math.max(rows, parameterCount);
		const program: WebGpuProgram = {
			variableNames: ['state', 'features'],
			outputShape: [parameterCount + rows * unitCount],
			shaderKey: programKeys.evaluate(this.#key),
			dispatchLayout: { x: [0] },
			dispatch: [Math.ceil(threads / evaluationWorkgroup), 1, 1],
			workgroupSize: [evaluationWorkgroup, 1, 1],
			uniforms: evaluationUniforms,
			size: false,
			getUserCode: () => evaluationShader(this.shape)
		};
		const output = this.#backend.runWebGPUProgram(program, [this.#state, input], 'float32', [
			{ type: 'int32', data: [rows] }
		]);
		input.dispose();
		const result = tf.engine().makeTensorFromTensorInfo(output);
		const values = (await result.data()) as Float32Array;
		result.dispose();
		return { parameters: values.slice(0, parameterCount), units: values.subarray(parameterCount) };
	}

	async sync(): Promise<void> {
		await gpuBarrier();
	}

	dispose(): void {
		this.#state.dispose();
		this.#features?.dispose();
		this.#targets?.dispose();
		this.#features = this.#targets = null;
	}

	#stateSize(): number {
		return this.layout.parameterCount + 2 * this.#rows * this.layout.unitCount;
	}

	/** Makes room for `rows` samples per step, keeping the parameters where they are (on the GPU). */
	#fitScratch(rows: number): void {
		if (rows <= this.#rows) return;
		this.#rows = rows;
		const { parameterCount } = this.layout;
		const previous = this.#state;
		this.#state = tf.tidy(() =>
			tf.concat([previous.slice(0, parameterCount), tf.zeros([this.#stateSize() - parameterCount])])
		);
		previous.dispose();
	}

	#stateFrom(parameters: Float32Array): tf.Tensor {
		const state = new Float32Array(this.#stateSize());
		state.set(parameters);
		return tf.tensor1d(state);
	}
}

function largestStep(plan: EpochPlan): number {
	let largest = 0;
	let begin = 0;
	for (const end of plan.ends) {
		largest = Math.max(largest, end - begin);
		begin = end;
	}
	return largest;
}

function padded(values: Float32Array, length: number): Float32Array {
	if (values.length >= length) return values;
	const out = new Float32Array(length);
	out.set(values);
	return out;
}
