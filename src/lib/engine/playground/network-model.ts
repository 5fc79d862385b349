import * as tf from '../tf';
import type { LiveModel } from '../live-model';
import type { Rng } from '../random';
import type { Evaluation, Metrics } from '../session';
import { exportFiles, importFiles, loadFromBrowser, saveInBrowser } from '../models/model-files';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ModelFiles } from '../models/cnn-spec';
import { CpuEngine } from './cpu-engine';
import type { EngineData, EngineKind, NetworkEngine, NetworkShape, TrainingRule } from './engine';
import { featureMatrix, gridFeatureMatrix, targetMatrix } from './features';
import { dropThreshold, initialParameters, layoutFor, planEpochs, shuffleRng } from './layout';
import {
	activations,
	gridSize,
	type Activation,
	type Dataset,
	type EngineRates,
	type NetworkConfig,
	type NetworkSnapshot
} from './spec';
import { checkAgainstTfjs, type EngineCheck } from './engine-check';
import { epochsPerSecond } from './engine-speed';
import { scoreRows } from './scoring';
import { buildLayersModel, readLayersWeights, setLayersWeights } from './tfjs-network';
import { WebGpuEngine } from './webgpu-engine';

const cells = gridSize * gridSize;
const browserKey = 'tensor-trail-neural-network';
/** Epochs a running session may leave pending before they go to the GPU as one dispatch. */
const maxPendingEpochs = 64;

const shapeKey = (config: NetworkConfig) =>
	JSON.stringify([
		config.features,
		config.hidden,
		config.outputs,
		config.activation,
		config.problem
	]);

/**
 * The playground's network: one session "step" is one epoch (as in TensorFlow Playground). Steps
 * are queued and run as one engine call per burst; on WebGPU that is one compute dispatch for
 * all of their SGD steps.
 */
export class PlaygroundNetwork implements LiveModel<NetworkConfig, Dataset, NetworkSnapshot> {
	/** The heatmaps should move smoothly: reports may take a quarter of the time. */
	readonly reportShare = 0.25;
	readonly weightChangingRequests = ['importFiles', 'loadFromBrowser'] as const;
	#config: NetworkConfig;
	/** The data as given, and as trained on: empty while it does not fit the outputs (see #fitting). */
	#given!: Dataset;
	#data!: Dataset;
	#shape: NetworkShape;
	#engine: NetworkEngine;
	#train!: EngineData;
	/** Grid cells, then training points, then test points: the rows of every evaluation. */
	#evaluationRows!: Float32Array;
	#testTargets!: Float32Array;
	#rng: Rng;
	#epoch = 0;
	#sgdSteps = 0;
	#pending = 0;
	#evaluated: Float32Array | null = null;
	#engineKind: EngineKind;
	/** An engine asked for in the settings, taken over at the next sync or evaluation. */
	#switchTo: EngineKind | null = null;
	#rates: EngineRates | null = null;

	constructor(config: NetworkConfig, data: Dataset) {
		this.#config = { ...config };
		this.#shape = this.#shapeOf(config);
		this.#rng = shuffleRng(config.seed);
		this.#engineKind = this.#preferredEngine();
		this.#engine = this.#createEngine(initialParameters(this.#shape.layout, config.seed));
		this.setData(data);
	}

	get epoch(): number {
		return this.#epoch;
	}

	get engine(): NetworkEngine {
		return this.#engine;
	}

	configure(config: NetworkConfig): void {
		const reshaped = shapeKey(config) !== shapeKey(this.#config);
		const reseeded = config.seed !== this.#config.seed;
		this.#flush();
		this.#config = { ...config };
		if (reshaped) {
			this.#engine.dispose();
			this.#switchTo = null;
			this.#engineKind = this.#preferredEngine();
			this.#shape = this.#shapeOf(config);
			this.#engine = this.#createEngine(initialParameters(this.#shape.layout, config.seed));
			this.setData(this.#given);
			this.#restart();
			return;
		}
		const kind = this.#preferredEngine();
		this.#switchTo = kind === this.#engine.kind ? null : kind;
		if (reseeded) this.reinitialize();
	}

	setData(data: Dataset): void {
		this.#flush();
		this.#given = data;
		this.#data = this.#fitting(data);
		this.#train = this.#prepareData();
		this.#evaluationRows = this.#rows();
		this.#testTargets = targetMatrix(this.#data.test, data.problem, this.#config.outputs);
	}

	reinitialize(): void {
		this.#pending = 0;
		this.#engine.setParameters(initialParameters(this.#shape.layout, this.#config.seed));
		this.#restart();
	}

	/**
	 * Compiles the shaders before Train is pressed; with the engine left to 'auto' on WebGPU, it
	 * also races the two engines on this network and data and keeps the faster.
	 */
	async warmUp(): Promise<void> {
		if (this.#config.engine === 'auto' && tf.getBackend() === 'webgpu' && this.#train.count > 0) {
			const start = (await this.#engine.evaluate(new Float32Array(0), 0)).parameters;
			const time = (kind: EngineKind) =>
				epochsPerSecond(this.#createEngine(start, kind), this.#train, this.#rule(), {
					batchSize: this.#config.batchSize,
					seed: this.#config.seed + 2
				});
			this.#rates = {
				'webgpu-fused': await time('webgpu-fused'),
				'cpu-typed': await time('cpu-typed')
			};
			const winner =
				this.#rates['webgpu-fused'] >= this.#rates['cpu-typed'] ? 'webgpu-fused' : 'cpu-typed';
			if (winner !== this.#engine.kind) {
				this.#engine.dispose();
				this.#engineKind = winner;
				this.#engine = this.#createEngine(start);
				this.#engine.setTrainingData(this.#train);
			}
		}
		await this.#engine.evaluate(this.#evaluationRows, cells);
	}

	trainStep(): void {
		this.#pending++;
		if (this.#pending >= maxPendingEpochs) this.#flush();
	}

	async sync(): Promise<void> {
		await this.#switchEngine();
		this.#flush();
		await this.#engine.sync();
	}

	async evaluate(): Promise<Evaluation<NetworkSnapshot>> {
		await this.#switchEngine();
		this.#flush();
		const { train, test, problem } = this.#data;
		const rows = cells + train.length + test.length;
		const { units, parameters } = await this.#engine.evaluate(this.#evaluationRows, rows);
		this.#evaluated = parameters;
		const { sizes, unitCount, unitOffsets } = this.#shape.layout;
		const outputs = sizes[sizes.length - 1];
		const outputAt = unitOffsets[sizes.length - 1];
		const score = (from: number, count: number, targets: Float32Array) =>
			scoreRows(units, unitCount, outputAt, outputs, from, count, targets, problem);
		const trainScore = score(cells, train.length, this.#train.targets);
		const testScore = score(cells + train.length, test.length, this.#testTargets);
		const metrics: Metrics = { loss: trainScore.loss };
		if (problem === 'classification') metrics.accuracy = trainScore.accuracy;
		if (test.length > 0) {
			metrics.testLoss = testScore.loss;
			if (problem === 'classification') metrics.testAccuracy = testScore.accuracy;
		}
		return { metrics, snapshot: this.#snapshot(units, parameters, testScore.confusion) };
	}

	backup(): Float32Array | null {
		return this.#evaluated;
	}

	restoreBackup(backup: unknown): void {
		this.#engine.setParameters(backup as Float32Array);
	}

	async handleRequest(name: string, payload: unknown): Promise<unknown> {
		switch (name) {
			case 'exportFiles':
				return this.#withLayersModel((model) => exportFiles(model, 'neural-network.weights.bin'));
			case 'importFiles':
				return this.#adopt(await importFiles(payload as ModelFiles));
			case 'saveInBrowser':
				return this.#withLayersModel((model) => saveInBrowser(model, browserKey));
			case 'loadFromBrowser': {
				const { model, savedAt } = await loadFromBrowser(browserKey);
				return { ...(await this.#adopt(model)), savedAt };
			}
			case 'compareWithTfjs':
				return this.compareWithTfjs((payload as { steps?: number } | null)?.steps ?? 100);
			default:
				throw new Error(`unknown request ${name}`);
		}
	}

	/**
	 * Trains a copy of the current weights for `steps` SGD steps with this engine and with tfjs's
	 * own layers (see checkAgainstTfjs). The weights of the model itself are left as they were.
	 */
	async compareWithTfjs(steps: number): Promise<EngineCheck> {
		this.#flush();
		if (this.#train.count === 0) throw new Error('there are no training points to check on');
		const start = (await this.#engine.evaluate(new Float32Array(0), 0)).parameters;
		const { batchSize, seed } = this.#config;
		const plan = { batchSize, seed: seed + 1, steps };
		return checkAgainstTfjs(this.#createEngine(start), start, this.#train, this.#rule(), plan);
	}

	dispose(): void {
		this.#engine.dispose();
	}

	/**
	 * The page sends new settings and new data one after the other; between the two, data with
	 * another number of classes than the network's outputs is held back rather than trained on.
	 */
	#fitting(data: Dataset): Dataset {
		const { problem, outputs } = this.#config;
		const fits = data.problem === problem && (problem === 'regression' || data.classes === outputs);
		return fits ? data : { ...data, train: [], test: [] };
	}

	#shapeOf(config: NetworkConfig): NetworkShape {
		return { layout: layoutFor(config), activation: config.activation, problem: config.problem };
	}

	/** Moves the weights, as trained so far, to the engine the settings ask for. */
	async #switchEngine(): Promise<void> {
		const kind = this.#switchTo;
		if (!kind) return;
		const { parameters } = await this.#engine.evaluate(new Float32Array(0), 0);
		this.#engine.dispose();
		this.#engineKind = kind;
		this.#engine = this.#createEngine(parameters);
		this.#engine.setTrainingData(this.#train);
		this.#switchTo = null;
	}

	/** The engine to start with: the fused one on WebGPU unless the CPU one was asked for or won. */
	#preferredEngine(): EngineKind {
		if (tf.getBackend() !== 'webgpu') return 'cpu-typed';
		const choice = this.#config.engine;
		if (choice !== 'auto') return choice;
		if (!this.#rates) return 'webgpu-fused';
		return this.#rates['webgpu-fused'] >= this.#rates['cpu-typed'] ? 'webgpu-fused' : 'cpu-typed';
	}

	#createEngine(parameters: Float32Array, kind = this.#engineKind): NetworkEngine {
		return kind === 'webgpu-fused'
			? new WebGpuEngine(this.#shape, parameters)
			: new CpuEngine(this.#shape, parameters);
	}

	#prepareData(): EngineData {
		const { train, problem } = this.#data;
		const data: EngineData = {
			features: featureMatrix(train, this.#config.features),
			targets: targetMatrix(train, problem, this.#config.outputs),
			count: train.length
		};
		this.#engine.setTrainingData(data);
		return data;
	}

	#rows(): Float32Array {
		const { features } = this.#config;
		const grid = gridFeatureMatrix(features);
		const points = featureMatrix([...this.#data.train, ...this.#data.test], features);
		const rows = new Float32Array(grid.length + points.length);
		rows.set(grid);
		rows.set(points, grid.length);
		return rows;
	}

	#rule(): TrainingRule {
		const { regularization, regularizationRate, learningRate, dropout, seed } = this.#config;
		return {
			learningRate,
			l1: regularization === 'l1' ? regularizationRate : 0,
			l2: regularization === 'l2' ? regularizationRate : 0,
			dropThreshold: dropThreshold(dropout),
			seed
		};
	}

	#restart(): void {
		this.#rng = shuffleRng(this.#config.seed);
		this.#epoch = 0;
		this.#sgdSteps = 0;
		this.#pending = 0;
	}

	/** Runs the epochs queued by trainStep(). */
	#flush(): void {
		// Queued epochs wait for the engine that was asked for.
		if (this.#switchTo) return;
		const epochs = this.#pending;
		this.#pending = 0;
		if (epochs === 0 || this.#train.count === 0) return;
		const plan = planEpochs(this.#train.count, this.#config.batchSize, epochs, this.#rng);
		this.#engine.train(plan, this.#sgdSteps, this.#rule());
		this.#sgdSteps += plan.ends.length;
		this.#epoch += epochs;
	}

	#snapshot(
		units: Float32Array,
		parameters: Float32Array,
		confusion: number[] | null
	): NetworkSnapshot {
		const { sizes, unitCount, unitOffsets, weightOffsets, biasOffsets } = this.#shape.layout;
		const grids = sizes.map((size, l) => {
			const grid = new Float32Array(size * cells);
			for (let cell = 0; cell < cells; cell++) {
				for (let n = 0; n < size; n++)
					grid[n * cells + cell] = units[cell * unitCount + unitOffsets[l] + n];
			}
			return grid;
		});
		return {
			sizes,
			weights: weightOffsets.map((at, l) => parameters.slice(at, at + sizes[l] * sizes[l + 1])),
			biases: biasOffsets.map((at, l) => parameters.slice(at, at + sizes[l + 1])),
			grids,
			confusion,
			engine: this.#engine.kind,
			engineRates: this.#rates
		};
	}

	/** The trained network as a tfjs Layers model, for `use` (saving it), then disposed. */
	async #withLayersModel<T>(use: (model: tfl.LayersModel) => Promise<T>): Promise<T> {
		const parameters =
			this.#evaluated ?? (await this.#engine.evaluate(new Float32Array(0), 0)).parameters;
		const model = buildLayersModel(this.#shape.layout.sizes, this.#config.activation);
		setLayersWeights(model, this.#shape.layout, parameters);
		model.setUserDefinedMetadata({
			features: this.#config.features,
			problem: this.#config.problem
		});
		try {
			return await use(model);
		} finally {
			model.dispose();
		}
	}

	/**
	 * Takes over a network saved by this lesson (then disposes it). Its inputs and outputs must fit
	 * the current features and data; its hidden layers and activation are adopted, and the page
	 * updates its settings to match.
	 */
	async #adopt(model: tfl.LayersModel): Promise<{ hidden: number[]; activation: Activation }> {
		try {
			const { sizes, parameters } = await readLayersWeights(model);
			const outputs = sizes[sizes.length - 1];
			if (sizes[0] !== this.#config.features.length || outputs !== this.#config.outputs) {
				throw new Error(
					`the network takes ${sizes[0]} inputs and gives ${outputs} outputs; this data and these features need ${this.#config.features.length} and ${this.#config.outputs}`
				);
			}
			const activation = String(model.layers[0].getConfig().activation ?? 'linear') as Activation;
			if (!activations.includes(activation)) {
				throw new Error(
					`the network uses the activation ${activation}, which this lesson does not have`
				);
			}
			const hidden = sizes.slice(1, -1);
			this.configure({ ...this.#config, hidden, activation });
			this.#engine.setParameters(parameters);
			return { hidden, activation };
		} finally {
			model.dispose();
		}
	}
}
