import { parseBackendName, selectBackend } from '$lib/engine/backend';
import { TrainingSession } from '$lib/engine/session';
import * as tf from '$lib/engine/tf';
import { generateDataset } from '$lib/engine/playground/datasets';
import { featureMatrix, targetMatrix } from '$lib/engine/playground/features';
import {
	initialParameters,
	layoutFor,
	planEpochs,
	shuffleRng,
	type EpochPlan
} from '$lib/engine/playground/layout';
import { PlaygroundNetwork } from '$lib/engine/playground/network-model';
import { programKindOf } from '$lib/engine/playground/program-keys';
import {
	featureNames,
	type Dataset,
	type NetworkConfig,
	type NetworkSnapshot
} from '$lib/engine/playground/spec';
import { LayersTrainer } from '$lib/engine/playground/tfjs-network';
import {
	playgroundNetworks,
	type EpochBlock,
	type PlaygroundBenchFromWorker,
	type PlaygroundBenchOptions,
	type PlaygroundBenchResult,
	type PlaygroundBenchRow,
	type PlaygroundNetworkName
} from './bench-spec';
import { adapterName, gpuBytes } from './measure';
import { PlaygroundStyleTrainer } from './playground-style';

/**
 * Epochs per second of the playground's engine (the fused WebGPU program, or typed arrays on the
 * CPU elsewhere) against a plain-JavaScript engine in TensorFlow Playground's style and a bare
 * tfjs loop, on the same networks, data and backend, in alternating blocks.
 */

const post = (message: PlaygroundBenchFromWorker) => self.postMessage(message);
const now = () => performance.now();

interface NetworkCase {
	description: string;
	data: Dataset;
	config: NetworkConfig;
}

const base = {
	problem: 'classification',
	outputs: 2,
	learningRate: 0.03,
	regularization: 'none',
	regularizationRate: 0,
	dropout: 0,
	seed: 1,
	// The fused program on WebGPU even where the CPU engine would win the lesson's start-up race:
	// these rows measure it. On WebGL and the CPU backend the CPU engine runs.
	engine: 'webgpu-fused'
} as const;
/** 250 training and 250 test points, as TensorFlow Playground's defaults. */
const points = (kind: 'circle' | 'spiral') =>
	generateDataset(kind, { seed: 1, noise: 0, trainRatio: 0.5 });

const networkCases: Record<PlaygroundNetworkName, () => NetworkCase> = {
	default: () => ({
		description: 'circle, x1 x2, [4, 2] tanh, batch 10 (TF Playground default)',
		data: points('circle'),
		config: { ...base, features: ['x1', 'x2'], hidden: [4, 2], activation: 'tanh', batchSize: 10 }
	}),
	'spiral-deep': () => ({
		description: 'spiral, all 7 features, 6 × 8 tanh, batch 10',
		data: points('spiral'),
		config: {
			...base,
			features: [...featureNames],
			hidden: [8, 8, 8, 8, 8, 8],
			activation: 'tanh',
			batchSize: 10
		}
	}),
	'relu-batch1': () => ({
		description: 'circle, x1 x2, [4, 2] ReLU, batch 1',
		data: points('circle'),
		config: {
			...base,
			features: ['x1', 'x2'],
			hidden: [4, 2],
			activation: 'relu',
			batchSize: 1
		}
	})
};

/** WebGPU compute dispatches, counted where tfjs's backend runs a program (ours and its kernels). */
const dispatches = { train: 0, evaluate: 0, tfjs: 0 };

function countDispatches(): boolean {
	if (tf.getBackend() !== 'webgpu') return false;
	const backend = tf.backend() as unknown as {
		runWebGPUProgram: (program: { shaderKey: string }, ...rest: unknown[]) => unknown;
	};
	const run = backend.runWebGPUProgram.bind(backend);
	backend.runWebGPUProgram = (program, ...rest) => {
		dispatches[programKindOf(program.shaderKey)]++;
		return run(program, ...rest);
	};
	return true;
}

/**
 * Runs `block` on more and more epochs until it takes 100 ms, and returns how many epochs make
 * a block of about `targetMs`.
 */
async function epochsFor(
	block: (epochs: number) => Promise<EpochBlock> | EpochBlock,
	targetMs: number
): Promise<number> {
	for (let epochs = 2; ; epochs *= 2) {
		const { ms } = await block(epochs);
		if (ms >= 100 || epochs >= 1 << 20) return Math.max(1, Math.round((epochs * targetMs) / ms));
	}
}

/** Our engine as the lesson holds it: trainStep() per epoch, queued, then one sync. */
async function oursBlock(model: PlaygroundNetwork, epochs: number): Promise<EpochBlock> {
	const started = now();
	for (let i = 0; i < epochs; i++) model.trainStep();
	await model.sync();
	return { epochs, ms: now() - started };
}

function styleBlock(
	trainer: PlaygroundStyleTrainer,
	epochs: number,
	withLoss: boolean
): EpochBlock {
	const started = now();
	for (let i = 0; i < epochs; i++) trainer.trainEpoch(withLoss);
	return { epochs, ms: now() - started };
}

/**
 * The lesson's loop: a TrainingSession at full speed with the model's own report settings, its
 * reports (evaluate(): losses, accuracy, every heatmap) posted to the page's chart.
 */
class LessonLoop {
	readonly #session: TrainingSession<NetworkSnapshot>;
	reports = 0;
	stops = 0;
	lastTestAccuracy = NaN;
	#failure: unknown = null;

	constructor(model: PlaygroundNetwork, network: PlaygroundNetworkName) {
		this.#session = new TrainingSession<NetworkSnapshot>(
			model,
			{
				progress: (p) => {
					this.reports++;
					this.lastTestAccuracy = p.testAccuracy ?? NaN;
					post({ type: 'progress', network, step: p.step, loss: p.loss, testLoss: p.testLoss });
				},
				running: () => undefined,
				stopped: () => this.stops++,
				detail: () => undefined,
				failed: (error) => (this.#failure = error)
			},
			{
				// The lesson's worker passes the model's own settings (PlaygroundNetwork sets reportShare).
				reportEveryMs: (model as { reportEveryMs?: number }).reportEveryMs,
				reportShare: model.reportShare,
				reportOnPause: false
			}
		);
		this.#session.setSpeed(Infinity);
	}

	/** The report the lesson shows before Train: the untrained loss, which divergence is judged by. */
	async report(): Promise<void> {
		await this.#session.report();
	}

	/** Trains for `ms` of wall time; the epochs count those the GPU has finished when it stops. */
	async run(ms: number): Promise<EpochBlock & { reports: number }> {
		const steps = this.#session.step;
		const reports = this.reports;
		const stops = this.stops;
		const started = now();
		const timer = setTimeout(() => void this.#session.pause(), ms);
		await this.#session.train();
		clearTimeout(timer);
		const block = { epochs: this.#session.step - steps, ms: now() - started };
		if (this.#failure) throw this.#failure;
		// A loss that diverged stops the loop by itself: start the next block from fresh weights.
		if (this.stops > stops) await this.#session.reset();
		return { ...block, reports: this.reports - reports };
	}
}

/**
 * The bare tfjs loop on the same kind of batches (a fresh shuffle each epoch), time-boxed: steps
 * go in slices of about `sliceMs`, each ended by a small read, until the block's time is up.
 */
class TfjsLoop {
	readonly trainer: LayersTrainer;
	readonly stepsPerEpoch: number;
	readonly #count: number;
	readonly #batchSize: number;
	readonly #rng: ReturnType<typeof shuffleRng>;
	#plan: EpochPlan;
	#step = 0;
	slice = 1;

	constructor(network: NetworkCase) {
		const { config, data } = network;
		const layout = layoutFor(config);
		const shape = { layout, activation: config.activation, problem: config.problem };
		const rule = { learningRate: config.learningRate, l1: 0, l2: 0, dropThreshold: 0, seed: 1 };
		this.#count = data.train.length;
		this.#batchSize = config.batchSize;
		this.trainer = new LayersTrainer(
			shape,
			initialParameters(layout, config.seed),
			rule,
			featureMatrix(data.train, config.features),
			targetMatrix(data.train, 'classification', config.outputs),
			this.#count
		);
		this.stepsPerEpoch = Math.ceil(this.#count / this.#batchSize);
		this.#rng = shuffleRng(config.seed);
		this.#plan = planEpochs(this.#count, this.#batchSize, 1, this.#rng);
	}

	/** Enqueues `steps` SGD steps, crossing into freshly shuffled epochs as needed. */
	steps(steps: number): void {
		while (steps > 0) {
			if (this.#step === this.stepsPerEpoch) {
				this.#plan = planEpochs(this.#count, this.#batchSize, 1, this.#rng);
				this.#step = 0;
			}
			const from = this.#step;
			const to = Math.min(this.stepsPerEpoch, from + steps);
			const begin = from === 0 ? 0 : this.#plan.ends[from - 1];
			const ends = this.#plan.ends.slice(from, to).map((end) => end - begin);
			this.trainer.train({ order: this.#plan.order.subarray(begin, ends.at(-1)! + begin), ends });
			steps -= to - from;
			this.#step = to;
		}
	}

	/** Waits for the GPU: reads the output layer's bias (every step's last update writes it). */
	async sync(): Promise<void> {
		const weights = this.trainer.model.trainableWeights;
		await weights[weights.length - 1].read().data();
	}

	async block(maxEpochs: number, budgetMs: number): Promise<EpochBlock> {
		const maxSteps = Math.max(1, Math.round(maxEpochs * this.stepsPerEpoch));
		const started = now();
		let done = 0;
		while (done < maxSteps && (done === 0 || now() - started < budgetMs)) {
			const steps = Math.min(this.slice, maxSteps - done);
			this.steps(steps);
			await this.sync();
			done += steps;
		}
		return { epochs: done / this.stepsPerEpoch, ms: now() - started };
	}

	/** Compiles the shaders, then sizes the slices to about `sliceMs` each. */
	async warmUp(sliceMs: number): Promise<number> {
		const started = now();
		this.steps(2);
		await this.sync();
		const warmUpMs = now() - started;
		const probe = Math.min(this.stepsPerEpoch, 4);
		const timed = now();
		this.steps(probe);
		await this.sync();
		const stepMs = (now() - timed) / probe;
		this.slice = Math.max(1, Math.min(20 * this.stepsPerEpoch, Math.round(sliceMs / stepMs)));
		return warmUpMs;
	}
}

async function measure(
	name: PlaygroundNetworkName,
	options: PlaygroundBenchOptions,
	backend: { name: string; adapter: string },
	counting: boolean
): Promise<PlaygroundBenchRow> {
	const network = networkCases[name]();
	const { config, data } = network;
	// Warm-up, untimed. Ours as the lesson's worker does it: a burst and a report on a throwaway
	// copy (on WebGPU that compiles both programs); tfjs's first steps compile its kernels.
	const started = now();
	const scratch = new PlaygroundNetwork(config, data);
	scratch.trainStep();
	await scratch.sync();
	await scratch.evaluate();
	scratch.dispose();
	const oursWarmUpMs = now() - started;
	const model = new PlaygroundNetwork(config, data);
	const loop = new LessonLoop(model, name);
	await loop.report();
	await loop.run(Math.min(1000, options.sessionMs));
	// What our engine holds on the GPU, before the tfjs reference puts anything there.
	const oursGpuBytes = gpuBytes();
	const tfjs = new TfjsLoop(network);
	const tfjsWarmUpMs = await tfjs.warmUp(300);
	const style = new PlaygroundStyleTrainer(config, data);
	// Each engine's block is sized to about blockMs.
	const oursEpochs = await epochsFor((epochs) => oursBlock(model, epochs), options.blockMs);
	const styleEpochs = await epochsFor((e) => styleBlock(style, e, false), options.blockMs);
	const styleLossEpochs = await epochsFor((e) => styleBlock(style, e, true), options.blockMs);

	const row: PlaygroundBenchRow = {
		network: name,
		description: network.description,
		backend: backend.name,
		adapter: backend.adapter,
		engine: model.engine.kind,
		ours: [],
		session: [],
		reportsPerSession: [],
		style: [],
		styleWithLoss: [],
		tfjs: [],
		dispatchesPerEpoch: null,
		tensorsAtEpochs: [],
		tfjsTensors: { before: 0, after: 0, epochs: 0 },
		warmUpMs: { ours: oursWarmUpMs, tfjs: tfjsWarmUpMs },
		testAccuracy: { ours: NaN, style: NaN },
		sessionStops: 0,
		gpuBytes: oursGpuBytes
	};
	const counted = { ours: 0, oursEpochs: 0, train: 0, evaluate: 0, sessionEpochs: 0, tfjs: 0 };
	const tensorsBefore = tf.memory().numTensors;
	for (let round = 0; round < options.rounds; round++) {
		let before = { ...dispatches };
		row.ours.push(await oursBlock(model, oursEpochs));
		counted.ours += dispatches.train + dispatches.evaluate - before.train - before.evaluate;
		counted.oursEpochs += oursEpochs;

		before = { ...dispatches };
		const session = await loop.run(options.sessionMs);
		row.session.push({ epochs: session.epochs, ms: session.ms });
		row.reportsPerSession.push(session.reports);
		counted.train += dispatches.train - before.train;
		counted.evaluate += dispatches.evaluate - before.evaluate;
		counted.sessionEpochs += session.epochs;

		row.style.push(styleBlock(style, styleEpochs, false));
		row.styleWithLoss.push(styleBlock(style, styleLossEpochs, true));

		before = { ...dispatches };
		const block = await tfjs.block(options.tfjsMaxEpochs, options.tfjsBlockMs);
		row.tfjs.push(block);
		counted.tfjs += dispatches.tfjs - before.tfjs;
		row.tfjsTensors.epochs += block.epochs;
	}
	// Only tfjs makes tensors in these blocks (our engine's stay constant in number).
	row.tfjsTensors.before = tensorsBefore;
	row.tfjsTensors.after = tf.memory().numTensors;
	if (counting) {
		row.dispatchesPerEpoch = {
			ours: counted.ours / counted.oursEpochs,
			sessionTraining: counted.train / counted.sessionEpochs,
			sessionEvaluation: counted.evaluate / counted.sessionEpochs,
			tfjs: counted.tfjs / row.tfjsTensors.epochs
		};
	}
	row.sessionStops = loop.stops;
	// Epoch by epoch, each then a report: the tensor count must stay flat.
	for (let e = 0; e < 5; e++) {
		model.trainStep();
		await model.sync();
		const { metrics } = await model.evaluate();
		row.tensorsAtEpochs.push(tf.memory().numTensors);
		row.testAccuracy.ours = metrics.testAccuracy ?? NaN;
	}
	row.testAccuracy.style = style.accuracy('test');
	model.dispose();
	tfjs.trainer.dispose();
	return row;
}

async function run(options: PlaygroundBenchOptions): Promise<PlaygroundBenchResult> {
	const info = await selectBackend({ requested: parseBackendName(options.backend) });
	const backend = {
		name: info.name,
		adapter: adapterName(info)
	};
	const counting = countDispatches();
	const rows: PlaygroundBenchRow[] = [];
	for (const name of options.networks ?? playgroundNetworks) {
		rows.push(await measure(name, options, backend, counting));
	}
	return { backend: backend.name, adapter: backend.adapter, rows };
}

self.onmessage = async (event: MessageEvent<PlaygroundBenchOptions>) => {
	try {
		post({ type: 'result', result: await run(event.data) });
	} catch (error) {
		post({
			type: 'error',
			message: error instanceof Error ? (error.stack ?? error.message) : String(error)
		});
	}
};
