import type { BackendInfo } from '$lib/engine/backend-info';
import * as tf from '$lib/engine/tf';
import { TrainingSession, type Progress, type Trainable } from '$lib/engine/session';

/** A loop with nothing but the optimiser steps: what a tfjs tutorial would write. */
export interface ReferenceLoop {
	step(): void;
	/** Waits for the GPU (one small read) at the end of a block. */
	sync(): Promise<void>;
	dispose(): void;
}

/**
 * Counts read-backs (Tensor.data / dataSync / arraySync / array) while `body` runs, and among them
 * the synchronous ones, which block their thread until the GPU is done.
 */
export async function countReads<T>(
	body: () => Promise<T>
): Promise<{ result: T; reads: number; syncReads: number }> {
	const proto = tf.Tensor.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
	const names = ['data', 'dataSync', 'arraySync', 'array'];
	const originals = names.map((name) => proto[name]);
	let reads = 0;
	let syncReads = 0;
	names.forEach((name, i) => {
		proto[name] = function (this: unknown, ...args: unknown[]) {
			reads++;
			if (name.endsWith('Sync')) syncReads++;
			return originals[i].apply(this, args);
		};
	});
	try {
		return { result: await body(), reads, syncReads };
	} finally {
		names.forEach((name, i) => (proto[name] = originals[i]));
	}
}

/**
 * Runs the lesson's own loop, a TrainingSession at full speed with its reports and their
 * read-backs, in blocks of about `steps` steps. One session for all blocks, as on the page.
 */
export class LessonLoop {
	#session: TrainingSession<unknown, unknown>;
	#remaining = 0;
	/** Whether the block may end once its steps are done (see run's untilReportMs). */
	#mayStop: () => boolean = () => true;
	#onReport: (() => void) | null = null;
	#onStepDone: (() => void) | null = null;

	constructor(
		model: Trainable<unknown, unknown> & { reportEveryMs?: number; reportShare?: number },
		onProgress: (progress: Progress) => void
	) {
		const counting: Trainable<unknown, unknown> = {
			get epoch() {
				return model.epoch;
			},
			trainStep: () => {
				model.trainStep();
				if (--this.#remaining <= 0 && this.#mayStop()) void this.#session.pause();
			},
			evaluate: () => model.evaluate(),
			sync: model.sync
				? async () => {
						await model.sync!();
						this.#onStepDone?.();
					}
				: undefined,
			reinitialize: () => model.reinitialize(),
			dispose: () => undefined
		};
		this.#session = new TrainingSession(
			counting,
			{
				progress: (progress) => {
					this.#onReport?.();
					onProgress(progress);
				},
				running: () => undefined,
				stopped: () => undefined,
				detail: () => undefined,
				failed: (error) => console.error(error)
			},
			// Blocks end in a pause: timing steady training, not the report a pause adds.
			{ reportEveryMs: model.reportEveryMs, reportShare: model.reportShare, reportOnPause: false }
		);
		this.#session.setSpeed(Infinity);
	}

	/**
	 * Trains about `steps` steps: how many, how long, the reports made, the first one's time, and
	 * when the GPU had finished the first step (models that sync; otherwise the first report).
	 * With `untilReportMs`, the block goes on past its steps until the lesson's first report, for
	 * at most that long: the time from Train to the first loss, whatever the block size.
	 */
	async run(
		steps: number,
		untilReportMs = 0
	): Promise<{
		steps: number;
		ms: number;
		reports: number;
		firstReportMs: number;
		firstStepMs: number;
	}> {
		const before = this.#session.step;
		const started = performance.now();
		let firstReportMs = NaN;
		let firstStepMs = NaN;
		let reports = 0;
		this.#onReport = () => {
			if (reports++ === 0) firstReportMs = performance.now() - started;
			if (Number.isNaN(firstStepMs)) firstStepMs = firstReportMs;
		};
		this.#onStepDone = () => {
			if (Number.isNaN(firstStepMs)) firstStepMs = performance.now() - started;
		};
		this.#mayStop = () => reports > 0 || performance.now() - started >= untilReportMs;
		this.#remaining = steps;
		await this.#session.train();
		return {
			steps: this.#session.step - before,
			ms: performance.now() - started,
			reports,
			firstReportMs,
			firstStepMs
		};
	}
}

/** The adapter as the bench tables name it: vendor and architecture, or '' off WebGPU. */
export function adapterName(info: Pick<BackendInfo, 'adapter'>): string {
	return info.adapter
		? [info.adapter.vendor, info.adapter.architecture].filter(Boolean).join(' ')
		: '';
}

/**
 * Bytes the backend holds on the GPU, its buffer pool included (WebGPU calls it
 * numBytesAllocatedInGPU, WebGL numBytesInGPUAllocated); null on the CPU backend.
 */
export function gpuBytes(): number | null {
	const memory = tf.memory() as {
		numBytesAllocatedInGPU?: number;
		numBytesInGPUAllocated?: number;
	};
	return memory.numBytesAllocatedInGPU ?? memory.numBytesInGPUAllocated ?? null;
}

/** The most GPU bytes seen over the samples taken (at every report and block end). */
export class GpuPeak {
	peak: number | null = null;

	sample(): void {
		const bytes = gpuBytes();
		if (bytes !== null) this.peak = Math.max(this.peak ?? 0, bytes);
	}
}

export async function timeReference(loop: ReferenceLoop, steps: number): Promise<number> {
	const started = performance.now();
	for (let i = 0; i < steps; i++) loop.step();
	await loop.sync();
	return performance.now() - started;
}

export async function kernelsPerStep(step: () => void): Promise<number> {
	const info = await tf.profile(() => {
		step();
	});
	return info.kernels.length;
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
