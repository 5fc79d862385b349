import type { Activation, Dataset, FeatureName } from '../playground/spec';

/**
 * The initialisation lesson: a deep MLP whose first weights come from a choice of initialisers.
 * Plain data shared by the engine, its worker and the page: importable without tfjs.
 */

export type { Activation, Dataset, FeatureName };
export { activations } from '../playground/spec';

export const initializerKinds = [
	'zeros',
	'constant',
	'normal',
	'glorotUniform',
	'glorotNormal',
	'heNormal',
	'lecunNormal'
] as const;
export type InitializerKind = (typeof initializerKinds)[number];

/** An initialiser of the kernels (biases always start at 0). */
export interface InitializerChoice {
	kind: InitializerKind;
	/** Every weight's value, for 'constant'. */
	value?: number;
	/** Standard deviation, for 'normal' (mean 0). */
	std?: number;
}

export const defaultConstant = 0.1;
export const defaultStd = 1;
export const constantRange = { min: -1, max: 1 } as const;
export const stdRange = { min: 0.001, max: 3 } as const;

/**
 * How each kind draws a weight and the variance it gives, as text (TeX) for the page. The
 * truncated normals are cut at two standard deviations and rescaled, as Keras does, so that the
 * variance is the one written (see initializers.ts).
 */
export const initializerFormulas: Record<
	InitializerKind,
	{ distribution: string; variance: string }
> = {
	zeros: { distribution: 'W = 0', variance: '\\operatorname{Var}(W) = 0' },
	constant: { distribution: 'W = c', variance: '\\operatorname{Var}(W) = 0' },
	normal: {
		distribution: 'W \\sim \\mathcal{N}(0, \\sigma^2)',
		variance: '\\operatorname{Var}(W) = \\sigma^2'
	},
	glorotUniform: {
		distribution:
			'W \\sim \\mathcal{U}\\left(-\\sqrt{\\tfrac{6}{n_\\text{in} + n_\\text{out}}}, \\sqrt{\\tfrac{6}{n_\\text{in} + n_\\text{out}}}\\right)',
		variance: '\\operatorname{Var}(W) = \\frac{2}{n_\\text{in} + n_\\text{out}}'
	},
	glorotNormal: {
		distribution:
			'W \\sim \\text{truncated } \\mathcal{N}\\left(0, \\tfrac{2}{n_\\text{in} + n_\\text{out}}\\right)',
		variance: '\\operatorname{Var}(W) = \\frac{2}{n_\\text{in} + n_\\text{out}}'
	},
	heNormal: {
		distribution:
			'W \\sim \\text{truncated } \\mathcal{N}\\left(0, \\tfrac{2}{n_\\text{in}}\\right)',
		variance: '\\operatorname{Var}(W) = \\frac{2}{n_\\text{in}}'
	},
	lecunNormal: {
		distribution:
			'W \\sim \\text{truncated } \\mathcal{N}\\left(0, \\tfrac{1}{n_\\text{in}}\\right)',
		variance: '\\operatorname{Var}(W) = \\frac{1}{n_\\text{in}}'
	}
};

/**
 * The variance of one kernel weight the choice gives a layer with `fanIn` inputs and `fanOut`
 * outputs: the formulas above as numbers, for the page to show next to the measured spread.
 */
export function weightVariance(choice: InitializerChoice, fanIn: number, fanOut: number): number {
	switch (choice.kind) {
		case 'zeros':
		case 'constant':
			return 0;
		case 'normal':
			return (choice.std ?? defaultStd) ** 2;
		case 'glorotUniform':
		case 'glorotNormal':
			return 2 / (fanIn + fanOut);
		case 'heNormal':
			return 2 / fanIn;
		case 'lecunNormal':
			return 1 / fanIn;
	}
}

/** A short name for legends: 'He normal', 'normal(0, 0.01)', 'constant 0.1'. */
export function initializerLabel(choice: InitializerChoice): string {
	switch (choice.kind) {
		case 'zeros':
			return 'zeros';
		case 'constant':
			return `constant ${choice.value ?? defaultConstant}`;
		case 'normal':
			return `normal(0, ${choice.std ?? defaultStd})`;
		case 'glorotUniform':
			return 'Glorot uniform';
		case 'glorotNormal':
			return 'Glorot normal';
		case 'heNormal':
			return 'He normal';
		case 'lecunNormal':
			return 'LeCun normal';
	}
}

export const depthRange = { min: 6, max: 10 } as const;
export const widthRange = { min: 8, max: 64 } as const;
export const optimizers = ['sgd', 'adam'] as const;
export type OptimizerKind = (typeof optimizers)[number];

export interface InitializationConfig {
	/** Hidden layers, 6 to 10. */
	depth: number;
	/** Units per hidden layer, 8 to 64. */
	width: number;
	activation: Activation;
	initializer: InitializerChoice;
	optimizer: OptimizerKind;
	learningRate: number;
	/** Training examples per step. */
	batchSize: number;
	/** The input features, in `featureNames` order. */
	features: FeatureName[];
	/** Seeds the weights and the order of the batches. */
	seed: number;
}

export const defaultConfig: InitializationConfig = {
	depth: 8,
	width: 32,
	activation: 'relu',
	initializer: { kind: 'heNormal' },
	optimizer: 'sgd',
	learningRate: 0.01,
	batchSize: 32,
	features: ['x1', 'x2'],
	seed: 1
};

/** Bins of every histogram. */
export const histogramBins = 30;
/**
 * Activations and gradients are measured on a fixed probe batch: the first training points, at
 * most this many, the same at every report.
 */
export const maxProbeSize = 512;

/**
 * Counts of values in `bins` equal bins from `low` to `high`: the smallest and largest value of
 * this layer at this report (so each histogram uses its whole width; compare layers by `std`).
 * When every value is the same, the range is that value ± 0.5 and they all fall in the middle bin.
 */
export interface Histogram {
	low: number;
	high: number;
	counts: number[];
}

export interface ValueStats {
	mean: number;
	std: number;
	histogram: Histogram;
}

export interface ActivationStats extends ValueStats {
	/** Share of the activations (units × probe examples) that are exactly 0. */
	zeroFraction: number;
	/** Share of the units that are exactly 0 on every probe example: dead units. */
	deadFraction: number;
}

/** One dense layer at one report, measured on the probe batch. */
export interface LayerStats {
	/** 1 for the first hidden layer, `depth + 1` for the output layer. */
	layer: number;
	output: boolean;
	units: number;
	/** The layer's outputs after its activation (the output layer: its logits). */
	activations: ActivationStats;
	/** ∂loss/∂W of the layer's kernel, the loss being the mean over the probe batch. */
	gradients: ValueStats;
	/** The kernel's weights (no histogram). */
	weights: { mean: number; std: number };
}

export interface InitializationSnapshot {
	/** Optimiser steps since the weights were initialised: 0 is "at initialisation". */
	step: number;
	layers: LayerStats[];
}

/** The edges of a histogram's bins, `counts.length + 1` of them. */
export function binEdges(histogram: Histogram): number[] {
	const bins = histogram.counts.length;
	const width = (histogram.high - histogram.low) / bins;
	return Array.from({ length: bins + 1 }, (_, i) => histogram.low + i * width);
}

/** One curve of the comparison across initialisers: the training loss every `every` steps. */
export interface LossCurve {
	initializer: InitializerChoice;
	label: string;
	/** Steps at which the loss was measured, 0 (before training) included. */
	steps: number[];
	/** Loss over the whole training set at those steps; may end in NaN or Infinity. */
	losses: number[];
}

export interface CompareOptions {
	/** Optimiser steps per initialiser. */
	steps: number;
	/** Steps between two points of a curve (default: steps / 50, at least 1). */
	every?: number;
}
