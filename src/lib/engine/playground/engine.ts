import type { EpochPlan, ParameterLayout } from './layout';
import type { Activation, NetworkSnapshot, Problem } from './spec';

/** The network an engine is built for: changing any of these builds a new engine. */
export interface NetworkShape {
	layout: ParameterLayout;
	activation: Activation;
	problem: Problem;
}

/** What a training step needs besides the weights: settings that may change between steps. */
export interface TrainingRule {
	learningRate: number;
	l1: number;
	l2: number;
	/** Hidden units are dropped where their dropout hash is below this (0: no dropout). */
	dropThreshold: number;
	seed: number;
}

/** Training points as the engines read them: row-major features and targets (one-hot or values). */
export interface EngineData {
	features: Float32Array;
	targets: Float32Array;
	count: number;
}

/**
 * A small fully connected network trained by SGD, forward, backward and update written out by
 * hand: a fused WebGPU program or plain typed arrays on the CPU. tfjs's layers are the reference
 * they are tested against.
 */
export interface NetworkEngine {
	readonly kind: EngineKind;
	readonly shape: NetworkShape;
	/** Runs every step of the plan; `firstStep` numbers its first step (dropout draws by step). */
	train(plan: EpochPlan, firstStep: number, rule: TrainingRule): void;
	setTrainingData(data: EngineData): void;
	setParameters(parameters: Float32Array): void;
	/**
	 * Every unit's output for each row of `features` (`rows × layout.unitCount`, layer by layer;
	 * the last layer after softmax for classification), and the parameters, in one read-back.
	 */
	evaluate(
		features: Float32Array,
		rows: number
	): Promise<{ units: Float32Array; parameters: Float32Array }>;
	/** Resolves when the work enqueued so far is done. */
	sync(): Promise<void>;
	dispose(): void;
}

export type EngineKind = NetworkSnapshot['engine'];

export function activate(activation: Activation, z: number): number {
	switch (activation) {
		case 'relu':
			return z > 0 ? z : 0;
		case 'tanh':
			return Math.tanh(z);
		case 'sigmoid':
			return 1 / (1 + Math.exp(-z));
		case 'linear':
			return z;
	}
}

/**
 * One weight's SGD update: the step of the data's gradient and of L2 (`2 l2 w`), then L1's step of
 * `rate · l1` towards 0, which stops at 0 rather than crossing it, as in TensorFlow Playground.
 * This is the proximal step of L1: a weight that the data pulls less than `l1` stays at exactly 0.
 * The WGSL program (`wgsl.ts`) and the tfjs reference (`tfjs-network.ts`) do the same. Biases are
 * not regularised.
 */
export function updatedWeight(weight: number, gradient: number, rule: TrainingRule): number {
	const moved = weight - rule.learningRate * (gradient + 2 * rule.l2 * weight);
	return Math.sign(moved) * Math.max(Math.abs(moved) - rule.learningRate * rule.l1, 0);
}

/** The activation's derivative, written in terms of its output a = f(z). */
export function slope(activation: Activation, a: number): number {
	switch (activation) {
		case 'relu':
			return a > 0 ? 1 : 0;
		case 'tanh':
			return 1 - a * a;
		case 'sigmoid':
			return a * (1 - a);
		case 'linear':
			return 1;
	}
}
