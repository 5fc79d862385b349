import { describe, expect, it } from 'vitest';
import { generatePreset, perceptronPresets } from './points2d';

describe('2-D point presets', () => {
	it.each(perceptronPresets)('%s: sizes, range, both classes, repeatable per seed', (preset) => {
		const set = generatePreset(preset, 11, { train: 60, test: 30 });
		expect(set.train).toHaveLength(60);
		expect(set.test).toHaveLength(30);
		for (const p of [...set.train, ...set.test]) {
			expect(Math.abs(p.x1)).toBeLessThanOrEqual(1);
			expect(Math.abs(p.x2)).toBeLessThanOrEqual(1);
		}
		const ones = set.train.filter((p) => p.label === 1).length;
		expect(ones).toBeGreaterThan(15);
		expect(ones).toBeLessThan(45);
		expect(generatePreset(preset, 11, { train: 60, test: 30 })).toEqual(set);
		expect(generatePreset(preset, 12, { train: 60, test: 30 })).not.toEqual(set);
	});

	it('labels XOR by the quadrant', () => {
		for (const p of generatePreset('xor', 5).train) expect(p.label).toBe(p.x1 * p.x2 > 0 ? 1 : 0);
	});

	it('separates the separable preset by the line x1 + x2 = 0 (almost always)', () => {
		const { train } = generatePreset('separable', 5, { train: 400, test: 0 });
		const agree = train.filter((p) => (p.x1 + p.x2 > 0 ? 1 : 0) === p.label).length;
		expect(agree / train.length).toBeGreaterThan(0.97);
	});
});
