import {
	generatePreset,
	perceptronPresets,
	type LabeledPoint,
	type PerceptronPreset,
	type PointSet
} from '$lib/engine/data/points2d';
import {
	activations,
	type Activation,
	type PerceptronConfig
} from '$lib/engine/models/perceptron-spec';
import { defaultSpeedLevel, speedLevels } from '$lib/engine/session';

export const learningRates = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.5, 1, 3, 10];
/** 0 stands for "all": full-batch gradient descent. */
export const batchSizes = [1, 4, 16, 0];
export const maxAddedPoints = 400;

export type DataSource = PerceptronPreset | 'none';

/** Everything that defines a perceptron demo; it all lives in the URL. */
export interface PerceptronSettings {
	data: DataSource;
	/** Points the reader clicked in, on top of the preset; they join the training set. */
	added: LabeledPoint[];
	activation: Activation;
	learningRate: number;
	batchSize: number;
	seed: number;
	/** 1-based index into speedLevels. */
	speed: number;
}

export const defaultSettings: PerceptronSettings = {
	data: 'separable',
	added: [],
	activation: 'sigmoid',
	learningRate: 0.5,
	batchSize: 1,
	seed: 1,
	speed: defaultSpeedLevel
};

const oneOf = <T extends string>(options: readonly T[], value: string | null, fallback: T): T =>
	options.find((option) => option === value) ?? fallback;

function integer(value: string | null, min: number, max: number, fallback: number): number {
	const n = Number(value);
	return value !== null && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** Points as `x:y:label` in hundredths, joined by `~`: compact and readable in a URL. */
export function encodePoints(points: LabeledPoint[]): string {
	return points
		.map((p) => `${Math.round(p.x1 * 100)}:${Math.round(p.x2 * 100)}:${p.label}`)
		.join('~');
}

export function decodePoints(text: string | null): LabeledPoint[] {
	if (!text) return [];
	const points: LabeledPoint[] = [];
	for (const item of text.split('~').slice(0, maxAddedPoints)) {
		const [x, y, label] = item.split(':');
		const x1 = integer(x, -100, 100, NaN) / 100;
		const x2 = integer(y, -100, 100, NaN) / 100;
		if (Number.isNaN(x1) || Number.isNaN(x2) || (label !== '0' && label !== '1')) continue;
		points.push({ x1, x2, label: label === '1' ? 1 : 0 });
	}
	return points;
}

/** Reads settings from a query string; anything missing or malformed keeps its default. */
export function parseSettings(params: URLSearchParams): PerceptronSettings {
	const rate = Number(params.get('lr'));
	return {
		data: oneOf([...perceptronPresets, 'none'], params.get('data'), defaultSettings.data),
		added: decodePoints(params.get('add')),
		activation: oneOf(activations, params.get('act'), defaultSettings.activation),
		learningRate: rate > 0 && rate <= 10_000 ? rate : defaultSettings.learningRate,
		batchSize: integer(params.get('batch'), 0, 1000, defaultSettings.batchSize),
		seed: integer(params.get('seed'), 0, 2 ** 31 - 1, defaultSettings.seed),
		speed: integer(params.get('speed'), 1, speedLevels.length, defaultSettings.speed)
	};
}

/** The query string for a demo; `:` and `~` stay readable (both are legal in a query). */
export function settingsToQuery(
	settings: PerceptronSettings,
	extra: Record<string, string> = {}
): string {
	const params = settingsToParams(settings);
	for (const [key, value] of Object.entries(extra)) params.set(key, value);
	return params.toString().replaceAll('%3A', ':').replaceAll('%7E', '~');
}

export function settingsToParams(settings: PerceptronSettings): URLSearchParams {
	const params = new URLSearchParams({
		data: settings.data,
		act: settings.activation,
		lr: String(settings.learningRate),
		batch: String(settings.batchSize),
		seed: String(settings.seed),
		speed: String(settings.speed)
	});
	if (settings.added.length > 0) params.set('add', encodePoints(settings.added));
	return params;
}

export function pointsFor(settings: PerceptronSettings): PointSet {
	const preset =
		settings.data === 'none'
			? { train: [], test: [] }
			: generatePreset(settings.data, settings.seed);
	return { train: [...preset.train, ...settings.added], test: preset.test };
}

export function configFor(settings: PerceptronSettings): PerceptronConfig {
	return {
		activation: settings.activation,
		learningRate: settings.learningRate,
		batchSize: settings.batchSize === 0 ? Infinity : settings.batchSize,
		seed: settings.seed
	};
}
