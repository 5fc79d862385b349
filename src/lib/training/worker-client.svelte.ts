import type { BackendInfo } from '$lib/engine/backend-info';
import type { WorkerStatusMessage } from '$lib/engine/protocol';

/** Request names a worker answers, each with its payload and result types. */
export type RequestMap = Record<string, { payload: unknown; result: unknown }>;

interface Pending {
	resolve: (value: unknown) => void;
	reject: (error: Error) => void;
}

/**
 * The page's side of any of our workers: which backend runs, whether it is ready, load progress,
 * errors, and typed request/response. Subclasses add what their kind of worker reports.
 */
export class WorkerClient<Requests extends RequestMap = RequestMap> {
	backend = $state.raw<BackendInfo | null>(null);
	ready = $state(false);
	/** 0 to 1 while the worker downloads or decodes data; null when nothing is loading. */
	loading = $state<number | null>(null);
	deviceLost = $state<string | null>(null);
	error = $state<string | null>(null);

	protected readonly worker: Worker;
	#nextId = 1;
	#pending = new Map<number, Pending>();

	constructor(worker: Worker) {
		this.worker = worker;
		worker.onmessage = (event: MessageEvent) => this.receive(event.data);
		worker.onerror = (event) => {
			this.error = event.message || 'the worker script could not run';
			this.onFailure();
		};
	}

	/**
	 * Asks the worker something; rejects with the worker's own message if it fails. Objects in
	 * `transfer` (a video frame) move to the worker instead of being copied.
	 */
	request<Name extends keyof Requests & string>(
		name: Name,
		payload: Requests[Name]['payload'],
		transfer: Transferable[] = []
	): Promise<Requests[Name]['result']> {
		const id = this.#nextId++;
		return new Promise((resolve, reject) => {
			this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			this.send({ type: 'request', id, name, payload }, transfer);
		});
	}

	/** Fault injection for tests and demos: the WebGPU device goes away as after a driver reset. */
	loseDevice(): void {
		this.send({ type: 'lose-device' });
	}

	dispose(): void {
		for (const pending of this.#pending.values()) pending.reject(new Error('closed'));
		this.#pending.clear();
		this.worker.terminate();
	}

	protected send(message: object, transfer: Transferable[] = []): void {
		// Svelte state proxies cannot be cloned into a worker: send plain snapshots. A message with
		// transferables is built from plain values by its caller and goes as it is.
		this.worker.postMessage(transfer.length ? message : $state.snapshot(message), transfer);
	}

	protected onFailure(): void {}

	/** Handles the messages every worker sends; returns false for the subclass's own. */
	protected receive(message: WorkerStatusMessage | { type: string }): boolean {
		const status = message as WorkerStatusMessage;
		switch (status.type) {
			case 'backend':
				this.backend = status.info;
				return true;
			case 'loading':
				this.loading = status.fraction < 1 ? status.fraction : null;
				return true;
			case 'ready':
				this.ready = true;
				return true;
			case 'device-lost':
				this.deviceLost = status.message;
				return true;
			case 'error':
				this.error = status.message;
				this.onFailure();
				return true;
			case 'response': {
				const pending = this.#pending.get(status.id);
				this.#pending.delete(status.id);
				if (status.error !== undefined) pending?.reject(new Error(status.error));
				else pending?.resolve(status.result);
				return true;
			}
			default:
				return false;
		}
	}
}

/** A worker that answers requests (hostCompute). */
export class ComputeClient<Requests extends RequestMap> extends WorkerClient<Requests> {
	constructor(worker: Worker, backend: BackendInfo['name'] | null) {
		super(worker);
		this.send({ type: 'init', backend });
	}
}
