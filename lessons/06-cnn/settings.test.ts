import { describe, expect, it } from 'vitest';
import { configOf, defaultSettings, parseSettings, settingsToQuery } from './settings';

describe('CNN lesson settings in the URL', () => {
	it('round-trips and rejects nonsense', () => {
		const custom = {
			learningRate: 0.01,
			batchSize: 64,
			seed: 7,
			speed: 2,
			digit: 123,
			evalSize: 100
		};
		expect(parseSettings(new URLSearchParams(settingsToQuery(custom)))).toEqual(custom);
		expect(
			parseSettings(new URLSearchParams('lr=-2&batch=33&seed=x&speed=0&digit=-1&eval=7'))
		).toEqual(defaultSettings);
		expect(configOf(custom)).toEqual({ learningRate: 0.01, batchSize: 64, seed: 7, evalSize: 100 });
	});
});
