/**
 * The neural-networks playground: small fully connected networks on 2-D points, in the spirit of
 * TensorFlow Playground. Plain data shared by the engine, its worker and the page.
 */

/** Classification sets have a class index per point; regression sets a target value in [-1, 1]. */
export const classificationSets = ['circle', 'xor', 'gauss', 'spiral', 'blobs'] as const;
export const regressionSets = ['plane', 'multi-gauss'] as const;
export type ClassificationSet = (typeof classificationSets)[number];
export type RegressionSet = (typeof regressionSets)[number];
export type DatasetKind = ClassificationSet | RegressionSet;
export type Problem = 'classification' | 'regression';

/** A point of the plane, coordinates in [-6, 6] as in TensorFlow Playground. */
export interface DataPoint {
	x1: number;
	x2: number;
	/** Class index (0, 1, 2, ...) for classification; the target value for regression. */
	label: number;
}

export interface Dataset {
	problem: Problem;
	/** Number of classes (≥ 2) for classification; 1 for regression. */
	classes: number;
	train: DataPoint[];
	test: DataPoint[];
}

/** Half-width of the plane the points live in. */
export const planeExtent = 6;

export const featureNames = [
	'x1',
	'x2',
	'x1Squared',
	'x2Squared',
	'x1TimesX2',
	'sinX1',
	'sinX2'
] as const;
export type FeatureName = (typeof featureNames)[number];

export const activations = ['relu', 'tanh', 'sigmoid', 'linear'] as const;
export type Activation = (typeof activations)[number];

export const regularizations = ['none', 'l1', 'l2'] as const;
export type Regularization = (typeof regularizations)[number];

/**
 * Which engine trains: 'auto' races the fused WebGPU program against the CPU engine when the
 * model starts on WebGPU and keeps the faster; without WebGPU the CPU engine always runs.
 */
export const engineChoices = ['auto', 'webgpu-fused', 'cpu-typed'] as const;
export type EngineChoice = (typeof engineChoices)[number];

export const maxHiddenLayers = 8;
export const maxNeurons = 16;

/** Everything that shapes the network and how it trains. */
export interface NetworkConfig {
	problem: Problem;
	/** Output units: the number of classes (softmax + cross-entropy), or 1 (linear + squared error). */
	outputs: number;
	/** The input features, in `featureNames` order. */
	features: FeatureName[];
	/** Neurons per hidden layer, 0 to 8 layers of 1 to 16. */
	hidden: number[];
	activation: Activation;
	learningRate: number;
	batchSize: number;
	regularization: Regularization;
	regularizationRate: number;
	/** Share of hidden neurons dropped at each training step (0 = no dropout). */
	dropout: number;
	seed: number;
	engine: EngineChoice;
}

/** The network's own settings: NetworkConfig less what follows from the data. */
export type NetworkSettings = Omit<NetworkConfig, 'problem' | 'outputs'>;

/** TensorFlow Playground's default network, which the lesson opens with. */
export const defaultNetwork: NetworkSettings = {
	features: ['x1', 'x2'],
	hidden: [4, 2],
	activation: 'tanh',
	learningRate: 0.03,
	batchSize: 10,
	regularization: 'none',
	regularizationRate: 0,
	dropout: 0,
	seed: 1,
	engine: 'auto'
};

/** A network's config for a data set: a softmax output per class, or one linear output. */
export function networkConfigFor(
	data: Pick<Dataset, 'problem' | 'classes'>,
	network: NetworkSettings
): NetworkConfig {
	return {
		problem: data.problem,
		outputs: data.problem === 'classification' ? data.classes : 1,
		...network,
		features: [...network.features],
		hidden: [...network.hidden]
	};
}

/** Grid resolution of the heatmaps (cells per side). */
export const gridSize = 40;

/** Units per layer: the features, each hidden layer, the outputs. */
export function layerSizes(
	config: Pick<NetworkConfig, 'features' | 'hidden' | 'outputs'>
): number[] {
	return [config.features.length, ...config.hidden, config.outputs];
}

/**
 * What the page draws after a report: the weights, and every neuron's output over the plane
 * (one batched evaluation of a `gridSize` × `gridSize` grid covering [-planeExtent, planeExtent]²).
 */
export interface NetworkSnapshot {
	/** `layerSizes` of the network these numbers belong to. */
	sizes: number[];
	/**
	 * weights[l]: from layer l to layer l + 1, `sizes[l] × sizes[l + 1]` row-major, so the weight
	 * from unit i to unit j is at i * sizes[l + 1] + j (tfjs's dense kernel layout).
	 */
	weights: Float32Array[];
	/** biases[l]: the `sizes[l + 1]` biases of layer l + 1. */
	biases: Float32Array[];
	/**
	 * grids[l]: every unit of layer l over the grid, `sizes[l] × gridSize²` values, unit n's cells at
	 * n * gridSize² (row r, column c at r * gridSize + c; row 0 is the top, x2 = +planeExtent).
	 * Layer 0 is the features, the last the outputs: class probabilities after softmax, or the
	 * regression value.
	 */
	grids: Float32Array[];
	/** Test-set confusion counts, actual * classes + predicted (classification only). */
	confusion: number[] | null;
	/** Which engine trains: the fused WebGPU program, or typed arrays on the CPU. */
	engine: 'webgpu-fused' | 'cpu-typed';
	/** Epochs per second of each engine in the race at start-up, when there was one. */
	engineRates: EngineRates | null;
}

export type EngineRates = Record<NetworkSnapshot['engine'], number>;
