import { describe, expect, it } from 'vitest';
import {
	configFor,
	decodePoints,
	defaultSettings,
	encodePoints,
	parseSettings,
	pointsFor,
	settingsToParams,
	settingsToQuery,
	type PerceptronSettings
} from './settings';

describe('perceptron settings in the URL', () => {
	const custom: PerceptronSettings = {
		data: 'xor',
		added: [
			{ x1: 0.25, x2: -0.5, label: 1 },
			{ x1: -1, x2: 1, label: 0 }
		],
		activation: 'step',
		learningRate: 0.03,
		batchSize: 0,
		seed: 99,
		speed: 2
	};

	it('round-trips every setting, so a link reproduces the demo', () => {
		expect(parseSettings(settingsToParams(custom))).toEqual(custom);
		expect(parseSettings(settingsToParams(defaultSettings))).toEqual(defaultSettings);
	});

	it('writes a readable query string', () => {
		expect(settingsToQuery(custom, { backend: 'cpu' })).toBe(
			'data=xor&act=step&lr=0.03&batch=0&seed=99&speed=2&add=25:-50:1~-100:100:0&backend=cpu'
		);
		expect(parseSettings(new URLSearchParams(settingsToQuery(custom)))).toEqual(custom);
	});

	it('falls back to defaults for missing or malformed values', () => {
		const parsed = parseSettings(
			new URLSearchParams('data=spiral&act=relu&lr=-1&batch=2.5&seed=x&speed=9&add=1:2')
		);
		expect(parsed).toEqual(defaultSettings);
	});

	it('keeps a huge learning rate from a link, up to a bound', () => {
		expect(parseSettings(new URLSearchParams('lr=1000')).learningRate).toBe(1000);
		expect(parseSettings(new URLSearchParams('lr=1e9')).learningRate).toBe(
			defaultSettings.learningRate
		);
	});

	it('encodes points in hundredths and drops malformed ones', () => {
		expect(encodePoints(custom.added)).toBe('25:-50:1~-100:100:0');
		expect(decodePoints('25:-50:1~300:0:1~5:5:2~<img>~-3:4:0')).toEqual([
			{ x1: 0.25, x2: -0.5, label: 1 },
			{ x1: -0.03, x2: 0.04, label: 0 }
		]);
	});

	it('puts clicked points into the training set after the preset', () => {
		const points = pointsFor(custom);
		expect(points.train.slice(-2)).toEqual(custom.added);
		expect(points.test.length).toBeGreaterThan(0);
		expect(pointsFor({ ...custom, data: 'none' })).toEqual({ train: custom.added, test: [] });
	});

	it('maps batch size 0 to full-batch training', () => {
		expect(configFor(custom).batchSize).toBe(Infinity);
		expect(configFor(defaultSettings).batchSize).toBe(1);
	});
});
