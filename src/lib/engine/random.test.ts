import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, normal, shuffle } from './random';

describe('seeded random numbers', () => {
	it('repeat for the same seed and differ for another', () => {
		const draw = (seed: number) => Array.from({ length: 5 }, createRng(seed));
		expect(draw(7)).toEqual(draw(7));
		expect(draw(7)).not.toEqual(draw(8));
		for (const value of draw(7)) expect(value).toBeGreaterThanOrEqual(0);
		for (const value of draw(7)) expect(value).toBeLessThan(1);
	});

	it('draws normals with mean 0 and variance 1', () => {
		const rng = createRng(3);
		const samples = Array.from({ length: 20_000 }, () => normal(rng));
		const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
		const variance = samples.reduce((a, b) => a + (b - mean) ** 2, 0) / samples.length;
		expect(Math.abs(mean)).toBeLessThan(0.03);
		expect(Math.abs(variance - 1)).toBeLessThan(0.05);
	});

	it('shuffles into a permutation, repeatably', () => {
		const order = (seed: number) => {
			const items = Array.from({ length: 50 }, (_, i) => i);
			shuffle(items, createRng(seed));
			return items;
		};
		expect(order(1)).toEqual(order(1));
		expect(order(1)).not.toEqual(order(2));
		expect([...order(1)].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
	});

	it('derives independent streams from one seed', () => {
		expect(deriveSeed(1, 1)).not.toBe(deriveSeed(1, 2));
		expect(deriveSeed(1, 1)).toBe(deriveSeed(1, 1));
	});
});
