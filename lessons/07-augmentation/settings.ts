import { learningRateParam } from '$lib/training/query-params';
import type { RaceConfig } from '$lib/engine/models/augmentation-race-spec';
import { defaultSpeedLevel, speedLevels } from '$lib/engine/session';
import type { AugmentSettings } from '$lib/engine/vision/augment-spec';
import { batchSizes, evalSizes } from '$lib/widgets/CnnSettingsPanel.svelte';

export const trainSizes = [250, 500, 1000];

/** The augmentation lesson's settings; all of them live in the URL. */
export interface RaceSettings extends RaceConfig {
	speed: number;
}

export const defaultSettings: RaceSettings = {
	learningRate: 0.003,
	batchSize: 32,
	seed: 1,
	evalSize: 500,
	trainSize: 500,
	augment: { rotation: 12, shift: 0.1, zoom: 0.1, flip: false, noise: 0.05 },
	speed: defaultSpeedLevel + 1
};

/** Slider ranges: wide enough to show when augmentation goes too far. */
export const augmentRanges = {
	rotation: { max: 45, step: 1 },
	shift: { max: 0.3, step: 0.01 },
	zoom: { max: 0.4, step: 0.01 },
	noise: { max: 0.5, step: 0.01 }
} as const;

function inRange(value: string | null, max: number, fallback: number): number {
	const n = Number(value);
	return value !== null && value !== '' && Number.isFinite(n) && n >= 0 && n <= max ? n : fallback;
}

function oneOf(options: number[], value: string | null, fallback: number): number {
	return options.find((option) => String(option) === value) ?? fallback;
}

export function parseSettings(params: URLSearchParams): RaceSettings {
	const d = defaultSettings;
	const seed = Number(params.get('seed'));
	const speed = Number(params.get('speed'));
	const augment: AugmentSettings = {
		rotation: inRange(params.get('rot'), augmentRanges.rotation.max, d.augment.rotation),
		shift: inRange(params.get('shift'), augmentRanges.shift.max, d.augment.shift),
		zoom: inRange(params.get('zoom'), augmentRanges.zoom.max, d.augment.zoom),
		flip: params.has('flip') ? params.get('flip') === '1' : d.augment.flip,
		noise: inRange(params.get('noise'), augmentRanges.noise.max, d.augment.noise)
	};
	return {
		learningRate: learningRateParam(params.get('lr'), d.learningRate),
		batchSize: oneOf(batchSizes, params.get('batch'), d.batchSize),
		seed: Number.isInteger(seed) && seed >= 0 && params.get('seed') ? seed : d.seed,
		evalSize: oneOf(evalSizes, params.get('eval'), d.evalSize),
		trainSize: oneOf(trainSizes, params.get('train'), d.trainSize),
		augment,
		speed: Number.isInteger(speed) && speed >= 1 && speed <= speedLevels.length ? speed : d.speed
	};
}

export function settingsToQuery(settings: RaceSettings): string {
	const { augment } = settings;
	return new URLSearchParams({
		rot: String(augment.rotation),
		shift: String(augment.shift),
		zoom: String(augment.zoom),
		flip: augment.flip ? '1' : '0',
		noise: String(augment.noise),
		lr: String(settings.learningRate),
		batch: String(settings.batchSize),
		seed: String(settings.seed),
		train: String(settings.trainSize),
		eval: String(settings.evalSize),
		speed: String(settings.speed)
	}).toString();
}

export function configOf({ speed: _speed, ...config }: RaceSettings): RaceConfig {
	return config;
}
