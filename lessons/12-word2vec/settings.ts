import type { Architecture, Word2VecConfig } from '$lib/engine/word2vec/spec';
import { bundledCorpora, type BundledCorpus } from '$lib/content/corpora';
import { defaultSpeedLevel, speedLevels } from '$lib/engine/session';
import { choiceParam, integerParam, learningRateParam } from '$lib/training/query-params';

/** A bundled text, or the one the student pasted or uploaded (which stays out of the URL). */
export type CorpusChoice = BundledCorpus | 'custom';

export const architectures: readonly Architecture[] = ['skipgram', 'cbow'];
export const dimensionChoices = [16, 32, 50, 100, 200, 300];
export const windowChoices = [1, 2, 3, 5, 8, 10];
export const negativeChoices = [1, 2, 5, 10, 15, 20];
export const learningRates = [0.005, 0.01, 0.025, 0.05, 0.1];
export const epochChoices = [1, 2, 3, 5, 10, 20, 50];
export const minCountChoices = [1, 2, 3, 5, 10, 20];
export const sampleChoices = [0, 1e-4, 1e-3, 1e-2];

/** What a URL may ask for (a select adds a value within these that it does not list). */
export const limits = {
	dimensions: [16, 300],
	window: [1, 10],
	negatives: [1, 20],
	epochs: [1, 50],
	minCount: [1, 100]
} as const;

export interface Word2VecSettings extends Word2VecConfig {
	corpus: CorpusChoice;
	speed: number;
}

export const defaultSettings: Word2VecSettings = {
	corpus: 'moby-dick',
	architecture: 'skipgram',
	dimensions: 100,
	window: 5,
	negatives: 5,
	learningRate: 0.025,
	epochs: 5,
	minCount: 5,
	sample: 1e-3,
	seed: 1,
	speed: defaultSpeedLevel + 1
};

/**
 * The Chinese page starts on the Analects, with more epochs: its 15,979 characters make an epoch
 * twenty times shorter than Moby-Dick's.
 */
export const chineseDefaults: Word2VecSettings = {
	...defaultSettings,
	corpus: 'analects',
	epochs: 20
};

const within = (params: URLSearchParams, name: keyof typeof limits, fallback: number) =>
	integerParam(params.get(name), limits[name][0], limits[name][1], fallback);

export function parseSettings(
	params: URLSearchParams,
	d: Word2VecSettings = defaultSettings
): Word2VecSettings {
	return {
		corpus: choiceParam(bundledCorpora, params.get('corpus'), d.corpus as BundledCorpus),
		architecture: choiceParam(architectures, params.get('model'), d.architecture),
		dimensions: within(params, 'dimensions', d.dimensions),
		window: within(params, 'window', d.window),
		negatives: within(params, 'negatives', d.negatives),
		learningRate: learningRateParam(params.get('lr'), d.learningRate),
		epochs: within(params, 'epochs', d.epochs),
		minCount: within(params, 'minCount', d.minCount),
		sample: choiceParam(sampleChoices, params.get('sample'), d.sample),
		seed: integerParam(params.get('seed'), 0, 2 ** 31 - 1, d.seed),
		speed: integerParam(params.get('speed'), 1, speedLevels.length, d.speed)
	};
}

/** A pasted text is not put in the URL: a link to it opens the default corpus. */
export function settingsToQuery(s: Word2VecSettings): string {
	return new URLSearchParams({
		corpus: s.corpus === 'custom' ? 'moby-dick' : s.corpus,
		model: s.architecture,
		dimensions: String(s.dimensions),
		window: String(s.window),
		negatives: String(s.negatives),
		lr: String(s.learningRate),
		epochs: String(s.epochs),
		minCount: String(s.minCount),
		sample: String(s.sample),
		seed: String(s.seed),
		speed: String(s.speed)
	}).toString();
}

export function configOf(s: Word2VecSettings): Word2VecConfig {
	const {
		architecture,
		dimensions,
		window,
		negatives,
		learningRate,
		epochs,
		minCount,
		sample,
		seed
	} = s;
	return {
		architecture,
		dimensions,
		window,
		negatives,
		learningRate,
		epochs,
		minCount,
		sample,
		seed
	};
}
