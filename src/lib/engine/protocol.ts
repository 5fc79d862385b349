import type { BackendInfo, BackendName } from './backend-info';
import type { Progress, StopReason } from './session';

/** Messages from the page to a training worker. */
export type ToWorker<Config, Data> =
	| {
			type: 'init';
			backend: BackendName | null;
			config: Config;
			data: Data;
			stepsPerSecond: number;
	  }
	| { type: 'configure'; config: Config }
	| { type: 'data'; data: Data; reset: boolean }
	| { type: 'speed'; stepsPerSecond: number }
	| { type: 'train' }
	| { type: 'pause' }
	| { type: 'step' }
	| { type: 'reset' }
	/** Fault injection: destroys the WebGPU device, as a driver reset would. */
	| { type: 'lose-device' };

/** Messages from a training worker to the page. */
export type FromWorker<Snapshot, Detail> =
	| { type: 'backend'; info: BackendInfo }
	| { type: 'ready' }
	| { type: 'progress'; progress: Progress; snapshot: Snapshot }
	| { type: 'running'; running: boolean }
	| { type: 'stopped'; reason: StopReason }
	| { type: 'detail'; detail: Detail }
	| { type: 'device-lost'; message: string }
	| { type: 'error'; message: string };

/** The part of a worker's global scope (or a MessagePort) the host needs. */
export interface MessageEndpoint {
	postMessage(message: unknown): void;
	onmessage: ((event: MessageEvent) => void) | null;
}
