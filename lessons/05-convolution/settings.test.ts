import { describe, expect, it } from 'vitest';
import {
	defaultSettings,
	kernelOf,
	parseSettings,
	settingsToQuery,
	type ConvSettings
} from './settings';

describe('convolution lab settings in the URL', () => {
	const custom: ConvSettings = {
		source: 'photo',
		digit: 42,
		preset: 'custom',
		size: 3,
		custom: [0, -1, 0, -1, 4, -1, 0, -1, 0.5],
		padding: 'same',
		stride: 2,
		pool: 'avg',
		poolSize: 3,
		poolStride: 1
	};

	it('round-trips every setting, custom kernels included', () => {
		expect(parseSettings(new URLSearchParams(settingsToQuery(custom)))).toEqual(custom);
		expect(parseSettings(new URLSearchParams(settingsToQuery(defaultSettings)))).toEqual(
			defaultSettings
		);
		expect(settingsToQuery(custom)).toContain('w=0,-1,0,-1,4,-1,0,-1,0.5');
	});

	it('ignores malformed values', () => {
		const parsed = parseSettings(
			new URLSearchParams(
				'src=radio&digit=-4&kernel=blur&size=4&pad=full&stride=9&pool=sum&psize=7&pstride=0'
			)
		);
		expect(parsed).toEqual(defaultSettings);
		// A custom kernel with the wrong number of weights falls back to a preset.
		expect(parseSettings(new URLSearchParams('kernel=custom&size=3&w=1,2,3')).preset).toBe(
			'sobel-x'
		);
	});

	it('gives the preset kernel, or the custom numbers', () => {
		expect(kernelOf(defaultSettings).values).toEqual([-1, 0, 1, -2, 0, 2, -1, 0, 1]);
		expect(kernelOf(custom)).toEqual({ size: 3, values: custom.custom });
		expect(kernelOf({ ...defaultSettings, preset: 'box-blur', size: 5 }).values).toHaveLength(25);
	});
});
