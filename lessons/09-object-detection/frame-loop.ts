import type { DetectionResult } from '$lib/engine/detection/detector';

export interface FrameTiming {
	/** From the frame being shown to its boxes coming back, in ms. */
	latencyMs: number;
	/** Frames processed per second over the last few seconds. */
	fps: number;
	dropped: number;
}

/**
 * Detects on a playing video, one frame at a time: each new frame is taken with
 * requestVideoFrameCallback, and while one is being detected the next ones are dropped, not
 * queued, so the boxes are never more than one frame's work behind the picture.
 */
export class VideoDetectionLoop {
	#running = false;
	#busy = false;
	#dropped = 0;
	#finished: number[] = [];

	constructor(
		private readonly video: HTMLVideoElement,
		private readonly detect: (frame: ImageBitmap) => Promise<DetectionResult>,
		private readonly onResult: (result: DetectionResult, timing: FrameTiming) => void,
		private readonly onError: (error: unknown) => void
	) {}

	get running(): boolean {
		return this.#running;
	}

	start(): void {
		if (this.#running) return;
		this.#running = true;
		this.#finished = [];
		this.#schedule();
	}

	stop(): void {
		this.#running = false;
	}

	#schedule(): void {
		if (!this.#running) return;
		if ('requestVideoFrameCallback' in this.video) {
			this.video.requestVideoFrameCallback(() => this.#onFrame());
		} else {
			requestAnimationFrame(() => this.#onFrame());
		}
	}

	#onFrame(): void {
		if (!this.#running) return;
		this.#schedule();
		if (this.#busy || this.video.readyState < 2) {
			this.#dropped++;
			return;
		}
		this.#busy = true;
		const started = performance.now();
		createImageBitmap(this.video)
			.then((frame) => this.detect(frame))
			.then((result) => {
				if (!this.#running) return;
				const now = performance.now();
				this.#finished = [...this.#finished.filter((t) => now - t < 3000), now];
				const span = (now - this.#finished[0]) / 1000;
				const fps = span > 0 ? (this.#finished.length - 1) / span : 0;
				this.onResult(result, { latencyMs: now - started, fps, dropped: this.#dropped });
			})
			.catch((error: unknown) => {
				this.stop();
				this.onError(error);
			})
			.finally(() => (this.#busy = false));
	}
}
