import { describe, expect, it } from 'vitest';
import { logAxis, logHeights, shortNumber } from './format';

describe('labels and scales of the histograms', () => {
	it('writes short numbers', () => {
		expect(shortNumber(0)).toBe('0');
		expect(shortNumber(0.5312)).toBe('0.53');
		expect(shortNumber(0.00123)).toBe('1.2e-3');
		expect(shortNumber(412345)).toBe('4.1e+5');
		expect(shortNumber(NaN)).toBe('NaN');
	});

	it('scales counts by log(1 + count), the largest to 1', () => {
		const heights = logHeights([0, 1, 100]);
		expect(heights[0]).toBe(0);
		expect(heights[2]).toBe(1);
		expect(heights[1]).toBeCloseTo(Math.log(2) / Math.log(101));
		expect(logHeights([0, 0])).toEqual([0, 0]);
	});

	it('spans whole decades on a log axis, zeros on the bottom edge', () => {
		const axis = logAxis([0.002, 0.5, 30, 0]);
		expect(axis.low).toBe(-3);
		expect(axis.high).toBe(2);
		expect(axis.position(0.001)).toBe(0);
		expect(axis.position(100)).toBe(1);
		expect(axis.position(0)).toBe(0);
		expect(axis.position(1)).toBeCloseTo(0.6);
		expect(axis.ticks).toEqual([-3, -2, -1, 0, 1, 2]);
		expect(logAxis([1e-12, 1e6]).ticks.length).toBeLessThanOrEqual(6);
		const flat = logAxis([]);
		expect(flat.high).toBeGreaterThan(flat.low);
	});
});
