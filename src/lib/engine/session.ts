/** Numbers read back from the GPU at a report; absent ones do not apply to the model. */
export interface Metrics {
	loss: number;
	testLoss?: number;
	accuracy?: number;
	testAccuracy?: number;
}

export interface Progress extends Metrics {
	step: number;
	epoch: number;
	/** Tensors alive in the worker at this report: flat while training means nothing leaks. */
	tensors?: number;
}

export interface Evaluation<Snapshot> {
	metrics: Metrics;
	snapshot: Snapshot;
}

/**
 * What a training session drives. A model keeps its tensors on the backend; every method disposes
 * what it creates, so the tensor count stays flat however long it trains.
 */
export interface Trainable<Snapshot, Detail = never> {
	/** One optimiser step on the next batch. Enqueues GPU work; reads nothing back. */
	trainStep(): void;
	/** Completed passes over the training data. */
	readonly epoch: number;
	/** Loss (and accuracy) over the data sets plus what the page draws, in one GPU read. */
	evaluate(): Promise<Evaluation<Snapshot>>;
	/** One step on a single example, returning every number of its forward and backward pass. */
	explainStep?(): Promise<Detail>;
	/**
	 * Waits until the GPU has done the steps enqueued so far, reading at most a few bytes. Models
	 * whose evaluate() is costly provide it, so that running flat out the loop can pace itself on
	 * the GPU between reports; without it every tick ends with a report.
	 */
	sync?(): Promise<void>;
	/** Back to the seeded initial weights, epoch 0. */
	reinitialize(): void;
	dispose(): void;
}

/**
 * Why training stopped by itself: the loss overflowed ('non-finite'), or it grew far above where it
 * started ('diverged'): steps that overshoot, usually a learning rate that is too high.
 */
export type StopReason = { kind: 'non-finite' | 'diverged'; step: number; loss: number };

/** A loss this many times the untrained model's means training is diverging. */
export const divergenceFactor = 100;

export interface SessionEvents<Snapshot, Detail> {
	progress(progress: Progress, snapshot: Snapshot): void;
	running(running: boolean): void;
	stopped(reason: StopReason): void;
	detail(detail: Detail): void;
	failed(error: unknown): void;
}

/** Speed levels for the controls: steps per second, the last one as fast as the backend goes. */
export const speedLevels = [2, 8, 30, 120, Infinity] as const;
export const defaultSpeedLevel = 4;

export interface SessionOptions {
	/** How often a running session reads loss back from the GPU, at most. */
	reportEveryMs?: number;
	/**
	 * The largest share of the time reports may take (their GPU work and read-back): 0.05 keeps
	 * training within 5% of a loop without reports; a small model that animates may allow more.
	 */
	reportShare?: number;
	/** Pause between ticks; injectable so tests can run without real time. */
	sleep?: (ms: number) => Promise<void>;
	/** Report once more when paused between reports (the page shows where it stopped). Default true. */
	reportOnPause?: boolean;
	now?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs a model's training loop: train / pause / step / reset, a speed limit, the loss read back
 * asynchronously every `reportEveryMs` (never per step), and a stop with a reason when the loss is
 * no longer a finite number.
 */
export class TrainingSession<
	Snapshot,
	Detail = never,
	Model extends Trainable<Snapshot, Detail> = Trainable<Snapshot, Detail>
> {
	#model: Model;
	#events: SessionEvents<Snapshot, Detail>;
	#reportEveryMs: number;
	#sleep: (ms: number) => Promise<void>;
	#now: () => number;
	#reportOnPause: boolean;
	#reportShare: number;
	#step = 0;
	#running = false;
	#loop: Promise<void> | null = null;
	#stepsPerSecond = speedLevels[defaultSpeedLevel] as number;
	/** Steps per tick when running flat out; adapted so that a tick takes 20 to 80 ms. */
	#burst = 1;
	/** How long the last report took: reports are spaced to keep within their share of the time. */
	#reportMs = 0;
	#reports = 0;
	/** The loss at the first report since the weights were last initialised. */
	#startLoss: number | null = null;

	constructor(model: Model, events: SessionEvents<Snapshot, Detail>, options: SessionOptions = {}) {
		this.#model = model;
		this.#events = events;
		this.#reportEveryMs = options.reportEveryMs ?? 100;
		this.#sleep = options.sleep ?? realSleep;
		this.#now = options.now ?? (() => performance.now());
		this.#reportOnPause = options.reportOnPause ?? true;
		this.#reportShare = options.reportShare ?? 0.05;
	}

	get step(): number {
		return this.#step;
	}

	get running(): boolean {
		return this.#running;
	}

	get model(): Model {
		return this.#model;
	}

	setSpeed(stepsPerSecond: number): void {
		this.#stepsPerSecond = stepsPerSecond > 0 ? stepsPerSecond : Infinity;
	}

	/** Starts the loop; resolves once it has stopped (pause, a non-finite loss or an error). */
	train(): Promise<void> {
		if (!this.#loop) {
			this.#setRunning(true);
			this.#loop = this.#run().finally(() => {
				this.#loop = null;
				this.#setRunning(false);
			});
		}
		return this.#loop;
	}

	/** Stops after the current tick; resolves when the loop has really stopped. */
	async pause(): Promise<void> {
		this.#running = false;
		await this.#loop;
	}

	/** One step (on one example, with its numbers, where the model can explain itself). */
	async stepOnce(): Promise<void> {
		await this.pause();
		try {
			if (this.#model.explainStep) {
				const detail = await this.#model.explainStep();
				this.#step++;
				this.#events.detail(detail);
			} else {
				this.#model.trainStep();
				this.#step++;
			}
			await this.report();
		} catch (error) {
			this.#events.failed(error);
		}
	}

	async reset(): Promise<void> {
		await this.pause();
		this.#model.reinitialize();
		this.#step = 0;
		this.#startLoss = null;
		await this.report();
	}

	/** Swaps in another model (new data or a new backend) and keeps the step count. */
	async replaceModel(model: Model): Promise<void> {
		await this.pause();
		const previous = this.#model;
		this.#model = model;
		try {
			previous.dispose();
		} catch {
			// A lost GPU device cannot free its buffers: they went with it.
		}
	}

	/** Reads loss and snapshot back, emits them, and stops training if the loss overflowed or diverged. */
	async report(): Promise<boolean> {
		const started = this.#now();
		const { metrics, snapshot } = await this.#model.evaluate();
		// The first report compiles shaders: it says nothing about the cost of the next ones.
		if (this.#reports++ > 0) this.#reportMs = this.#now() - started;
		this.#events.progress({ ...metrics, step: this.#step, epoch: this.#model.epoch }, snapshot);
		const finite = Number.isFinite(metrics.loss);
		if (finite) this.#startLoss ??= metrics.loss;
		const diverged = finite && metrics.loss > divergenceFactor * Math.max(this.#startLoss!, 1e-3);
		if (finite && !diverged) return true;
		this.#running = false;
		this.#events.stopped({
			kind: finite ? 'diverged' : 'non-finite',
			step: this.#step,
			loss: metrics.loss
		});
		return false;
	}

	dispose(): void {
		this.#running = false;
		this.#model.dispose();
	}

	#setRunning(running: boolean): void {
		this.#running = running;
		this.#events.running(running);
	}

	async #run(): Promise<void> {
		let lastReport = this.#now();
		let reportedStep = this.#step;
		/** Flat out, the GPU works on one burst while the next is enqueued: no more run-ahead than that. */
		let previousBurst: Promise<void> | null = null;
		try {
			while (this.#running) {
				const tickStart = this.#now();
				const paced = Number.isFinite(this.#stepsPerSecond);
				const steps = paced ? 1 : this.#burst;
				for (let i = 0; i < steps; i++) {
					this.#model.trainStep();
					this.#step++;
				}
				if (!paced && this.#model.sync) {
					const thisBurst = this.#model.sync();
					await previousBurst;
					previousBurst = thisBurst;
				}
				// The tick's length, which sets the next burst, includes the GPU's work.
				const trainedMs = this.#now() - tickStart;
				// Reports keep to their share of the time, and come at least once a minute (on a GPU
				// emulated by the CPU, a CNN's test evaluation alone takes seconds).
				const spacing = (1 - this.#reportShare) / this.#reportShare;
				const gap = Math.max(this.#reportEveryMs, Math.min(spacing * this.#reportMs, 60_000));
				const everyStep =
					this.#stepsPerSecond * this.#reportEveryMs <= 1000 && this.#reportMs < 100;
				const syncedOnlyByReport = !paced && !this.#model.sync;
				if (everyStep || syncedOnlyByReport || tickStart - lastReport >= gap) {
					lastReport = tickStart;
					reportedStep = this.#step;
					if (!(await this.report())) return;
				}
				const elapsed = this.#now() - tickStart;
				if (paced) {
					await this.#sleep(Math.max(0, 1000 / this.#stepsPerSecond - elapsed));
				} else {
					this.#burst = adaptBurst(this.#burst, syncedOnlyByReport ? elapsed : trainedMs);
					await this.#sleep(0);
				}
			}
			await previousBurst;
			// Paused between reports: report where training stopped, so the page shows it exactly.
			if (this.#reportOnPause && reportedStep !== this.#step) await this.report();
		} catch (error) {
			this.#events.failed(error);
		} finally {
			this.#running = false;
		}
	}
}

/** Doubles or halves the steps per tick so that a tick takes 20 to 80 ms. */
export function adaptBurst(burst: number, tickMs: number): number {
	if (tickMs < 20) return Math.min(burst * 2, 256);
	if (tickMs > 80) return Math.max(1, Math.floor(burst / 2));
	return burst;
}
