import { describe, expect, it } from 'vitest';
import {
	compareEvery,
	configOf,
	datasetFor,
	defaultSettings,
	initializerOf,
	parseSettings,
	settingsToQuery,
	weightKeyOf,
	type InitializationSettings
} from './settings';

const parse = (query: string) => parseSettings(new URLSearchParams(query));

describe('initialisation settings in the URL', () => {
	it('an empty query gives the defaults, and the defaults write an empty query', () => {
		expect(parse('')).toEqual(defaultSettings);
		expect(settingsToQuery(defaultSettings)).toBe('');
	});

	it('round-trips every setting', () => {
		const settings: InitializationSettings = {
			depth: 10,
			width: 16,
			activation: 'tanh',
			init: 'normal',
			constant: defaultSettings.constant,
			std: 0.05,
			optimizer: 'adam',
			learningRate: 0.001,
			batchSize: 64,
			data: 'spiral',
			seed: 42,
			speed: 2,
			compareSteps: 20
		};
		const query = settingsToQuery(settings);
		expect(query).toContain('std=0.05');
		expect(parse(query)).toEqual(settings);
		const constant = { ...settings, init: 'constant' as const, constant: -0.5 };
		expect(settingsToQuery(constant)).toContain('value=-0.5');
		expect(settingsToQuery(constant)).not.toContain('std=');
		expect(parse(settingsToQuery(constant))).toEqual({ ...constant, std: defaultSettings.std });
	});

	it('malformed or out-of-range values fall back to the defaults', () => {
		const parsed = parse(
			'depth=5&width=12&act=swish&init=orthogonal&value=3&std=0&opt=rmsprop&lr=abc&batch=7&data=blobs&seed=-1&speed=9&cmp=3'
		);
		expect(parsed).toEqual(defaultSettings);
		expect(parse('depth=11').depth).toBe(defaultSettings.depth);
		expect(parse('depth=6.5').depth).toBe(defaultSettings.depth);
		expect(parse('depth=6').depth).toBe(6);
		expect(parse('std=3').std).toBe(3);
	});
});

describe('the model the settings describe', () => {
	it('passes only the parameter the initialiser uses', () => {
		expect(initializerOf({ ...defaultSettings, init: 'heNormal' })).toEqual({ kind: 'heNormal' });
		expect(initializerOf({ ...defaultSettings, init: 'constant', constant: 0.5 })).toEqual({
			kind: 'constant',
			value: 0.5
		});
		expect(initializerOf({ ...defaultSettings, init: 'normal', std: 2 })).toEqual({
			kind: 'normal',
			std: 2
		});
	});

	it('builds the engine config from the settings', () => {
		const config = configOf({ ...defaultSettings, depth: 6, width: 16, optimizer: 'adam' });
		expect(config).toMatchObject({
			depth: 6,
			width: 16,
			optimizer: 'adam',
			features: ['x1', 'x2'],
			initializer: { kind: 'heNormal' }
		});
	});

	it('only settings that change the initial weights change the weight key', () => {
		const key = weightKeyOf(defaultSettings);
		expect(weightKeyOf({ ...defaultSettings, learningRate: 0.1, optimizer: 'adam' })).toBe(key);
		expect(weightKeyOf({ ...defaultSettings, batchSize: 8, speed: 1 })).toBe(key);
		expect(weightKeyOf({ ...defaultSettings, std: 0.01 })).toBe(key);
		expect(weightKeyOf({ ...defaultSettings, init: 'normal', std: 0.01 })).not.toBe(key);
		expect(weightKeyOf({ ...defaultSettings, depth: 6 })).not.toBe(key);
		expect(weightKeyOf({ ...defaultSettings, seed: 2 })).not.toBe(key);
	});

	it('the data set is seeded and two-class', () => {
		const a = datasetFor({ data: 'xor', seed: 3 });
		const b = datasetFor({ data: 'xor', seed: 3 });
		expect(a).toEqual(b);
		expect(a.problem).toBe('classification');
		expect(a.classes).toBe(2);
		expect(a.train.length + a.test.length).toBe(400);
		expect(datasetFor({ data: 'xor', seed: 4 }).train).not.toEqual(a.train);
	});

	it('a comparison curve has about 25 points', () => {
		expect(compareEvery(20)).toBe(1);
		expect(compareEvery(100)).toBe(4);
		expect(compareEvery(500)).toBe(20);
	});
});
