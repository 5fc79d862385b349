import { describe, expect, it } from 'vitest';
import { configOf, defaultSettings, parseSettings, settingsToQuery } from './settings';

describe('LSTM text lesson settings in the URL', () => {
	it('round-trips and rejects nonsense', () => {
		const custom = {
			corpus: 'analects' as const,
			layers: 2,
			units: 64,
			sequenceLength: 100,
			batchSize: 8,
			learningRate: 0.003,
			seed: 7,
			speed: 2,
			temperature: 1.4
		};
		expect(parseSettings(new URLSearchParams(settingsToQuery(custom)))).toEqual(custom);
		expect(
			parseSettings(
				new URLSearchParams('corpus=x&layers=3&units=5&seq=0&batch=&lr=9000&seed=-1&speed=9&temp=7')
			)
		).toEqual(defaultSettings);
		expect(configOf(custom)).toEqual({
			layers: 2,
			units: 64,
			sequenceLength: 100,
			batchSize: 8,
			learningRate: 0.003,
			seed: 7
		});
	});

	it('keeps a pasted text out of the link', () => {
		const query = settingsToQuery({ ...defaultSettings, corpus: 'custom' });
		expect(parseSettings(new URLSearchParams(query)).corpus).toBe('moby-dick');
	});
});
