import { generateDataset } from '$lib/engine/playground/datasets';
import {
	activations,
	constantRange,
	defaultConfig,
	defaultConstant,
	defaultStd,
	depthRange,
	initializerKinds,
	optimizers,
	stdRange,
	type Activation,
	type Dataset,
	type InitializationConfig,
	type InitializerChoice,
	type InitializerKind,
	type OptimizerKind
} from '$lib/engine/initialization/spec';
import { speedLevels } from '$lib/engine/session';
import {
	choiceParam,
	integerParam,
	learningRateParam,
	numberParam
} from '$lib/training/query-params';

/** The playground sets this lesson offers: small, 2-D, two classes. */
export const datasetChoices = ['circle', 'xor', 'gauss', 'spiral'] as const;
export type DatasetChoice = (typeof datasetChoices)[number];

export const widths = [8, 16, 32, 64] as const;
export const learningRates = [0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];
export const batchSizes = [8, 16, 32, 64, 128];
export const stdChoices = [0.01, 0.05, 0.1, 0.3, 0.5, 1, 2];
export const constantChoices = [-0.5, -0.1, 0, 0.1, 0.5, 1];
/** Steps each initialiser trains for in the comparison. */
export const compareStepChoices = [20, 50, 100, 200, 500];
/** The initialisers the comparison races: the two broken ones and the two sound ones. */
export const compareChoices: InitializerChoice[] = [
	{ kind: 'zeros' },
	{ kind: 'normal', std: 1 },
	{ kind: 'glorotUniform' },
	{ kind: 'heNormal' }
];

/** Everything that defines a demo; it all lives in the URL. */
export interface InitializationSettings {
	depth: number;
	width: number;
	activation: Activation;
	init: InitializerKind;
	/** Every weight's value for 'constant'. */
	constant: number;
	/** Standard deviation for 'normal'. */
	std: number;
	optimizer: OptimizerKind;
	learningRate: number;
	batchSize: number;
	data: DatasetChoice;
	seed: number;
	/** 1-based index into speedLevels. */
	speed: number;
	/** Steps per initialiser in the comparison. */
	compareSteps: number;
}

export const defaultSettings: InitializationSettings = {
	depth: defaultConfig.depth,
	width: defaultConfig.width,
	activation: defaultConfig.activation,
	init: defaultConfig.initializer.kind,
	constant: defaultConstant,
	std: defaultStd,
	optimizer: defaultConfig.optimizer,
	learningRate: defaultConfig.learningRate,
	batchSize: defaultConfig.batchSize,
	data: 'circle',
	seed: defaultConfig.seed,
	speed: speedLevels.length,
	compareSteps: 100
};

/** The seed, or the default while the field is empty or not a whole number. */
export const seedOf = (settings: Pick<InitializationSettings, 'seed'>) =>
	Number.isInteger(settings.seed) && settings.seed >= 0 && settings.seed < 2 ** 31
		? settings.seed
		: defaultSettings.seed;

/** Reads settings from a query string; anything missing or malformed keeps its default. */
export function parseSettings(params: URLSearchParams): InitializationSettings {
	const d = defaultSettings;
	return {
		depth: integerParam(params.get('depth'), depthRange.min, depthRange.max, d.depth),
		width: choiceParam(widths, params.get('width'), d.width as (typeof widths)[number]),
		activation: choiceParam(activations, params.get('act'), d.activation),
		init: choiceParam(initializerKinds, params.get('init'), d.init),
		constant: numberParam(params.get('value'), constantRange.min, constantRange.max, d.constant),
		std: numberParam(params.get('std'), stdRange.min, stdRange.max, d.std),
		optimizer: choiceParam(optimizers, params.get('opt'), d.optimizer),
		learningRate: learningRateParam(params.get('lr'), d.learningRate),
		batchSize: choiceParam(batchSizes, params.get('batch'), d.batchSize),
		data: choiceParam(datasetChoices, params.get('data'), d.data),
		seed: integerParam(params.get('seed'), 0, 2 ** 31 - 1, d.seed),
		speed: integerParam(params.get('speed'), 1, speedLevels.length, d.speed),
		compareSteps: choiceParam(compareStepChoices, params.get('cmp'), d.compareSteps)
	};
}

/** The settings that differ from the defaults, as a query string (no `?`). */
export function settingsToQuery(settings: InitializationSettings): string {
	const d = defaultSettings;
	const params = new URLSearchParams();
	const put = (key: string, value: string | number, fallback: string | number) => {
		if (String(value) !== String(fallback)) params.set(key, String(value));
	};
	put('depth', settings.depth, d.depth);
	put('width', settings.width, d.width);
	put('act', settings.activation, d.activation);
	put('init', settings.init, d.init);
	if (settings.init === 'constant') put('value', settings.constant, d.constant);
	if (settings.init === 'normal') put('std', settings.std, d.std);
	put('opt', settings.optimizer, d.optimizer);
	put('lr', settings.learningRate, d.learningRate);
	put('batch', settings.batchSize, d.batchSize);
	put('data', settings.data, d.data);
	put('seed', seedOf(settings), d.seed);
	put('speed', settings.speed, d.speed);
	put('cmp', settings.compareSteps, d.compareSteps);
	return params.toString();
}

/** The initialiser of the settings, with only the parameter its kind uses. */
export function initializerOf(settings: InitializationSettings): InitializerChoice {
	if (settings.init === 'constant') return { kind: 'constant', value: settings.constant };
	if (settings.init === 'normal') return { kind: 'normal', std: settings.std };
	return { kind: settings.init };
}

export function configOf(settings: InitializationSettings): InitializationConfig {
	return {
		depth: settings.depth,
		width: settings.width,
		activation: settings.activation,
		initializer: initializerOf(settings),
		optimizer: settings.optimizer,
		learningRate: settings.learningRate,
		batchSize: settings.batchSize,
		features: ['x1', 'x2'],
		seed: seedOf(settings)
	};
}

/** What decides the initial weights: a change starts over from freshly drawn ones. */
export function weightKeyOf(settings: InitializationSettings): string {
	return JSON.stringify([
		settings.depth,
		settings.width,
		settings.activation,
		initializerOf(settings),
		seedOf(settings)
	]);
}

/** The data set: 400 points without noise, half of them for training. */
export function datasetFor(settings: Pick<InitializationSettings, 'data' | 'seed'>): Dataset {
	return generateDataset(settings.data, {
		seed: seedOf(settings),
		noise: 0,
		trainRatio: 0.5,
		points: 400
	});
}

/** Steps between two points of a comparison curve: about 25 points per curve. */
export function compareEvery(steps: number): number {
	return Math.max(1, Math.round(steps / 25));
}
