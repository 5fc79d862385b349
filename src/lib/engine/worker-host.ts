import * as tf from './tf';
import {
	destroyWebGpuDevice,
	selectBackend,
	deviceLossSignal,
	type FallbackReason
} from './backend';
import type { LiveModel, LiveModelFactory } from './live-model';
import type { FromWorker, MessageEndpoint, ToWorker } from './protocol';
import { TrainingSession } from './session';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const delay = (ms: number) => new Promise<null>((resolve) => setTimeout(() => resolve(null), ms));

/**
 * Serves one live model inside a Web Worker: picks the backend, warms the shaders up before the
 * first Train, runs the training session, and moves to the next backend if the GPU device is lost,
 * keeping settings, data, step count and the last weights it read.
 */
export function hostLiveModel<Config, Data, Snapshot, Detail>(
	endpoint: MessageEndpoint,
	createModel: LiveModelFactory<Config, Data, Snapshot, Detail>
): void {
	type Model = LiveModel<Config, Data, Snapshot, Detail>;
	const post = (message: FromWorker<Snapshot, Detail>) => endpoint.postMessage(message);
	let config: Config;
	let data: Data;
	let session: TrainingSession<Snapshot, Detail, Model> | null = null;
	let lastSnapshot: Snapshot | null = null;
	let recovering = false;
	/** The reader pressed Train and has not paused since: what to go back to after a recovery. */
	let trainingWanted = false;
	/** Resolves if the current WebGPU device is lost; null on other backends. */
	let deviceLoss: Promise<string> | null = null;
	let handledLoss: Promise<string> | null = null;
	const lostDevices: FallbackReason[] = [];

	function newSession(model: Model) {
		return new TrainingSession<Snapshot, Detail, Model>(model, {
			progress: (progress, snapshot) => {
				lastSnapshot = snapshot;
				post({
					type: 'progress',
					progress: { ...progress, tensors: tf.memory().numTensors },
					snapshot
				});
			},
			running: (running) => post({ type: 'running', running }),
			stopped: (reason) => {
				trainingWanted = false;
				post({ type: 'stopped', reason });
			},
			detail: (detail) => post({ type: 'detail', detail }),
			failed: (error) => void handleFailure(error)
		});
	}

	/** Compiles every shader the model needs on a throwaway copy, so Train starts at full speed. */
	async function warmUp(): Promise<void> {
		const scratch = createModel(config, data);
		try {
			scratch.trainStep();
			await scratch.evaluate();
			// With no data yet there is no example to explain; its shaders compile on the first Step.
			if (scratch.explainStep) await scratch.explainStep().catch(() => undefined);
		} finally {
			scratch.dispose();
		}
	}

	async function start(requested: Extract<ToWorker<Config, Data>, { type: 'init' }>['backend']) {
		const info = await selectBackend({ requested, exclude: lostDevices });
		post({ type: 'backend', info });
		deviceLoss = deviceLossSignal();
		void deviceLoss?.then(recover);
		await warmUp();
		const model = createModel(config, data);
		if (lastSnapshot !== null && model.restore) model.restore(lastSnapshot);
		return model;
	}

	/** A GPU read fails before the device reports its loss: give the loss a moment to show. */
	async function handleFailure(error: unknown): Promise<void> {
		if (recovering) return;
		const lost = deviceLoss && (await Promise.race([deviceLoss, delay(1000)]));
		if (lost) await recover(lost);
		else post({ type: 'error', message: errorText(error) });
	}

	async function recover(message: string): Promise<void> {
		if (!session || recovering || handledLoss === deviceLoss) return;
		handledLoss = deviceLoss;
		recovering = true;
		post({ type: 'device-lost', message });
		try {
			await session.pause();
			lostDevices.push({ backend: 'webgpu', code: 'device-lost', detail: message });
			tf.removeBackend('webgpu');
			await session.replaceModel(await start(null));
			await session.report();
			if (trainingWanted) void session.train();
		} catch (error) {
			post({ type: 'error', message: errorText(error) });
		} finally {
			recovering = false;
		}
	}

	async function handle(message: ToWorker<Config, Data>): Promise<void> {
		if (message.type === 'init') {
			config = message.config;
			data = message.data;
			const model = await start(message.backend);
			session = newSession(model);
			session.setSpeed(message.stepsPerSecond);
			await session.report();
			post({ type: 'ready' });
			return;
		}
		if (!session) return;
		switch (message.type) {
			case 'configure':
				config = message.config;
				session.model.configure(config);
				return;
			case 'data': {
				data = message.data;
				session.model.setData(data);
				if (message.reset) await session.reset();
				else if (!session.running) await session.report();
				return;
			}
			case 'speed':
				session.setSpeed(message.stepsPerSecond);
				return;
			case 'train':
				trainingWanted = true;
				void session.train();
				return;
			case 'pause':
				trainingWanted = false;
				await session.pause();
				return;
			case 'step':
				trainingWanted = false;
				await session.stepOnce();
				return;
			case 'reset':
				trainingWanted = false;
				await session.reset();
				return;
			case 'lose-device':
				destroyWebGpuDevice();
				return;
		}
	}

	let queue = Promise.resolve();
	endpoint.onmessage = (event: MessageEvent<ToWorker<Config, Data>>) => {
		const message = event.data;
		// Pause must not wait behind a long step or warm-up; everything else keeps its order.
		if (message.type === 'pause' && session) void session.pause();
		queue = queue
			.then(() => handle(message))
			.catch((error: unknown) => post({ type: 'error', message: errorText(error) }));
	};
}
