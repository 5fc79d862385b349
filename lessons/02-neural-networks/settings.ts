import { generateDataset } from '$lib/engine/playground/datasets';
import {
	activations,
	classificationSets,
	engineChoices,
	featureNames,
	maxHiddenLayers,
	maxNeurons,
	planeExtent,
	regressionSets,
	regularizations,
	type DataPoint,
	type Dataset,
	type DatasetKind,
	type FeatureName,
	defaultNetwork,
	networkConfigFor,
	type NetworkConfig,
	type NetworkSettings
} from '$lib/engine/playground/spec';
import { speedLevels } from '$lib/engine/session';
import {
	choiceParam,
	integerParam,
	learningRateParam,
	numberParam
} from '$lib/training/query-params';

/** The choices of TensorFlow Playground's menus. */
export const learningRates = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const regularizationRates = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const dropoutRates = [0, 0.1, 0.2, 0.3, 0.5, 0.8];
export const datasetKinds: readonly DatasetKind[] = [...classificationSets, ...regressionSets];
export const batchSizeRange = { min: 1, max: 30 } as const;
export const noiseRange = { min: 0, max: 50 } as const;
/** Percent of the points that train. */
export const trainRatioRange = { min: 10, max: 90 } as const;
export const blobClassRange = { min: 3, max: 6 } as const;
export const maxAddedPoints = 200;

/** Everything that defines a playground demo; it all lives in the URL. */
export interface PlaygroundSettings extends NetworkSettings {
	data: DatasetKind;
	/** Classes of the 'blobs' set (3 to 6); the other sets have their own. */
	classes: number;
	/** Noise in percent, 0 to 50. */
	noise: number;
	/** Percent of the points that train, 10 to 90; the rest are the test set. */
	trainRatio: number;
	/** 1-based index into speedLevels. */
	speed: number;
	/** Points the reader clicked in; they join the training set. */
	added: DataPoint[];
	showTest: boolean;
}

export const defaultSettings: PlaygroundSettings = {
	data: 'circle',
	classes: 3,
	noise: 0,
	trainRatio: 50,
	...defaultNetwork,
	speed: speedLevels.length,
	added: [],
	showTest: false
};

/** Rounded to hundredths; -0 becomes 0. */
const round2 = (value: number) => Math.round(value * 100) / 100 || 0;

/** Points as `x1:x2:label`, rounded to hundredths and joined by `~`: compact and readable. */
export function encodePoints(points: readonly DataPoint[]): string {
	return points
		.slice(0, maxAddedPoints)
		.map((p) => `${round2(p.x1)}:${round2(p.x2)}:${round2(p.label)}`)
		.join('~');
}

/**
 * Reads points back; malformed ones are left out. Labels may be class indices (0 to 7) or
 * regression targets (-1 to 1); `datasetFor` keeps those that fit the data set.
 */
export function decodePoints(text: string | null): DataPoint[] {
	if (!text) return [];
	const points: DataPoint[] = [];
	for (const item of text.split('~').slice(0, maxAddedPoints)) {
		const fields = item.split(':');
		if (fields.length !== 3) continue;
		const x1 = numberParam(fields[0], -planeExtent, planeExtent, NaN);
		const x2 = numberParam(fields[1], -planeExtent, planeExtent, NaN);
		const label = numberParam(fields[2], -1, 7, NaN);
		if ([x1, x2, label].some(Number.isNaN)) continue;
		points.push({ x1: round2(x1), x2: round2(x2), label: round2(label) });
	}
	return points;
}

/** Hidden layer sizes as `4,2`, `none` for no hidden layer. */
export function encodeHidden(hidden: readonly number[]): string {
	return hidden.length === 0 ? 'none' : hidden.join(',');
}

export function decodeHidden(text: string | null, fallback: number[]): number[] {
	if (text === null) return fallback;
	if (text === 'none') return [];
	const sizes = text.split(',').map((item) => integerParam(item, 1, maxNeurons, NaN));
	return sizes.length <= maxHiddenLayers && !sizes.some(Number.isNaN) ? sizes : fallback;
}

/** Features as `x1,x2,sinX1`; unknown names make the whole list fall back. */
export function decodeFeatures(text: string | null, fallback: FeatureName[]): FeatureName[] {
	if (!text) return fallback;
	const names = text.split(',');
	if (names.some((name) => !(featureNames as readonly string[]).includes(name))) return fallback;
	return featureNames.filter((name) => names.includes(name));
}

/** Reads settings from a query string; anything missing or malformed keeps its default. */
export function parseSettings(params: URLSearchParams): PlaygroundSettings {
	const d = defaultSettings;
	return {
		data: choiceParam(datasetKinds, params.get('data'), d.data),
		classes: integerParam(params.get('classes'), blobClassRange.min, blobClassRange.max, d.classes),
		noise: integerParam(params.get('noise'), noiseRange.min, noiseRange.max, d.noise),
		trainRatio: integerParam(
			params.get('train'),
			trainRatioRange.min,
			trainRatioRange.max,
			d.trainRatio
		),
		features: decodeFeatures(params.get('features'), d.features),
		hidden: decodeHidden(params.get('hidden'), d.hidden),
		activation: choiceParam(activations, params.get('act'), d.activation),
		learningRate: learningRateParam(params.get('lr'), d.learningRate),
		batchSize: integerParam(
			params.get('batch'),
			batchSizeRange.min,
			batchSizeRange.max,
			d.batchSize
		),
		regularization: choiceParam(regularizations, params.get('reg'), d.regularization),
		regularizationRate: choiceParam(
			regularizationRates,
			params.get('regRate'),
			d.regularizationRate
		),
		dropout: choiceParam(dropoutRates, params.get('dropout'), d.dropout),
		seed: integerParam(params.get('seed'), 0, 2 ** 31 - 1, d.seed),
		engine: choiceParam(engineChoices, params.get('engine'), d.engine),
		speed: integerParam(params.get('speed'), 1, speedLevels.length, d.speed),
		added: decodePoints(params.get('add')),
		showTest: params.has('test') ? params.get('test') === '1' : d.showTest
	};
}

/** The settings that differ from the defaults, as query parameters. */
export function settingsToParams(settings: PlaygroundSettings): URLSearchParams {
	const d = defaultSettings;
	const params = new URLSearchParams();
	const put = (key: string, value: string, fallback: string) => {
		if (value !== fallback) params.set(key, value);
	};
	put('data', settings.data, d.data);
	put('classes', String(settings.classes), String(d.classes));
	put('noise', String(settings.noise), String(d.noise));
	put('train', String(settings.trainRatio), String(d.trainRatio));
	put('features', settings.features.join(','), d.features.join(','));
	put('hidden', encodeHidden(settings.hidden), encodeHidden(d.hidden));
	put('act', settings.activation, d.activation);
	put('lr', String(settings.learningRate), String(d.learningRate));
	put('batch', String(settings.batchSize), String(d.batchSize));
	put('reg', settings.regularization, d.regularization);
	put('regRate', String(settings.regularizationRate), String(d.regularizationRate));
	put('dropout', String(settings.dropout), String(d.dropout));
	put('seed', String(settings.seed), String(d.seed));
	put('engine', settings.engine, d.engine);
	put('speed', String(settings.speed), String(d.speed));
	if (settings.added.length > 0) params.set('add', encodePoints(settings.added));
	put('test', settings.showTest ? '1' : '0', d.showTest ? '1' : '0');
	return params;
}

/** The query string for a demo (no `?`); `:`, `~` and `,` stay readable (all legal in a query). */
export function settingsToQuery(
	settings: PlaygroundSettings,
	extra: Record<string, string> = {}
): string {
	const params = settingsToParams(settings);
	for (const [key, value] of Object.entries(extra)) params.set(key, value);
	return params.toString().replaceAll('%3A', ':').replaceAll('%7E', '~').replaceAll('%2C', ',');
}

/** Whether a clicked point's label suits the data set: a class index, or a target in [-1, 1]. */
export function fitsDataset(
	point: DataPoint,
	dataset: Pick<Dataset, 'problem' | 'classes'>
): boolean {
	return dataset.problem === 'classification'
		? Number.isInteger(point.label) && point.label >= 0 && point.label < dataset.classes
		: point.label >= -1 && point.label <= 1;
}

/** The data set of the settings, with the reader's points (those that fit it) added to training. */
export function datasetFor(settings: PlaygroundSettings): Dataset {
	const dataset = generateDataset(settings.data, {
		seed: settings.seed,
		noise: settings.noise,
		trainRatio: settings.trainRatio / 100,
		classes: settings.classes
	});
	const added = settings.added.filter((point) => fitsDataset(point, dataset));
	return { ...dataset, train: [...dataset.train, ...added] };
}

export function configFor(
	settings: PlaygroundSettings,
	dataset: Pick<Dataset, 'problem' | 'classes'>
): NetworkConfig {
	const network: NetworkSettings = {
		features: settings.features,
		hidden: settings.hidden,
		activation: settings.activation,
		learningRate: settings.learningRate,
		batchSize: settings.batchSize,
		regularization: settings.regularization,
		regularizationRate: settings.regularizationRate,
		dropout: settings.dropout,
		seed: settings.seed,
		engine: settings.engine
	};
	return networkConfigFor(dataset, network);
}
