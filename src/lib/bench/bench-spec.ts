/** What the benchmark page asks its worker, and what comes back. Plain data, no tfjs. */

export const benchCases = [
	'perceptron',
	'optimizers',
	'initialization',
	'convolution',
	'cnn',
	'augmentation',
	'char-lstm',
	'rnn-race'
] as const;
export type BenchCase = (typeof benchCases)[number];

export interface BenchOptions {
	backend: string | null;
	/** Steps in each timed block. */
	steps: number;
	/** Lesson/reference block pairs. */
	rounds: number;
	batchSize: number;
	/** CNN only: test digits scored per report. */
	evalSize?: number;
	/** URLs of the MNIST subset, for the CNN. */
	digits?: { train: string; test: string };
	/** URL of the convolution lab's photo. */
	photo?: string;
	/** URL of the bundled Moby-Dick, for the character LSTM. */
	corpus?: string;
	/** Character LSTM and RNN race: units per recurrent layer and characters/symbols per sequence. */
	units?: number;
	sequenceLength?: number;
}

export interface BenchResult {
	name: BenchCase;
	/** 'compute': a step is one request answered with its numbers read back; no training. */
	kind: 'training' | 'compute';
	backend: string;
	adapter: string;
	/** Steps per second of the lesson's own loop (reports included) and of a bare tfjs loop. */
	lessonStepsPerSecond: number[];
	referenceStepsPerSecond: number[];
	/** lesson ÷ reference for each round, and reference ÷ reference for the noise floor. */
	ratios: number[];
	calibration: number[];
	/** From train() to the first report with a finite loss, after warm-up (compute: the first answer, cold). */
	firstLossMs: number;
	/** From train() until the GPU has finished the first step, after warm-up. */
	firstStepMs: number;
	kernelsPerStep: { lesson: number; reference: number };
	readsPerStep: number;
	/** The lesson's reports (each a read-back that feeds the charts) per timed block. */
	reportsPerBlock: number[];
	/** Tensor counts at consecutive epoch boundaries after warm-up. */
	tensorsAtEpochs: number[];
	/** The most GPU bytes held (buffer pool included) at any report or block end; null off the GPU. */
	peakGpuBytes: number | null;
}

/** What the soak runs: every bench case, the playground's network, and COCO-SSD's frame loop. */
export const soakNames = [...benchCases, 'playground', 'coco-ssd'] as const;
export type SoakName = (typeof soakNames)[number];

export interface SoakSample {
	/** Since the soak's clock started (after warm-up). */
	seconds: number;
	/** Steps (or frames) done so far. */
	steps: number;
	tensors: number;
	gpuBytes: number | null;
}

export interface SoakResult {
	name: SoakName;
	backend: string;
	adapter: string;
	minutes: number;
	samples: SoakSample[];
	/** Why it ended early, if it did (a loss that stopped the lesson's loop, an error). */
	stopped?: string;
}

export type BenchToWorker =
	| { type: 'run'; name: BenchCase; options: BenchOptions }
	| { type: 'soak'; name: Exclude<SoakName, 'coco-ssd'>; options: BenchOptions; minutes: number };
export type BenchFromWorker =
	| { type: 'progress'; step: number; loss: number; testLoss?: number }
	| { type: 'result'; result: BenchResult }
	| { type: 'soak-result'; result: SoakResult }
	| { type: 'error'; message: string };

/** Object detection: our frame pipeline against @tensorflow-models/coco-ssd's detect(). */
export interface DetectionBenchOptions {
	backend: string | null;
	modelUrl: string;
	photoUrl: string;
	/** Frames per timed block, and block pairs (ours, then detect()). */
	frames: number;
	rounds: number;
	/** False: time our pipeline alone (after detect() failed on this backend). */
	withPackage: boolean;
	/** Set: no timing, run our pipeline frame after frame this long and sample memory (the soak). */
	soakMinutes?: number;
}

export interface PipelineMeasure {
	/** Per-frame latencies, ms, every timed frame. */
	latencies: number[];
	/** Read-back calls per frame, and how many of them were synchronous (dataSync/arraySync). */
	readsPerFrame: number;
	syncReadsPerFrame: number;
	/** Labels of what it found in the photo (score ≥ 0.5). */
	found: string[];
	/** Why it could not run on this backend, if it could not. */
	error?: string;
}

export interface DetectionBenchResult {
	backend: string;
	adapter: string;
	loadMs: { ours: number; package: number };
	/** Read-back calls the graph executor itself makes per frame (shape and loop values), in both. */
	graphReads: { reads: number; syncReads: number };
	ours: PipelineMeasure;
	package: PipelineMeasure;
	/** ours ÷ detect() median latency for each round (below 1: ours is faster). */
	ratios: number[];
	/** Live tensors before and after all of our timed frames. */
	tensors: { before: number; after: number };
	/** The most GPU bytes held over our warm-up frames, our model alone loaded; null off the GPU. */
	peakGpuBytes: number | null;
}

export type DetectionBenchFromWorker =
	| { type: 'result'; result: DetectionBenchResult }
	| { type: 'soak-result'; result: SoakResult }
	| { type: 'error'; message: string };

/** The neural-networks playground: epochs per second of our engine, a TF-Playground-style one and tfjs. */
export const playgroundNetworks = ['default', 'spiral-deep', 'relu-batch1'] as const;
export type PlaygroundNetworkName = (typeof playgroundNetworks)[number];

export interface PlaygroundBenchOptions {
	backend: string | null;
	/** Rounds of alternating blocks (ours, its lesson loop, playground-style ×2, tfjs). */
	rounds: number;
	/** About how long a block of our engine or of the playground-style engine runs, ms. */
	blockMs: number;
	/** How long the lesson's loop (a TrainingSession with its reports) runs per round, ms. */
	sessionMs: number;
	/** A tfjs block stops after this long (or `tfjsMaxEpochs`), whichever comes first, ms. */
	tfjsBlockMs: number;
	tfjsMaxEpochs: number;
	/** Default: all of `playgroundNetworks`. */
	networks?: PlaygroundNetworkName[];
}

/** Epochs trained and the time they took, for one timed block. */
export interface EpochBlock {
	epochs: number;
	ms: number;
}

export interface PlaygroundBenchRow {
	network: PlaygroundNetworkName;
	/** What the network is, in words. */
	description: string;
	backend: string;
	adapter: string;
	/** Which of our engines ran: the fused WebGPU program, or typed arrays on the CPU. */
	engine: 'webgpu-fused' | 'cpu-typed';
	/** Our engine: PlaygroundNetwork trainStep × N, then await sync(). */
	ours: EpochBlock[];
	/** The lesson's loop: a TrainingSession at full speed, with its reports, for a fixed wall time. */
	session: EpochBlock[];
	/** Reports (evaluate(): loss, accuracy, every heatmap) per session block. */
	reportsPerSession: number[];
	/** The TF-Playground-style engine, without and with the train and test loss after every epoch. */
	style: EpochBlock[];
	styleWithLoss: EpochBlock[];
	/** The bare tfjs loop (LayersTrainer: optimizer.minimize per batch), time-boxed. */
	tfjs: EpochBlock[];
	/** WebGPU compute dispatches per epoch (null off WebGPU, where our engine dispatches none). */
	dispatchesPerEpoch: {
		ours: number;
		/** In the lesson's loop: its training dispatches, and its evaluations, per epoch. */
		sessionTraining: number;
		sessionEvaluation: number;
		tfjs: number;
	} | null;
	/** Our network's tensors at consecutive epoch boundaries (each epoch then a report), after warm-up. */
	tensorsAtEpochs: number[];
	/** Live tensors before and after all tfjs blocks, and the tfjs epochs between them. */
	tfjsTensors: { before: number; after: number; epochs: number };
	/** Warm-up (shader compilation on the GPU backends): our first burst and report, tfjs's first steps. */
	warmUpMs: { ours: number; tfjs: number };
	/** Where each engine got to, as a sanity check that they all learn (test accuracy). */
	testAccuracy: { ours: number; style: number };
	/** Times the lesson's loop stopped by itself (a non-finite or diverging loss). */
	sessionStops: number;
	/** GPU bytes held after our warm-up and first session, before tfjs's model exists; null off the GPU. */
	gpuBytes: number | null;
}

export interface PlaygroundBenchResult {
	backend: string;
	adapter: string;
	rows: PlaygroundBenchRow[];
}

export type PlaygroundBenchFromWorker =
	| {
			type: 'progress';
			network: PlaygroundNetworkName;
			step: number;
			loss: number;
			testLoss?: number;
	  }
	| { type: 'result'; result: PlaygroundBenchResult }
	| { type: 'error'; message: string };
