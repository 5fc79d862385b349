import { describe, expect, it } from 'vitest';
import { defaultSettings, optionsOf, parseSettings, settingsToQuery } from './settings';

describe('detection lesson settings in the URL', () => {
	it('round-trips and rejects nonsense', () => {
		const custom = {
			scoreThreshold: 0.3,
			iouThreshold: 0.65,
			maxBoxes: 7,
			photo: 'coffee' as const
		};
		expect(parseSettings(new URLSearchParams(settingsToQuery(custom)))).toEqual(custom);
		expect(parseSettings(new URLSearchParams('score=2&iou=-1&max=0&photo=../x'))).toEqual(
			defaultSettings
		);
		expect(parseSettings(new URLSearchParams('score=0.333333')).scoreThreshold).toBe(0.33);
		expect(optionsOf(custom)).toMatchObject({
			scoreThreshold: 0.3,
			iouThreshold: 0.65,
			maxBoxes: 7
		});
	});
});
