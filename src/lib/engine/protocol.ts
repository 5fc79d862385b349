import type { BackendInfo, BackendName } from './backend-info';
import type { Progress, StopReason } from './session';

/** A question for the worker's model or service, answered by a `response` with the same id. */
export interface RequestMessage {
	type: 'request';
	id: number;
	name: string;
	payload: unknown;
}

/** Fault injection: destroys the WebGPU device, as a driver reset would. */
export interface LoseDeviceMessage {
	type: 'lose-device';
}

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
	| RequestMessage
	| LoseDeviceMessage;

/** Messages from the page to a compute worker (a model that answers requests, not a trainer). */
export type ToComputeWorker =
	{ type: 'init'; backend: BackendName | null } | RequestMessage | LoseDeviceMessage;

/** What every worker tells the page. */
export type WorkerStatusMessage =
	| { type: 'backend'; info: BackendInfo }
	| { type: 'loading'; fraction: number }
	| { type: 'ready' }
	| { type: 'device-lost'; message: string }
	| { type: 'error'; message: string }
	| { type: 'response'; id: number; result?: unknown; error?: string };

/** Messages from a training worker to the page. */
export type FromWorker<Snapshot, Detail> =
	| WorkerStatusMessage
	| { type: 'progress'; progress: Progress; snapshot: Snapshot }
	| { type: 'running'; running: boolean }
	| { type: 'stopped'; reason: StopReason }
	| { type: 'detail'; detail: Detail };

/** The part of a worker's global scope (or a MessagePort) a host needs. */
export interface MessageEndpoint {
	postMessage(message: unknown): void;
	onmessage: ((event: MessageEvent) => void) | null;
}
