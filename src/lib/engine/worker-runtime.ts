import * as tf from './tf';
import {
	deviceLossSignal,
	selectBackend,
	watchGpuErrors,
	type BackendName,
	type FallbackReason
} from './backend';
import type { MessageEndpoint, RequestMessage, WorkerStatusMessage } from './protocol';

export const errorText = (error: unknown) =>
	error instanceof Error ? error.message : String(error);

const delay = (ms: number) => new Promise<null>((resolve) => setTimeout(() => resolve(null), ms));

/**
 * What every worker host needs: choosing the backend (and telling the page), noticing a lost
 * WebGPU device and moving on without it, and answering requests.
 */
export class WorkerRuntime {
	readonly #endpoint: MessageEndpoint;
	readonly #lostDevices: FallbackReason[] = [];
	#deviceLoss: Promise<string> | null = null;
	#handledLoss: Promise<string> | null = null;

	constructor(endpoint: MessageEndpoint) {
		this.#endpoint = endpoint;
	}

	post(message: WorkerStatusMessage | object): void {
		this.#endpoint.postMessage(message);
	}

	/** Picks a backend, leaving out those whose device was lost; calls `onLoss` if this one's is. */
	async startBackend(
		requested: BackendName | null,
		onLoss: (message: string) => void
	): Promise<void> {
		const info = await selectBackend({ requested, exclude: this.#lostDevices });
		this.post({ type: 'backend', info });
		this.#deviceLoss = deviceLossSignal();
		void this.#deviceLoss?.then(onLoss);
		watchGpuErrors((detail) => {
			const message = `The GPU rejected a computation, so the numbers shown from now on may be wrong (a bug in this lesson or in tfjs). Add ?backend=webgl or ?backend=cpu to the address to use another backend. Detail: ${detail}`;
			console.error(message);
			this.post({ type: 'error', message });
		});
	}

	/**
	 * After a failure: was it the GPU device going away? GPU reads fail a moment before the device
	 * reports its loss, so this waits a little for the report.
	 */
	async lossBehind(): Promise<string | null> {
		return this.#deviceLoss && Promise.race([this.#deviceLoss, delay(1000)]);
	}

	/** True once per lost device: whoever gets it does the recovery. */
	claimLoss(): boolean {
		if (!this.#deviceLoss || this.#handledLoss === this.#deviceLoss) return false;
		this.#handledLoss = this.#deviceLoss;
		return true;
	}

	/** Marks WebGPU as lost for this page and tells the page; the caller starts the next backend. */
	forgetLostDevice(message: string): void {
		this.post({ type: 'device-lost', message });
		this.#lostDevices.push({ backend: 'webgpu', code: 'device-lost', detail: message });
		tf.removeBackend('webgpu');
	}

	/** Answers a request with the handler's result, or with its error. */
	async answer(request: RequestMessage, handler: () => Promise<unknown>): Promise<void> {
		try {
			const result = await handler();
			this.post({ type: 'response', id: request.id, result });
		} catch (error) {
			this.post({ type: 'response', id: request.id, error: errorText(error) });
		}
	}
}
