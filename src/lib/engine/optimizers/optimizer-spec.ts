/**
 * The optimiser race's settings and readouts: plain data, importable without tfjs. The optimisers
 * themselves are tfjs's own (tf.train.*), built in optimizers.ts.
 */
import { surfaces, type Point, type SurfaceId } from './surfaces';

export const optimizerKinds = [
	'gd',
	'sgd',
	'momentum',
	'nesterov',
	'adagrad',
	'rmsprop',
	'adam'
] as const;
export type OptimizerKind = (typeof optimizerKinds)[number];

/**
 * One racer's settings. 'gd' and 'sgd' are the same tf.train.sgd; on a 2-D surface they differ in
 * the gradient: 'gd' (full batch) always gets the exact ∇f, 'sgd' a noisy estimate of it, as from
 * a minibatch (see gradientNoise).
 */
export interface OptimizerSettings {
	kind: OptimizerKind;
	/** η, every kind. */
	learningRate: number;
	/** μ, 'momentum' and 'nesterov'. */
	momentum: number;
	/** β₁ and β₂, 'adam'. */
	beta1: number;
	beta2: number;
	/** ρ, the decay of 'rmsprop''s running mean of g². */
	decay: number;
	/**
	 * ε, 'adam' and 'rmsprop'. 'adagrad' takes no ε in tfjs: it adds the backend's own (1e-7 in
	 * float32, 1e-4 on a WebGL device without float32 textures).
	 */
	epsilon: number;
	/** G₀, the value 'adagrad''s sum of squared gradients starts from. */
	initialAccumulator: number;
	/** Multiplies the surface's gradient noise σ where this kind sees any (0 turns it off). */
	noise: number;
}

/** The settings each kind uses, besides the learning rate and noise: the page shows these. */
export const hyperParameters: Record<OptimizerKind, (keyof OptimizerSettings)[]> = {
	gd: ['learningRate'],
	sgd: ['learningRate', 'noise'],
	momentum: ['learningRate', 'momentum'],
	nesterov: ['learningRate', 'momentum'],
	adagrad: ['learningRate', 'initialAccumulator'],
	rmsprop: ['learningRate', 'decay', 'epsilon'],
	adam: ['learningRate', 'beta1', 'beta2', 'epsilon']
};

const saddleRates: Record<OptimizerKind, number> = {
	gd: 0.01,
	sgd: 0.01,
	momentum: 1e-3,
	nesterov: 1e-3,
	adagrad: 0.1,
	rmsprop: 0.01,
	adam: 0.01
};

/**
 * Learning rates that work from each surface's start: the Rosenbrock column is the default, and
 * each one lowers Rosenbrock's value from (−1.5, 2) to below 40% within 500 steps (tested). GD's
 * rate is held back by the curvature at that start (≈ 1900 along x: above 2/1900 it diverges).
 */
export const learningRates: Record<SurfaceId, Record<OptimizerKind, number>> = {
	rosenbrock: {
		gd: 1e-3,
		sgd: 1e-3,
		momentum: 1e-3,
		nesterov: 1e-3,
		adagrad: 0.5,
		rmsprop: 0.01,
		adam: 0.05
	},
	beale: {
		gd: 0.01,
		sgd: 0.01,
		momentum: 1e-3,
		nesterov: 1e-3,
		adagrad: 0.5,
		rmsprop: 0.01,
		adam: 0.05
	},
	saddle: saddleRates,
	// The same rates: the bowl is as gentle as the saddle's slopes, and its noise is the point.
	noisyQuadratic: saddleRates
};

/** Rates that train the lesson's network in a few dozen epochs; the surfaces need others. */
export const networkLearningRates: Record<OptimizerKind, number> = {
	gd: 0.3,
	sgd: 0.1,
	momentum: 0.03,
	nesterov: 0.03,
	adagrad: 0.1,
	rmsprop: 0.01,
	adam: 0.01
};

/** Defaults: μ 0.9, β 0.9 / 0.999, ρ 0.9, ε 1e-7 (Keras's), G₀ 0.1 (tfjs's), noise × 1. */
export function defaultSettings(
	kind: OptimizerKind,
	surface: SurfaceId = 'rosenbrock'
): OptimizerSettings {
	return {
		kind,
		learningRate: learningRates[surface][kind],
		momentum: 0.9,
		beta1: 0.9,
		beta2: 0.999,
		decay: 0.9,
		epsilon: 1e-7,
		initialAccumulator: 0.1,
		noise: 1
	};
}

/**
 * σ of the noise added to the gradient this racer gets on this surface. 'gd' is full batch: never
 * any. 'sgd' always gets the surface's noise (times its own `noise` setting), standing for the
 * minibatch estimate of the gradient. The other kinds get it only on a surface that is noisy in
 * itself (the noisy quadratic), so that on the others they race on the exact gradient.
 */
export function gradientNoise(settings: OptimizerSettings, surface: SurfaceId): number {
	if (settings.kind === 'gd') return 0;
	if (settings.kind !== 'sgd' && !surfaces[surface].noisy) return 0;
	return settings.noise * surfaces[surface].noise;
}

/**
 * The live numbers of one parameter's update: the gradient, the optimiser's running state read
 * from tfjs, and the step taken. Which ones each kind has, and their symbols, are in formulas.ts.
 */
export type LiveKey =
	/** θ: the parameter's value after the last step. */
	| 'parameter'
	/** g: the gradient the last step used (noise included). */
	| 'gradient'
	/** σξ: the noise part of that gradient (0 without noise). */
	| 'noise'
	/** Δθ: how far the last step moved the parameter. */
	| 'step'
	/** v: 'momentum' and 'nesterov''s velocity (tfjs slot `<variable>/momentum`). */
	| 'velocity'
	/** G: 'adagrad''s sum of squared gradients (tfjs slot `<variable>/accumulator`). */
	| 'accumulator'
	/** s: 'rmsprop''s running mean of g² (tfjs slot `<variable>/rms`). */
	| 'meanSquare'
	/**
	 * 'rmsprop''s own momentum buffer (tfjs slot `<variable>/momentum`): with tfjs's momentum 0, as
	 * here, it holds η g / √(s + ε), the step with its sign flipped.
	 */
	| 'rmsMoment'
	/** m and v: 'adam''s first and second moments (tfjs slots `<variable>/m`, `<variable>/v`). */
	| 'm'
	| 'v'
	/** m̂ and v̂: the same, bias-corrected by 1 − β^t (computed from m, v and the step count). */
	| 'mHat'
	| 'vHat';

/**
 * Which optimiser state tfjs keeps for each kind: `optimizer.getWeights()` names each tensor
 * `<variable name>/<slot>` (after an `iter` scalar, the step count); the slot's live key.
 */
export const stateSlots: Record<OptimizerKind, Record<string, LiveKey>> = {
	gd: {},
	sgd: {},
	momentum: { momentum: 'velocity' },
	nesterov: { momentum: 'velocity' },
	adagrad: { accumulator: 'accumulator' },
	rmsprop: { rms: 'meanSquare', momentum: 'rmsMoment' },
	adam: { m: 'm', v: 'v' }
};

export type RacerStatus = 'running' | 'diverged';

export interface UpdateReadout {
	/** Which parameter: 0 for x, 1 for y. */
	parameter: 0 | 1;
	/** Steps taken (tfjs's own iteration count). */
	iteration: number;
	/** The live numbers; a key is missing until it has a value (before the first step). */
	values: Partial<Record<LiveKey, number>>;
}

export interface RacerReadout {
	settings: OptimizerSettings;
	/** σ of its gradient noise on this surface. */
	noise: number;
	status: RacerStatus;
	/** The step that left the box or turned non-finite: a learning rate too high, most often. */
	divergedAt: number | null;
	/** Steps taken; a diverged racer's count stops at its last step inside the box. */
	steps: number;
	position: Point;
	/** f at the position, without noise. */
	loss: number;
	/**
	 * The path so far, from the start: x, y pairs, and f at each. Every `stride`-th step is kept:
	 * when the history is full, every other point is dropped and the stride doubles, so the whole
	 * path stays drawn with at most historyCap points. It may end up to stride − 1 steps before
	 * `position`, the current point.
	 */
	trajectory: Float32Array;
	losses: Float32Array;
	stride: number;
	update: UpdateReadout;
}

export interface RaceReadout {
	surface: SurfaceId;
	/** Steps the race has run (step() calls × n). */
	steps: number;
	racers: RacerReadout[];
}
