import type { CharLstmConfig } from '$lib/engine/models/char-lstm-spec';
import { bundledCorpora, type BundledCorpus } from '$lib/content/corpora';
import { defaultSpeedLevel, speedLevels } from '$lib/engine/session';
import {
	choiceParam,
	integerParam,
	learningRateParam,
	numberParam
} from '$lib/training/query-params';

/** A bundled text, or the one the student pasted or uploaded (which stays out of the URL). */
export type CorpusChoice = BundledCorpus | 'custom';

export const layerCounts = [1, 2];
export const unitCounts = [32, 64, 128, 256];
export const sequenceLengths = [20, 40, 60, 100];
export const batchSizes = [8, 16, 32, 64];
export const learningRates = [0.001, 0.003, 0.01, 0.03];

/** The LSTM text lesson's settings; all of them live in the URL. */
export interface LstmTextSettings extends CharLstmConfig {
	corpus: CorpusChoice;
	speed: number;
	temperature: number;
}

export const defaultSettings: LstmTextSettings = {
	corpus: 'moby-dick',
	layers: 1,
	units: 128,
	sequenceLength: 40,
	batchSize: 32,
	learningRate: 0.01,
	seed: 1,
	speed: defaultSpeedLevel + 1,
	temperature: 0.8
};

export function parseSettings(params: URLSearchParams): LstmTextSettings {
	const d = defaultSettings;
	return {
		corpus: choiceParam(bundledCorpora, params.get('corpus'), 'moby-dick'),
		layers: choiceParam(layerCounts, params.get('layers'), d.layers),
		units: choiceParam(unitCounts, params.get('units'), d.units),
		sequenceLength: choiceParam(sequenceLengths, params.get('seq'), d.sequenceLength),
		batchSize: choiceParam(batchSizes, params.get('batch'), d.batchSize),
		learningRate: learningRateParam(params.get('lr'), d.learningRate),
		seed: integerParam(params.get('seed'), 0, 2 ** 31 - 1, d.seed),
		speed: integerParam(params.get('speed'), 1, speedLevels.length, d.speed),
		temperature: numberParam(params.get('temp'), 0.05, 2, d.temperature)
	};
}

/** A pasted text is not put in the URL: a link to it opens the default corpus. */
export function settingsToQuery(settings: LstmTextSettings): string {
	return new URLSearchParams({
		corpus: settings.corpus === 'custom' ? 'moby-dick' : settings.corpus,
		layers: String(settings.layers),
		units: String(settings.units),
		seq: String(settings.sequenceLength),
		batch: String(settings.batchSize),
		lr: String(settings.learningRate),
		seed: String(settings.seed),
		speed: String(settings.speed),
		temp: String(settings.temperature)
	}).toString();
}

export function configOf(settings: LstmTextSettings): CharLstmConfig {
	const { layers, units, sequenceLength, batchSize, learningRate, seed } = settings;
	return { layers, units, sequenceLength, batchSize, learningRate, seed };
}
