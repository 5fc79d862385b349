import { describe, expect, it } from 'vitest';
import { generatePreset } from './data/points2d';
import {
	PerceptronModel,
	type PerceptronConfig,
	type PerceptronWeights
} from './models/perceptron';
import * as tf from './tf';
import {
	adaptBurst,
	divergenceFactor,
	TrainingSession,
	type Progress,
	type StopReason,
	type Trainable
} from './session';

const data = generatePreset('separable', 3);
const config: PerceptronConfig = {
	activation: 'sigmoid',
	learningRate: 0.5,
	batchSize: 8,
	seed: 1
};

function recordedSession() {
	const log = {
		progress: [] as Progress[],
		snapshots: [] as PerceptronWeights[],
		running: [] as boolean[],
		stops: [] as StopReason[],
		details: 0,
		errors: [] as unknown[]
	};
	const model = new PerceptronModel(config, data);
	const session = new TrainingSession<PerceptronWeights, unknown>(
		model,
		{
			progress: (p, s) => {
				log.progress.push(p);
				log.snapshots.push(s);
			},
			running: (r) => log.running.push(r),
			stopped: (r) => log.stops.push(r),
			detail: () => log.details++,
			failed: (e) => log.errors.push(e)
		},
		{ reportEveryMs: 0, sleep: () => new Promise((resolve) => setTimeout(resolve, 0)) }
	);
	return { session, log };
}

/** y = w·x fitted by gradient descent on the mean squared error: diverges when the rate is too high. */
class LinearRegression implements Trainable<number> {
	epoch = 0;
	#w = tf.tidy(() => tf.variable(tf.scalar(0)));
	#x = tf.linspace(-1, 1, 21);
	#y = tf.mul(this.#x, 3);
	#optimizer: tf.Optimizer;
	constructor(learningRate: number) {
		this.#optimizer = tf.train.sgd(learningRate);
	}
	#loss = () => tf.mean(tf.square(tf.sub(tf.mul(this.#x, this.#w), this.#y))) as tf.Scalar;
	trainStep() {
		tf.tidy(() => {
			this.#optimizer.minimize(this.#loss);
		});
		this.epoch++;
	}
	async evaluate() {
		const loss = tf.tidy(this.#loss);
		const [value] = await loss.data();
		loss.dispose();
		return { metrics: { loss: value }, snapshot: 0 };
	}
	reinitialize() {
		this.#w.assign(tf.scalar(0));
	}
	dispose() {
		tf.dispose([this.#w, this.#x, this.#y]);
		this.#optimizer.dispose();
	}
}

describe('TrainingSession', () => {
	it('trains until paused, reporting a falling loss with step and epoch', async () => {
		const { session, log } = recordedSession();
		session.setSpeed(Infinity);
		const done = session.train();
		while (session.step < 100) await new Promise((r) => setTimeout(r, 0));
		await session.pause();
		await done;
		expect(log.running).toEqual([true, false]);
		const first = log.progress[0];
		const last = log.progress.at(-1)!;
		expect(last.step).toBeGreaterThanOrEqual(100);
		expect(last.epoch).toBeGreaterThanOrEqual(
			Math.floor(100 / Math.ceil(data.train.length / 8)) - 1
		);
		expect(last.loss).toBeLessThan(first.loss);
		expect(log.errors).toEqual([]);
		session.dispose();
	});

	async function trainUntilStopped(learningRate: number) {
		const model = new LinearRegression(learningRate);
		const stops: StopReason[] = [];
		const losses: number[] = [];
		const noop = () => {};
		const session = new TrainingSession(
			model,
			{
				progress: (p) => losses.push(p.loss),
				running: noop,
				stopped: (r) => stops.push(r),
				detail: noop,
				failed: noop
			},
			{ reportEveryMs: 0, sleep: () => new Promise((resolve) => setTimeout(resolve, 0)) }
		);
		await session.train();
		expect(stops).toHaveLength(1);
		expect(stops[0].step).toBe(session.step);
		expect(session.running).toBe(false);
		return { stop: stops[0], losses, session };
	}

	it('stops with a reason when the loss grows far above where it started', async () => {
		const { stop, losses, session } = await trainUntilStopped(100);
		expect(stop.kind).toBe('diverged');
		expect(Number.isFinite(stop.loss)).toBe(true);
		expect(stop.loss).toBeGreaterThan(divergenceFactor * losses[0]);
		// It grew every step, and training stopped at the first report past the limit.
		expect(losses.every((loss, i) => i === 0 || loss > losses[i - 1])).toBe(true);
		expect(losses.slice(0, -1).every((loss) => loss <= divergenceFactor * losses[0])).toBe(true);
		// Reset starts over: the same run diverges again, from its own start.
		await session.reset();
		await session.train();
		expect(session.running).toBe(false);
		session.dispose();
	});

	it('stops with a reason when the loss stops being a finite number', async () => {
		const { stop, session } = await trainUntilStopped(1e30);
		expect(stop.kind).toBe('non-finite');
		expect(Number.isFinite(stop.loss)).toBe(false);
		session.dispose();
	});

	it('steps one example at a time with its explanation', async () => {
		const { session, log } = recordedSession();
		await session.stepOnce();
		await session.stepOnce();
		expect(session.step).toBe(2);
		expect(log.details).toBe(2);
		expect(log.progress.map((p) => p.step)).toEqual([1, 2]);
		session.dispose();
	});

	it('resets to step 0 and the same initial weights', async () => {
		const { session, log } = recordedSession();
		await session.report();
		const initial = log.snapshots[0];
		for (let i = 0; i < 5; i++) await session.stepOnce();
		await session.reset();
		expect(session.step).toBe(0);
		expect(log.progress.at(-1)!.step).toBe(0);
		expect(log.snapshots.at(-1)).toEqual(initial);
		session.dispose();
	});

	it('keeps the tensor count flat while it trains', async () => {
		const { session } = recordedSession();
		const counts: number[] = [];
		for (let round = 0; round < 4; round++) {
			const done = session.train();
			const target = session.step + 30;
			while (session.step < target) await new Promise((r) => setTimeout(r, 0));
			await session.pause();
			await done;
			counts.push(tf.memory().numTensors);
		}
		expect(new Set(counts).size).toBe(1);
		session.dispose();
	});

	it('paces steps to the speed it is given', async () => {
		let clock = 0;
		const sleeps: number[] = [];
		const model = new PerceptronModel(config, data);
		const noop = () => {};
		const session: TrainingSession<PerceptronWeights, unknown> = new TrainingSession(
			model,
			{ progress: noop, running: noop, stopped: noop, detail: noop, failed: noop },
			{
				now: () => clock,
				sleep: async (ms) => {
					sleeps.push(ms);
					clock += ms;
					if (sleeps.length === 5) void session.pause();
				}
			}
		);
		session.setSpeed(8);
		await session.train();
		expect(session.step).toBe(5);
		expect(sleeps).toEqual([125, 125, 125, 125, 125]);
		session.dispose();
	});
});

describe('adaptBurst', () => {
	it('grows fast ticks, shrinks slow ones, and keeps good ones', () => {
		expect(adaptBurst(4, 5)).toBe(8);
		expect(adaptBurst(4, 120)).toBe(2);
		expect(adaptBurst(4, 50)).toBe(4);
		expect(adaptBurst(1, 500)).toBe(1);
		expect(adaptBurst(256, 1)).toBe(256);
	});
});
