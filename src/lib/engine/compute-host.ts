import { destroyWebGpuDevice } from './backend';
import type { MessageEndpoint, ToComputeWorker } from './protocol';
import { errorText, WorkerRuntime } from './worker-runtime';

export type ComputeHandlers = Record<string, (payload: never) => Promise<unknown>>;

/**
 * Serves a model that answers requests rather than trains (a convolution, a detector): picks the
 * backend, then answers each request in order. If the WebGPU device is lost mid-request, it moves
 * to the next backend and answers the same request there.
 */
export function hostCompute(endpoint: MessageEndpoint, handlers: ComputeHandlers): void {
	const runtime = new WorkerRuntime(endpoint);
	let ready = false;

	/** Resolves once a working backend is back; the first caller for a loss does the restart. */
	let restarting: Promise<void> | null = null;
	const restartAfterLoss = (message: string): Promise<void> => {
		if (runtime.claimLoss()) {
			runtime.forgetLostDevice(message);
			restarting = runtime.startBackend(null, (next) => void restartAfterLoss(next));
		}
		return restarting ?? Promise.resolve();
	};

	async function handle(message: ToComputeWorker): Promise<void> {
		switch (message.type) {
			case 'init':
				await runtime.startBackend(message.backend, (lost) => void restartAfterLoss(lost));
				ready = true;
				runtime.post({ type: 'ready' });
				return;
			case 'lose-device':
				destroyWebGpuDevice();
				return;
			case 'request': {
				const handler = handlers[message.name] as
					((payload: unknown) => Promise<unknown>) | undefined;
				if (!ready || !handler) {
					runtime.post({
						type: 'response',
						id: message.id,
						error: `no request "${message.name}" here`
					});
					return;
				}
				await runtime.answer(message, async () => {
					try {
						return await handler(message.payload);
					} catch (error) {
						const lost = await runtime.lossBehind();
						if (!lost) throw error;
						await restartAfterLoss(lost);
						return handler(message.payload);
					}
				});
				return;
			}
		}
	}

	let queue = Promise.resolve();
	endpoint.onmessage = (event: MessageEvent<ToComputeWorker>) => {
		const message = event.data;
		queue = queue
			.then(() => handle(message))
			.catch((error: unknown) => runtime.post({ type: 'error', message: errorText(error) }));
	};
}
