import type { BackendInfo, BackendName } from '$lib/engine/backend-info';
import type { FromWorker, ToWorker } from '$lib/engine/protocol';
import type { Progress, StopReason } from '$lib/engine/session';

export interface LiveModelStart<Config, Data> {
	config: Config;
	data: Data;
	backend: BackendName | null;
	stepsPerSecond: number;
}

type ProgressListener<Snapshot> = (progress: Progress, snapshot: Snapshot) => void;

/**
 * The page's handle on a model training in a Web Worker. Everything the UI shows is reactive
 * state here; commands are messages, so the page never waits on the GPU.
 */
export class LiveModelClient<Config, Data, Snapshot, Detail = never> {
	backend = $state.raw<BackendInfo | null>(null);
	/** True once the backend is up and the shaders are warm: Train starts at full speed. */
	ready = $state(false);
	running = $state(false);
	progress = $state.raw<Progress | null>(null);
	snapshot = $state.raw<Snapshot | null>(null);
	detail = $state.raw<Detail | null>(null);
	stopReason = $state.raw<StopReason | null>(null);
	deviceLost = $state<string | null>(null);
	error = $state<string | null>(null);

	#worker: Worker;
	#listeners: ProgressListener<Snapshot>[] = [];

	constructor(worker: Worker, start: LiveModelStart<Config, Data>) {
		this.#worker = worker;
		worker.onmessage = (event: MessageEvent<FromWorker<Snapshot, Detail>>) =>
			this.#receive(event.data);
		worker.onerror = (event) => {
			this.error = event.message || 'the worker script could not run';
			this.running = false;
		};
		this.#send({ type: 'init', ...start });
	}

	/** Called for every progress report, in order: what charts append to. */
	onProgress(listener: ProgressListener<Snapshot>): () => void {
		this.#listeners.push(listener);
		return () => {
			this.#listeners = this.#listeners.filter((other) => other !== listener);
		};
	}

	train(): void {
		this.stopReason = null;
		this.#send({ type: 'train' });
	}

	pause(): void {
		this.#send({ type: 'pause' });
	}

	toggle(): void {
		if (this.running) this.pause();
		else this.train();
	}

	step(): void {
		this.stopReason = null;
		this.#send({ type: 'step' });
	}

	reset(): void {
		this.stopReason = null;
		this.detail = null;
		this.#send({ type: 'reset' });
	}

	configure(config: Config): void {
		this.#send({ type: 'configure', config });
	}

	/** New data; `reset` also restarts from the initial weights, as for a new experiment. */
	setData(data: Data, reset: boolean): void {
		if (reset) this.detail = null;
		this.#send({ type: 'data', data, reset });
	}

	setSpeed(stepsPerSecond: number): void {
		this.#send({ type: 'speed', stepsPerSecond });
	}

	/** Fault injection for tests and demos: the WebGPU device goes away as after a driver reset. */
	loseDevice(): void {
		this.#send({ type: 'lose-device' });
	}

	dispose(): void {
		this.#listeners = [];
		this.#worker.terminate();
	}

	#send(message: ToWorker<Config, Data>): void {
		// Svelte state proxies cannot be cloned into a worker: send plain snapshots.
		this.#worker.postMessage($state.snapshot(message));
	}

	#receive(message: FromWorker<Snapshot, Detail>): void {
		switch (message.type) {
			case 'backend':
				this.backend = message.info;
				return;
			case 'ready':
				this.ready = true;
				return;
			case 'progress':
				this.progress = message.progress;
				this.snapshot = message.snapshot;
				for (const listener of this.#listeners) listener(message.progress, message.snapshot);
				return;
			case 'running':
				this.running = message.running;
				return;
			case 'stopped':
				this.stopReason = message.reason;
				return;
			case 'detail':
				this.detail = message.detail;
				return;
			case 'device-lost':
				this.deviceLost = message.message;
				return;
			case 'error':
				this.error = message.message;
				this.running = false;
				return;
		}
	}
}
