import { destroyWebGpuDevice, type BackendName } from './backend';
import type { LiveModel, LiveModelDefinition } from './live-model';
import type { FromWorker, MessageEndpoint, ToWorker } from './protocol';
import { TrainingSession } from './session';
import * as tf from './tf';
import { errorText, WorkerRuntime } from './worker-runtime';

/**
 * Serves one live model inside a Web Worker: picks the backend, loads the data (with progress),
 * warms the shaders up before the first Train, runs the training session, answers the lesson's
 * requests, and moves to the next backend if the GPU device is lost, keeping settings, data, step
 * count and the last weights it read.
 */
export function hostLiveModel<Config, Data, Snapshot, Detail, Loaded = Data>(
	endpoint: MessageEndpoint,
	definition: LiveModelDefinition<Config, Data, Snapshot, Detail, Loaded>
): void {
	type Model = LiveModel<Config, Loaded, Snapshot, Detail>;
	const runtime = new WorkerRuntime(endpoint);
	const post = (message: FromWorker<Snapshot, Detail>) => runtime.post(message);
	let config: Config;
	let loaded: Loaded;
	let session: TrainingSession<Snapshot, Detail, Model> | null = null;
	/** The model's weights as of its last report, kept on the CPU for a lost device. */
	let lastBackup: unknown = null;
	let recovering = false;
	/** The reader pressed Train and has not paused since: what to go back to after a recovery. */
	let trainingWanted = false;

	async function load(data: Data): Promise<Loaded> {
		if (!definition.load) return data as unknown as Loaded;
		post({ type: 'loading', fraction: 0 });
		const result = await definition.load(data, (fraction) => post({ type: 'loading', fraction }));
		post({ type: 'loading', fraction: 1 });
		return result;
	}

	function newSession(model: Model) {
		return new TrainingSession<Snapshot, Detail, Model>(
			model,
			{
				progress: (progress, snapshot) => {
					lastBackup = (session?.model ?? model).backup?.() ?? null;
					const tensors = tf.memory().numTensors;
					post({ type: 'progress', progress: { ...progress, tensors }, snapshot });
				},
				running: (running) => post({ type: 'running', running }),
				stopped: (reason) => {
					trainingWanted = false;
					post({ type: 'stopped', reason });
				},
				detail: (detail) => post({ type: 'detail', detail }),
				failed: (error) => void handleFailure(error)
			},
			{ reportEveryMs: model.reportEveryMs, reportShare: model.reportShare }
		);
	}

	/** Compiles every shader the model needs, so that Train starts at full speed. */
	async function warmUp(model: Model): Promise<void> {
		if (model.warmUp) return model.warmUp();
		const scratch = definition.create(config, loaded);
		try {
			scratch.trainStep();
			await scratch.evaluate();
			// With no data yet there is no example to explain; its shaders compile on the first Step.
			if (scratch.explainStep) await scratch.explainStep().catch(() => undefined);
		} finally {
			scratch.dispose();
		}
	}

	async function start(requested: BackendName | null): Promise<Model> {
		await runtime.startBackend(requested, (message) => void recover(message));
		const model = definition.create(config, loaded);
		if (lastBackup !== null) model.restoreBackup?.(lastBackup);
		await warmUp(model);
		return model;
	}

	async function handleFailure(error: unknown): Promise<void> {
		if (recovering) return;
		const lost = await runtime.lossBehind();
		if (lost) await recover(lost);
		else post({ type: 'error', message: errorText(error) });
	}

	async function recover(message: string): Promise<void> {
		if (!session || !runtime.claimLoss()) return;
		recovering = true;
		try {
			await session.pause();
			runtime.forgetLostDevice(message);
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
			loaded = await load(message.data);
			session = newSession(await start(message.backend));
			session.setSpeed(message.stepsPerSecond);
			await session.report();
			post({ type: 'ready' });
			return;
		}
		if (!session) return;
		const current = session;
		switch (message.type) {
			case 'configure':
				config = message.config;
				current.model.configure(config);
				return;
			case 'data': {
				loaded = await load(message.data);
				current.model.setData(loaded);
				if (message.reset) await current.reset();
				else if (!current.running) await current.report();
				return;
			}
			case 'speed':
				current.setSpeed(message.stepsPerSecond);
				return;
			case 'train':
				trainingWanted = true;
				void current.train();
				return;
			case 'pause':
				trainingWanted = false;
				await current.pause();
				return;
			case 'step':
				trainingWanted = false;
				await current.stepOnce();
				return;
			case 'reset':
				trainingWanted = false;
				await current.reset();
				return;
			case 'request': {
				const { model } = current;
				await runtime.answer(message, async () => {
					if (!model.handleRequest) throw new Error(`no request "${message.name}" here`);
					return model.handleRequest(message.name, message.payload);
				});
				const changed = model.weightChangingRequests?.includes(message.name);
				if (changed && !current.running) await current.report();
				return;
			}
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
