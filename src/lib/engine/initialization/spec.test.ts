import { describe, expect, it } from 'vitest';
import {
	binEdges,
	defaultConfig,
	depthRange,
	initializerFormulas,
	initializerKinds,
	initializerLabel,
	weightVariance,
	widthRange
} from './spec';

describe('initialisation spec', () => {
	it('has a distribution and a variance formula for every kind', () => {
		for (const kind of initializerKinds) {
			expect(initializerFormulas[kind].distribution).toMatch(/W/);
			expect(initializerFormulas[kind].variance).toMatch(/^\\operatorname\{Var\}\(W\) = /);
		}
	});

	it('gives each kind its variance for a layer of 32 inputs and 96 outputs', () => {
		const variance = (kind: (typeof initializerKinds)[number], std?: number) =>
			weightVariance({ kind, std }, 32, 96);
		expect(variance('zeros')).toBe(0);
		expect(variance('constant')).toBe(0);
		expect(variance('normal', 0.5)).toBe(0.25);
		expect(variance('normal')).toBe(1);
		expect(variance('glorotUniform')).toBe(2 / 128);
		expect(variance('glorotNormal')).toBe(2 / 128);
		expect(variance('heNormal')).toBe(2 / 32);
		expect(variance('lecunNormal')).toBe(1 / 32);
	});

	it('labels choices with their parameters', () => {
		expect(initializerLabel({ kind: 'normal', std: 0.01 })).toBe('normal(0, 0.01)');
		expect(initializerLabel({ kind: 'constant', value: 0.2 })).toBe('constant 0.2');
		expect(initializerLabel({ kind: 'heNormal' })).toBe('He normal');
		expect(new Set(initializerKinds.map((kind) => initializerLabel({ kind }))).size).toBe(
			initializerKinds.length
		);
	});

	it('spreads bin edges evenly from low to high', () => {
		expect(binEdges({ low: -1, high: 2, counts: [0, 0, 0] })).toEqual([-1, 0, 1, 2]);
	});

	it('defaults to a network within the lesson ranges', () => {
		expect(defaultConfig.depth).toBeGreaterThanOrEqual(depthRange.min);
		expect(defaultConfig.depth).toBeLessThanOrEqual(depthRange.max);
		expect(defaultConfig.width).toBeGreaterThanOrEqual(widthRange.min);
		expect(defaultConfig.width).toBeLessThanOrEqual(widthRange.max);
	});
});
