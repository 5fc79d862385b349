import type { LabeledPoint } from '../data/points2d';

/** The perceptron's settings and the numbers it reports: plain data, importable without tfjs. */
export const activations = ['sigmoid', 'step'] as const;
export type Activation = (typeof activations)[number];

export interface PerceptronConfig {
	activation: Activation;
	learningRate: number;
	/** Examples per step; 1 is Rosenblatt's rule, one example at a time. */
	batchSize: number;
	seed: number;
}

export interface PerceptronWeights {
	w1: number;
	w2: number;
	b: number;
}

/** Every number of one step on one example, as the GPU computed it. */
export interface PerceptronStepDetail {
	example: LabeledPoint;
	activation: Activation;
	learningRate: number;
	before: PerceptronWeights;
	/** z = w1·x1 + w2·x2 + b */
	weightedSum: number;
	/** σ(z) for sigmoid, 1 if z > 0 else 0 for step */
	output: number;
	prediction: 0 | 1;
	loss: number;
	gradient: PerceptronWeights;
	after: PerceptronWeights;
}
