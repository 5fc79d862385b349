import { describe, expect, it } from 'vitest';
import {
	chineseDefaults,
	configOf,
	defaultSettings,
	parseSettings,
	settingsToQuery
} from './settings';

describe('word2vec lesson settings in the URL', () => {
	it('round-trips, and values out of range fall back to the defaults', () => {
		const custom = {
			...defaultSettings,
			corpus: 'analects' as const,
			architecture: 'cbow' as const,
			dimensions: 300,
			window: 2,
			negatives: 15,
			learningRate: 0.05,
			epochs: 20,
			minCount: 2,
			sample: 1e-4,
			seed: 9,
			speed: 3
		};
		expect(parseSettings(new URLSearchParams(settingsToQuery(custom)))).toEqual(custom);
		expect(
			parseSettings(
				new URLSearchParams(
					'corpus=x&model=glove&dimensions=301&window=0&negatives=99&lr=-1&epochs=0.5&minCount=&sample=0.5&seed=-1&speed=9'
				)
			)
		).toEqual(defaultSettings);
		expect(parseSettings(new URLSearchParams('dimensions=15')).dimensions).toBe(100);
		expect(parseSettings(new URLSearchParams('dimensions=64&window=7')).dimensions).toBe(64);
		const { corpus, speed, ...config } = custom;
		expect([corpus, speed]).toEqual(['analects', 3]);
		expect(configOf(custom)).toEqual(config);
	});

	it('the Chinese page falls back to the Analects and 20 epochs', () => {
		expect(parseSettings(new URLSearchParams('epochs=0'), chineseDefaults)).toMatchObject({
			corpus: 'analects',
			epochs: 20
		});
	});

	it('keeps a pasted text out of the link', () => {
		const query = settingsToQuery({ ...defaultSettings, corpus: 'custom' });
		expect(parseSettings(new URLSearchParams(query)).corpus).toBe('moby-dick');
	});
});
