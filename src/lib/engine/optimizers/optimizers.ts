/**
 * The optimiser race on a 2-D surface, with tfjs's own optimisers (tf.train.*) minimising the
 * surface's tfjs function, each on its own variable [x, y].
 */
import * as tf from '../tf';
import { createRng, deriveSeed, normal, type Rng } from '../random';
import {
	defaultSettings,
	gradientNoise,
	stateSlots,
	type LiveKey,
	type OptimizerKind,
	type OptimizerSettings,
	type RaceReadout,
	type RacerReadout,
	type RacerStatus
} from './optimizer-spec';
import { surfaceLoss, surfaceValue } from './surface-ops';
import { surfaces, type Point, type SurfaceId } from './surfaces';

/**
 * tfjs's optimiser for a kind: 'gd' and 'sgd' are both tf.train.sgd, 'nesterov' is
 * tf.train.momentum with useNesterov, 'rmsprop' has no momentum and is not centred. Settings not
 * given take defaultSettings(kind).
 */
export function createOptimizer(
	kind: OptimizerKind,
	settings: Partial<OptimizerSettings> = {}
): tf.Optimizer {
	const s = { ...defaultSettings(kind), ...settings };
	switch (kind) {
		case 'gd':
		case 'sgd':
			return tf.train.sgd(s.learningRate);
		case 'momentum':
		case 'nesterov':
			return tf.train.momentum(s.learningRate, s.momentum, kind === 'nesterov');
		case 'adagrad':
			return tf.train.adagrad(s.learningRate, s.initialAccumulator);
		case 'rmsprop':
			return tf.train.rmsprop(s.learningRate, s.decay, 0, s.epsilon, false);
		case 'adam':
			return tf.train.adam(s.learningRate, s.beta1, s.beta2, s.epsilon);
	}
}

/**
 * Disposes a tfjs optimiser and all its tensors. tfjs 4.22's MomentumOptimizer.dispose() does not
 * call SGD's, so its −η scalar (`c`) would stay behind: this frees it too.
 */
export function disposeOptimizer(optimizer: tf.Optimizer): void {
	optimizer.dispose();
	const { c } = optimizer as unknown as { c?: tf.Tensor };
	if (c && !c.isDisposed) c.dispose();
}

export interface SurfaceRaceConfig {
	surface: SurfaceId;
	/** Where every racer starts; the surface's own start if left out. */
	start?: Point;
	racers: OptimizerSettings[];
	/** Seeds the gradient noise: racer i draws from its own stream, deriveSeed(seed, i + 1). */
	seed: number;
	/** Points kept per trajectory (see RacerReadout.trajectory), made even; 2048 if left out. */
	historyCap?: number;
	/** A racer whose |x| or |y| passes this has diverged; 1000 if left out. */
	escapeLimit?: number;
}

/** Columns of a step's trace row: the position after the step, then the gradient it used. */
const traceWidth = 4;
/** Steps kept on the GPU between two reads, at most: older ones are dropped from the history. */
const maxPendingSteps = 8192;

/** A trajectory that keeps the whole path in at most `cap` points, thinning as it grows. */
class Trail {
	readonly points: Float32Array;
	readonly losses: Float32Array;
	count = 0;
	stride = 1;
	#skipped = 0;

	constructor(readonly cap: number) {
		this.points = new Float32Array(2 * cap);
		this.losses = new Float32Array(cap);
	}

	/** The start: kept whatever the stride. */
	begin(x: number, y: number, loss: number): void {
		this.count = 0;
		this.stride = 1;
		this.#skipped = 0;
		this.#put(x, y, loss);
	}

	push(x: number, y: number, loss: number): void {
		if (++this.#skipped < this.stride) return;
		this.#skipped = 0;
		if (this.count === this.cap) {
			for (let i = 1; 2 * i < this.count; i++) {
				this.points[2 * i] = this.points[4 * i];
				this.points[2 * i + 1] = this.points[4 * i + 1];
				this.losses[i] = this.losses[2 * i];
			}
			this.count = Math.ceil(this.count / 2);
			this.stride *= 2;
		}
		this.#put(x, y, loss);
	}

	#put(x: number, y: number, loss: number): void {
		this.points[2 * this.count] = x;
		this.points[2 * this.count + 1] = y;
		this.losses[this.count] = loss;
		this.count++;
	}
}

interface Racer {
	settings: OptimizerSettings;
	sigma: number;
	rng: Rng;
	optimizer: tf.Optimizer;
	variable: tf.Variable<tf.Rank.R1>;
	/** [steps, 4] traces of the steps run since the last read, oldest first. */
	pending: tf.Tensor2D[];
	pendingSteps: number;
	/** Steps run but dropped from the device before a read (see maxPendingSteps). */
	droppedSteps: number;
	status: RacerStatus;
	divergedAt: number | null;
	steps: number;
	position: [number, number];
	loss: number;
	gradient: [number, number];
	lastStep: [number, number];
	/** The noise of the last step run (σξ), per parameter. */
	lastNoise: [number, number];
	/** The optimiser's state as last read, by live key, for x and y. */
	state: Partial<Record<LiveKey, [number, number]>>;
	trail: Trail;
}

/**
 * Races optimisers on one surface from one start. step(n) runs n steps of every racer still
 * running, on the device, without reading anything back; read() brings back every position,
 * loss, gradient and optimiser state since the last read in a single `await data()`.
 *
 * A racer whose position turns non-finite or leaves the box |x|, |y| ≤ escapeLimit is marked
 * 'diverged' at the first such step (found at the next read) and runs no more steps; its
 * readout stays at its last step inside the box. The others go on.
 */
export class SurfaceRace {
	readonly surface: SurfaceId;
	readonly start: Point;
	readonly seed: number;
	readonly historyCap: number;
	readonly escapeLimit: number;
	#settings: OptimizerSettings[];
	#racers: Racer[] = [];
	#steps = 0;

	constructor(config: SurfaceRaceConfig) {
		this.surface = config.surface;
		this.start = config.start ?? surfaces[config.surface].start;
		this.seed = config.seed;
		this.historyCap = 2 * Math.max(1, Math.ceil((config.historyCap ?? 2048) / 2));
		this.escapeLimit = config.escapeLimit ?? 1000;
		this.#settings = config.racers.map((settings) => ({ ...settings }));
		this.#build();
	}

	get steps(): number {
		return this.#steps;
	}

	/** Puts every racer back at the start with a fresh optimiser and noise stream. */
	restart(): void {
		this.#release();
		this.#steps = 0;
		this.#build();
	}

	/** Runs n steps of every running racer. */
	step(n = 1): void {
		if (n < 1) return;
		for (const racer of this.#racers) {
			if (racer.status !== 'running') continue;
			const noise = this.#drawNoise(racer, n);
			const trace = tf.tidy(() => {
				const noiseRows = noise ? (tf.unstack(tf.tensor2d(noise, [n, 2])) as tf.Tensor1D[]) : null;
				const rows: tf.Tensor[] = [];
				for (let s = 0; s < n; s++) {
					const { grads } = racer.optimizer.computeGradients(
						() => surfaceLoss(this.surface, racer.variable, noiseRows ? noiseRows[s] : null),
						[racer.variable]
					);
					racer.optimizer.applyGradients(grads);
					rows.push(tf.concat([racer.variable, grads[racer.variable.name]]));
				}
				return tf.stack(rows) as tf.Tensor2D;
			});
			racer.pending.push(trace);
			racer.pendingSteps += n;
			this.#trimPending(racer);
		}
		this.#steps += n;
	}

	/**
	 * Every racer's position, loss, trajectory and update readout for one parameter (0 for x, 1
	 * for y), from one read-back of the device.
	 */
	async read(parameter: 0 | 1 = 0): Promise<RaceReadout> {
		const running = this.#racers.filter((racer) => racer.status === 'running');
		const weights = await Promise.all(running.map((racer) => racer.optimizer.getWeights()));
		// Everything from here to the read is synchronous: the traces and the states match.
		const slots: { racer: Racer; keys: LiveKey[] }[] = [];
		const parts: tf.Tensor[] = [];
		const traced: { racer: Racer; rows: number }[] = [];
		running.forEach((racer, i) => {
			const keys: LiveKey[] = [];
			for (const { name, tensor } of weights[i]) {
				const key = stateSlots[racer.settings.kind][name.slice(name.lastIndexOf('/') + 1)];
				if (name === 'iter' || !key) continue;
				keys.push(key);
				parts.push(tensor);
			}
			slots.push({ racer, keys });
		});
		for (const racer of running) {
			if (racer.pending.length === 0) continue;
			const trace = racer.pending.length === 1 ? racer.pending[0] : tf.concat(racer.pending);
			const [xs, ys] = tf.tidy(() => tf.split(trace, [1, 1, 2], 1).slice(0, 2));
			const losses = surfaceValue(this.surface, xs, ys);
			parts.push(trace, losses);
			traced.push({ racer, rows: racer.pendingSteps });
			if (trace !== racer.pending[0]) tf.dispose(racer.pending);
			tf.dispose([xs, ys]);
			racer.pending = [];
			racer.pendingSteps = 0;
		}
		for (const list of weights)
			tf.dispose(list.filter((w) => w.name === 'iter').map((w) => w.tensor));
		const flat = tf.tidy(() =>
			parts.length ? tf.concat(parts.map((part) => part.flatten())) : tf.zeros([0])
		);
		const data = (await flat.data()) as Float32Array;
		flat.dispose();
		// The states are the optimisers' own variables: only the trace tensors are ours to dispose.
		tf.dispose(parts.slice(parts.length - 2 * traced.length));
		let at = 0;
		const states = slots.map(({ keys }) => {
			const state: Racer['state'] = {};
			for (const key of keys) {
				state[key] = [data[at], data[at + 1]];
				at += 2;
			}
			return state;
		});
		for (const { racer, rows } of traced) {
			const trace = data.subarray(at, at + traceWidth * rows);
			const losses = data.subarray(at + traceWidth * rows, at + (traceWidth + 1) * rows);
			at += (traceWidth + 1) * rows;
			this.#follow(racer, trace, losses, rows);
		}
		// A racer that diverged keeps the state of its last read inside the box.
		slots.forEach(({ racer }, i) => {
			if (racer.status === 'running') racer.state = states[i];
		});
		return {
			surface: this.surface,
			steps: this.#steps,
			racers: this.#racers.map((racer) => this.#readout(racer, parameter))
		};
	}

	dispose(): void {
		this.#release();
		this.#racers = [];
	}

	#build(): void {
		const [x, y] = this.start;
		const loss = surfaces[this.surface].f(x, y);
		this.#racers = this.#settings.map((settings, i) => {
			const trail = new Trail(this.historyCap);
			trail.begin(x, y, loss);
			return {
				settings,
				sigma: gradientNoise(settings, this.surface),
				rng: createRng(deriveSeed(this.seed, i + 1)),
				optimizer: createOptimizer(settings.kind, settings),
				variable: tf.tidy(() => tf.variable(tf.tensor1d([x, y]))),
				pending: [],
				pendingSteps: 0,
				droppedSteps: 0,
				status: 'running',
				divergedAt: null,
				steps: 0,
				position: [x, y],
				loss,
				gradient: [NaN, NaN],
				lastStep: [NaN, NaN],
				lastNoise: [0, 0],
				state: {},
				trail
			};
		});
	}

	#release(): void {
		for (const racer of this.#racers) {
			tf.dispose(racer.pending);
			racer.variable.dispose();
			disposeOptimizer(racer.optimizer);
		}
	}

	/** σξ for n steps, two numbers a step, from the racer's own stream; null without noise. */
	#drawNoise(racer: Racer, n: number): Float32Array | null {
		if (racer.sigma === 0) return null;
		const noise = new Float32Array(2 * n);
		for (let i = 0; i < noise.length; i++) noise[i] = racer.sigma * normal(racer.rng);
		racer.lastNoise = [noise[2 * n - 2], noise[2 * n - 1]];
		return noise;
	}

	/** Keeps at most maxPendingSteps unread steps on the device (one tensor when trimmed). */
	#trimPending(racer: Racer): void {
		if (racer.pendingSteps <= maxPendingSteps) return;
		const all = tf.concat(racer.pending);
		const kept = all.slice([racer.pendingSteps - maxPendingSteps, 0]);
		tf.dispose([all, ...racer.pending]);
		racer.pending = [kept as tf.Tensor2D];
		racer.droppedSteps += racer.pendingSteps - maxPendingSteps;
		racer.pendingSteps = maxPendingSteps;
	}

	/** Walks a racer's new trace rows into its history, stopping at the first step out of bounds. */
	#follow(racer: Racer, trace: Float32Array, losses: Float32Array, rows: number): void {
		const limit = this.escapeLimit;
		racer.steps += racer.droppedSteps;
		racer.droppedSteps = 0;
		for (let r = 0; r < rows; r++) {
			const x = trace[r * traceWidth];
			const y = trace[r * traceWidth + 1];
			const loss = losses[r];
			const inside = Math.abs(x) <= limit && Math.abs(y) <= limit && Number.isFinite(loss);
			if (!inside) {
				racer.status = 'diverged';
				racer.divergedAt = racer.steps + 1;
				return;
			}
			racer.lastStep = [x - racer.position[0], y - racer.position[1]];
			racer.gradient = [trace[r * traceWidth + 2], trace[r * traceWidth + 3]];
			racer.position = [x, y];
			racer.loss = loss;
			racer.steps++;
			racer.trail.push(x, y, loss);
		}
	}

	#readout(racer: Racer, parameter: 0 | 1): RacerReadout {
		const { settings, trail } = racer;
		const values: RacerReadout['update']['values'] = {
			parameter: racer.position[parameter]
		};
		if (racer.steps > 0) {
			values.gradient = racer.gradient[parameter];
			values.noise = racer.lastNoise[parameter];
			values.step = racer.lastStep[parameter];
		}
		for (const [key, pair] of Object.entries(racer.state) as [LiveKey, [number, number]][]) {
			values[key] = pair[parameter];
		}
		const t = racer.steps;
		if (settings.kind === 'adam' && t > 0 && values.m !== undefined && values.v !== undefined) {
			values.mHat = values.m / (1 - settings.beta1 ** t);
			values.vHat = values.v / (1 - settings.beta2 ** t);
		}
		return {
			settings,
			noise: racer.sigma,
			status: racer.status,
			divergedAt: racer.divergedAt,
			steps: racer.steps,
			position: racer.position,
			loss: racer.loss,
			trajectory: trail.points.slice(0, 2 * trail.count),
			losses: trail.losses.slice(0, trail.count),
			stride: trail.stride,
			update: { parameter, iteration: racer.steps, values }
		};
	}
}
