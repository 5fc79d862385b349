import { describe, expect, it } from 'vitest';
import {
	configOf,
	defaultSettings,
	parseSettings,
	settingsToQuery,
	type RaceSettings
} from './settings';

describe('augmentation lesson settings in the URL', () => {
	it('round-trips and rejects nonsense', () => {
		const custom: RaceSettings = {
			learningRate: 0.001,
			batchSize: 16,
			seed: 9,
			evalSize: 100,
			trainSize: 250,
			augment: { rotation: 30, shift: 0.2, zoom: 0, flip: true, noise: 0.3 },
			speed: 3
		};
		expect(parseSettings(new URLSearchParams(settingsToQuery(custom)))).toEqual(custom);
		expect(
			parseSettings(
				new URLSearchParams(
					'rot=400&shift=-1&zoom=x&noise=9&lr=0&batch=7&train=3&eval=1&speed=9&seed=-2'
				)
			)
		).toEqual(defaultSettings);
		expect(configOf(custom)).not.toHaveProperty('speed');
	});
});
