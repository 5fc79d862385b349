import { describe, expect, it } from 'vitest';
import {
	configFor,
	datasetFor,
	decodeFeatures,
	decodeHidden,
	decodePoints,
	defaultSettings,
	encodePoints,
	maxAddedPoints,
	parseSettings,
	settingsToParams,
	settingsToQuery,
	type PlaygroundSettings
} from './settings';

const parse = (query: string) => parseSettings(new URLSearchParams(query));

describe('playground settings in the URL', () => {
	const custom: PlaygroundSettings = {
		data: 'blobs',
		classes: 5,
		noise: 25,
		trainRatio: 70,
		features: ['x1', 'x2', 'x1TimesX2', 'sinX1'],
		hidden: [8, 8, 3],
		activation: 'relu',
		learningRate: 0.00001,
		batchSize: 30,
		regularization: 'l2',
		regularizationRate: 0.003,
		dropout: 0.2,
		seed: 123456,
		engine: 'webgpu-fused',
		speed: 2,
		added: [
			{ x1: 1.5, x2: -2.25, label: 4 },
			{ x1: -6, x2: 6, label: 0 }
		],
		showTest: true
	};

	it('round-trips every setting, so a link reproduces the demo', () => {
		expect(parseSettings(settingsToParams(custom))).toEqual(custom);
		expect(parse(settingsToQuery(custom))).toEqual(custom);
		expect(parseSettings(settingsToParams(defaultSettings))).toEqual(defaultSettings);
		const none = { ...defaultSettings, hidden: [], data: 'multi-gauss' as const };
		expect(parse(settingsToQuery(none))).toEqual(none);
	});

	it('leaves defaults out of the query and keeps it readable', () => {
		expect(settingsToQuery(defaultSettings)).toBe('');
		expect(settingsToQuery({ ...defaultSettings, hidden: [] })).toBe('hidden=none');
		expect(settingsToQuery(custom, { backend: 'cpu' })).toBe(
			'data=blobs&classes=5&noise=25&train=70&features=x1,x2,x1TimesX2,sinX1&hidden=8,8,3' +
				'&act=relu&lr=0.00001&batch=30&reg=l2&regRate=0.003&dropout=0.2&seed=123456&engine=webgpu-fused&speed=2' +
				'&add=1.5:-2.25:4~-6:6:0&test=1&backend=cpu'
		);
	});

	it('defaults to TensorFlow Playground’s starting point, at full speed', () => {
		expect(defaultSettings).toMatchObject({
			data: 'circle',
			features: ['x1', 'x2'],
			hidden: [4, 2],
			activation: 'tanh',
			learningRate: 0.03,
			batchSize: 10,
			speed: 5
		});
	});

	it('falls back to defaults for missing or malformed values', () => {
		expect(
			parse(
				'data=moons&classes=9&noise=60&train=95&features=x3&hidden=4,0&act=gelu&lr=-0.05' +
					'&batch=31&reg=l3&regRate=2&dropout=0.25&seed=-1&speed=6&add=1:2&test=yes'
			)
		).toEqual(defaultSettings);
		expect(parse('noise=2.5&batch=1.5&seed=1.5&hidden=&features=')).toEqual(defaultSettings);
	});

	it('reads numbers by value', () => {
		expect(parse('lr=1e-5&regRate=0.0010&dropout=.5').learningRate).toBe(0.00001);
		expect(parse('regRate=0.0010').regularizationRate).toBe(0.001);
		expect(parse('dropout=.5').dropout).toBe(0.5);
	});

	it('reads hidden layers: up to 8 of 1 to 16 neurons', () => {
		expect(decodeHidden('16,1', [4])).toEqual([16, 1]);
		expect(decodeHidden('none', [4])).toEqual([]);
		expect(decodeHidden('1,1,1,1,1,1,1,1', [4])).toHaveLength(8);
		for (const bad of ['1,1,1,1,1,1,1,1,1', '17', '0', '2,,2', '2.5', 'x', '']) {
			expect(decodeHidden(bad, [4])).toEqual([4]);
		}
		expect(decodeHidden(null, [4, 2])).toEqual([4, 2]);
	});

	it('reads features in the canonical order, without repeats', () => {
		expect(decodeFeatures('sinX2,x1,x1', ['x1'])).toEqual(['x1', 'sinX2']);
		expect(decodeFeatures('x1,cosX1', ['x2'])).toEqual(['x2']);
	});

	it('encodes points to hundredths and drops malformed ones', () => {
		expect(encodePoints([{ x1: 1.234, x2: -0.006, label: 0.666 }])).toBe('1.23:-0.01:0.67');
		expect(encodePoints([{ x1: -0.001, x2: 0, label: 1 }])).toBe('0:0:1');
		expect(decodePoints('1.5:-2.25:4~7:0:1~1:1:8~<img>~1:2~0:0:-0.5~a:1:1')).toEqual([
			{ x1: 1.5, x2: -2.25, label: 4 },
			{ x1: 0, x2: 0, label: -0.5 }
		]);
		const many = Array.from({ length: 250 }, (_, i) => '0:0:' + (i % 2)).join('~');
		expect(decodePoints(many)).toHaveLength(maxAddedPoints);
	});
});

describe('data set and network of the settings', () => {
	it('generates the chosen set and adds the clicked points to training', () => {
		const settings: PlaygroundSettings = {
			...defaultSettings,
			data: 'blobs',
			classes: 4,
			trainRatio: 80,
			added: [
				{ x1: 1, x2: 1, label: 3 },
				{ x1: 2, x2: 2, label: 4 },
				{ x1: 3, x2: 3, label: 0.5 }
			]
		};
		const plain = datasetFor({ ...settings, added: [] });
		const dataset = datasetFor(settings);
		expect(dataset.problem).toBe('classification');
		expect(dataset.classes).toBe(4);
		// Only the point whose label is one of the four classes joins.
		expect(dataset.train).toEqual([...plain.train, { x1: 1, x2: 1, label: 3 }]);
		expect(dataset.test).toEqual(plain.test);
		expect(plain.train.length / (plain.train.length + plain.test.length)).toBeCloseTo(0.8);
		// Same settings, same points.
		expect(datasetFor(settings)).toEqual(dataset);
	});

	it('keeps regression targets in [-1, 1] for regression sets', () => {
		const dataset = datasetFor({
			...defaultSettings,
			data: 'plane',
			added: [
				{ x1: 0, x2: 0, label: 0.5 },
				{ x1: 0, x2: 0, label: 3 }
			]
		});
		expect(dataset.problem).toBe('regression');
		expect(dataset.train.at(-1)).toEqual({ x1: 0, x2: 0, label: 0.5 });
		expect(dataset.train.filter((p) => p.label === 3)).toEqual([]);
	});

	it('sizes the output layer from the data set', () => {
		const custom = { ...defaultSettings, hidden: [3], dropout: 0.1 };
		expect(configFor(custom, { problem: 'classification', classes: 5 })).toEqual({
			problem: 'classification',
			outputs: 5,
			features: ['x1', 'x2'],
			hidden: [3],
			activation: 'tanh',
			learningRate: 0.03,
			batchSize: 10,
			regularization: 'none',
			regularizationRate: 0,
			dropout: 0.1,
			seed: 1,
			engine: 'auto'
		});
		expect(configFor(custom, { problem: 'regression', classes: 1 }).outputs).toBe(1);
		// The config owns its arrays: editing it leaves the settings alone.
		configFor(custom, { problem: 'regression', classes: 1 }).hidden.push(9);
		expect(custom.hidden).toEqual([3]);
	});
});
