import type { RnnRaceConfig } from '$lib/engine/models/rnn-race-spec';
import { defaultSpeedLevel, speedLevels } from '$lib/engine/session';
import { choiceParam, integerParam, learningRateParam } from '$lib/training/query-params';

export const sequenceLimits = { min: 5, max: 60, step: 5 } as const;
export const unitCounts = [8, 16, 32, 64];
export const batchSizes = [16, 32, 64];
export const learningRates = [0.001, 0.003, 0.01, 0.03];

/** The RNN race's settings; all of them live in the URL. */
export interface RnnVariantsSettings extends RnnRaceConfig {
	speed: number;
}

export const defaultSettings: RnnVariantsSettings = {
	sequenceLength: 30,
	units: 32,
	batchSize: 32,
	learningRate: 0.01,
	seed: 1,
	speed: defaultSpeedLevel + 1
};

export function parseSettings(params: URLSearchParams): RnnVariantsSettings {
	const d = defaultSettings;
	const { min, max } = sequenceLimits;
	return {
		sequenceLength: integerParam(params.get('length'), min, max, d.sequenceLength),
		units: choiceParam(unitCounts, params.get('units'), d.units),
		batchSize: choiceParam(batchSizes, params.get('batch'), d.batchSize),
		learningRate: learningRateParam(params.get('lr'), d.learningRate),
		seed: integerParam(params.get('seed'), 0, 2 ** 31 - 1, d.seed),
		speed: integerParam(params.get('speed'), 1, speedLevels.length, d.speed)
	};
}

export function settingsToQuery(settings: RnnVariantsSettings): string {
	return new URLSearchParams({
		length: String(settings.sequenceLength),
		units: String(settings.units),
		batch: String(settings.batchSize),
		lr: String(settings.learningRate),
		seed: String(settings.seed),
		speed: String(settings.speed)
	}).toString();
}

export function configOf(settings: RnnVariantsSettings): RnnRaceConfig {
	const { sequenceLength, units, batchSize, learningRate, seed } = settings;
	return { sequenceLength, units, batchSize, learningRate, seed };
}
