import * as tf from './tf';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type {
	AdapterSummary,
	BackendInfo,
	BackendName,
	FallbackCode,
	FallbackReason
} from './backend-info';

export * from './backend-info';

const preferenceOrder: readonly BackendName[] = ['webgpu', 'webgl', 'cpu'];

class BackendUnavailable extends Error {
	constructor(
		readonly code: FallbackCode,
		detail: string
	) {
		super(detail);
	}
}

async function describeAdapter(): Promise<AdapterSummary> {
	const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
	if (!gpu) throw new BackendUnavailable('no-webgpu-api', 'navigator.gpu is undefined');
	const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
	if (!adapter)
		throw new BackendUnavailable('no-adapter', 'navigator.gpu.requestAdapter() returned null');
	const { vendor, architecture, device, description } = adapter.info;
	return { vendor, architecture, device, description };
}

async function registerBackend(name: BackendName): Promise<void> {
	switch (name) {
		case 'webgpu':
			await import('@tensorflow/tfjs-backend-webgpu');
			return;
		case 'webgl':
			await import('@tensorflow/tfjs-backend-webgl');
			return;
		case 'cpu':
			await import('@tensorflow/tfjs-backend-cpu');
			return;
		case 'wasm':
			throw new BackendUnavailable('not-bundled', 'the wasm backend is not part of this build');
	}
}

/** Computes 1² + 2² + 3² on the backend and reads it back the only safe way (await data()). */
async function selfTest(name: BackendName): Promise<void> {
	const result = tf.tidy(() => tf.tensor1d([1, 2, 3]).square().sum());
	const [value] = await result.data();
	result.dispose();
	if (value !== 14) {
		throw new BackendUnavailable('self-test-failed', `${name} computed 1+4+9 = ${value}`);
	}
}

async function activate(name: BackendName): Promise<AdapterSummary | null> {
	const adapter = name === 'webgpu' ? await describeAdapter() : null;
	await registerBackend(name);
	let started: boolean;
	try {
		started = await tf.setBackend(name);
	} catch (error) {
		throw new BackendUnavailable('init-failed', String(error));
	}
	if (!started)
		throw new BackendUnavailable('init-failed', `tf.setBackend('${name}') returned false`);
	await tf.ready();
	await selfTest(name);
	return adapter;
}

export interface SelectOptions {
	/** The `?backend=` override: tried first; the usual order follows if it fails. */
	requested?: BackendName | null;
	/** Backends known to be broken for this page, such as a WebGPU device that was lost. */
	exclude?: readonly FallbackReason[];
}

/** Picks the first backend that starts and computes correctly: WebGPU, then WebGL, then CPU. */
export async function selectBackend(options: SelectOptions = {}): Promise<BackendInfo> {
	const requested = options.requested ?? null;
	const fallbacks: FallbackReason[] = [...(options.exclude ?? [])];
	const excluded = new Set(fallbacks.map((reason) => reason.backend));
	const candidates = [...new Set([...(requested ? [requested] : []), ...preferenceOrder])].filter(
		(name) => !excluded.has(name)
	);
	for (const name of candidates) {
		try {
			const adapter = await activate(name);
			return { name, requested, fallbacks, adapter };
		} catch (error) {
			const code = error instanceof BackendUnavailable ? error.code : 'init-failed';
			const detail = error instanceof Error ? error.message : String(error);
			fallbacks.push({ backend: name, code, detail });
		}
	}
	throw new Error(
		`No tfjs backend could start: ${fallbacks.map((f) => `${f.backend} (${f.detail})`).join('; ')}`
	);
}

/**
 * Resolves with the browser's message if the WebGPU device behind tfjs goes away (driver reset,
 * GPU process crash, device.destroy()); null on other backends.
 */
export function deviceLossSignal(): Promise<string> | null {
	if (tf.getBackend() !== 'webgpu') return null;
	const device = (tf.backend() as WebGPUBackend).device;
	return device.lost.then((info) => info.message || info.reason || 'device lost');
}

/**
 * Waits until the GPU has finished everything tfjs has enqueued, without reading any buffer back:
 * on WebGPU it submits tfjs's pending commands and waits for the queue. Null on other backends,
 * where only a read can wait for the GPU.
 */
export function gpuBarrier(): Promise<void> | null {
	if (tf.getBackend() !== 'webgpu') return null;
	// tfjs's own submit path (see its getBufferData), reached through its public-in-JS members.
	const backend = tf.backend() as unknown as {
		commandEncoder: GPUCommandEncoder | null;
		ensureCommandEncoderReady(): void;
		endComputePassEncoder(): void;
		submitQueue(): void;
		device: GPUDevice;
	};
	if (backend.commandEncoder) {
		backend.ensureCommandEncoderReady();
		backend.endComputePassEncoder();
		backend.submitQueue();
	}
	return backend.device.queue.onSubmittedWorkDone();
}

/**
 * Calls `listener` with the first validation error the WebGPU device raises. tfjs does not listen
 * for them, and an invalid shader fails silently: the whole command buffer it was submitted with
 * is dropped, and training goes on with numbers that were never computed.
 */
export function watchGpuErrors(listener: (message: string) => void): void {
	if (tf.getBackend() !== 'webgpu') return;
	const device = (tf.backend() as WebGPUBackend).device;
	let reported = false;
	device.addEventListener('uncapturederror', (event) => {
		if (reported) return;
		reported = true;
		listener((event as GPUUncapturedErrorEvent).error.message);
	});
}

/** Destroys the WebGPU device, exactly as a driver reset would lose it; for fault tests. */
export function destroyWebGpuDevice(): boolean {
	if (tf.getBackend() !== 'webgpu') return false;
	(tf.backend() as WebGPUBackend).device.destroy();
	return true;
}
