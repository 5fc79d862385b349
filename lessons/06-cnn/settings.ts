import { learningRateParam } from '$lib/training/query-params';
import type { CnnConfig } from '$lib/engine/models/cnn-spec';
import { defaultSpeedLevel, speedLevels } from '$lib/engine/session';
import { batchSizes, evalSizes } from '$lib/widgets/CnnSettingsPanel.svelte';

/** The CNN lesson's settings; all of them live in the URL. */
export interface CnnSettings extends CnnConfig {
	speed: number;
	/** The test image whose feature maps are shown. */
	digit: number;
}

export const defaultSettings: CnnSettings = {
	learningRate: 0.003,
	batchSize: 32,
	seed: 1,
	speed: defaultSpeedLevel + 1,
	digit: 0,
	evalSize: 500
};

function numberIn<T extends number>(options: readonly T[], value: string | null, fallback: T): T {
	return options.find((option) => String(option) === value || option === Number(value)) ?? fallback;
}

function integer(value: string | null, min: number, max: number, fallback: number): number {
	const n = Number(value);
	return value !== null && value !== '' && Number.isInteger(n) && n >= min && n <= max
		? n
		: fallback;
}

export function parseSettings(params: URLSearchParams): CnnSettings {
	return {
		learningRate: learningRateParam(params.get('lr'), defaultSettings.learningRate),
		batchSize: numberIn(batchSizes, params.get('batch'), defaultSettings.batchSize),
		seed: integer(params.get('seed'), 0, 2 ** 31 - 1, defaultSettings.seed),
		speed: integer(params.get('speed'), 1, speedLevels.length, defaultSettings.speed),
		digit: integer(params.get('digit'), 0, 99_999, defaultSettings.digit),
		evalSize: numberIn(evalSizes, params.get('eval'), defaultSettings.evalSize)
	};
}

export function settingsToQuery(settings: CnnSettings): string {
	return new URLSearchParams({
		lr: String(settings.learningRate),
		batch: String(settings.batchSize),
		seed: String(settings.seed),
		speed: String(settings.speed),
		digit: String(settings.digit),
		eval: String(settings.evalSize)
	}).toString();
}

export function configOf(settings: CnnSettings): CnnConfig {
	const { learningRate, batchSize, seed, evalSize } = settings;
	return { learningRate, batchSize, seed, evalSize };
}
