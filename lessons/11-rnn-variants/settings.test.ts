import { describe, expect, it } from 'vitest';
import { configOf, defaultSettings, parseSettings, settingsToQuery } from './settings';

describe('RNN variants lesson settings in the URL', () => {
	it('round-trips and rejects nonsense', () => {
		const custom = {
			sequenceLength: 55,
			units: 16,
			batchSize: 64,
			learningRate: 0.003,
			seed: 9,
			speed: 3
		};
		expect(parseSettings(new URLSearchParams(settingsToQuery(custom)))).toEqual(custom);
		expect(
			parseSettings(new URLSearchParams('length=61&units=7&batch=1&lr=0&seed=x&speed=0'))
		).toEqual(defaultSettings);
		expect(configOf(custom)).toEqual({
			sequenceLength: 55,
			units: 16,
			batchSize: 64,
			learningRate: 0.003,
			seed: 9
		});
	});
});
