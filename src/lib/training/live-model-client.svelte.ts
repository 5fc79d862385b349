import type { BackendName } from '$lib/engine/backend-info';
import type { FromWorker, ToWorker } from '$lib/engine/protocol';
import type { Progress, StopReason } from '$lib/engine/session';
import { WorkerClient, type RequestMap } from './worker-client.svelte';

export interface LiveModelStart<Config, Data> {
	config: Config;
	data: Data;
	backend: BackendName | null;
	stepsPerSecond: number;
}

type ProgressListener<Snapshot> = (progress: Progress, snapshot: Snapshot) => void;

/**
 * The page's handle on a model training in a Web Worker (hostLiveModel). Everything the UI shows
 * is reactive state here; commands are messages, so the page never waits on the GPU.
 */
export class LiveModelClient<
	Config,
	Data,
	Snapshot,
	Detail = never,
	Requests extends RequestMap = RequestMap
> extends WorkerClient<Requests> {
	running = $state(false);
	progress = $state.raw<Progress | null>(null);
	snapshot = $state.raw<Snapshot | null>(null);
	detail = $state.raw<Detail | null>(null);
	stopReason = $state.raw<StopReason | null>(null);

	#listeners: ProgressListener<Snapshot>[] = [];

	constructor(worker: Worker, start: LiveModelStart<Config, Data>) {
		super(worker);
		this.#command({ type: 'init', ...start });
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
		this.#command({ type: 'train' });
	}

	pause(): void {
		this.#command({ type: 'pause' });
	}

	toggle(): void {
		if (this.running) this.pause();
		else this.train();
	}

	step(): void {
		this.stopReason = null;
		this.#command({ type: 'step' });
	}

	reset(): void {
		this.stopReason = null;
		this.detail = null;
		this.#command({ type: 'reset' });
	}

	configure(config: Config): void {
		this.#command({ type: 'configure', config });
	}

	/** New data; `reset` also restarts from the initial weights, as for a new experiment. */
	setData(data: Data, reset: boolean): void {
		if (reset) this.detail = null;
		this.#command({ type: 'data', data, reset });
	}

	setSpeed(stepsPerSecond: number): void {
		this.#command({ type: 'speed', stepsPerSecond });
	}

	override dispose(): void {
		this.#listeners = [];
		super.dispose();
	}

	protected override onFailure(): void {
		this.running = false;
	}

	protected override receive(message: FromWorker<Snapshot, Detail>): boolean {
		if (super.receive(message)) return true;
		switch (message.type) {
			case 'progress':
				this.progress = message.progress;
				this.snapshot = message.snapshot;
				for (const listener of this.#listeners) listener(message.progress, message.snapshot);
				return true;
			case 'running':
				this.running = message.running;
				return true;
			case 'stopped':
				this.stopReason = message.reason;
				return true;
			case 'detail':
				this.detail = message.detail;
				return true;
		}
		return false;
	}

	#command(message: ToWorker<Config, Data>): void {
		this.send(message);
	}
}
