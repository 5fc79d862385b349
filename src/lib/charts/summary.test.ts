import { describe, expect, it } from 'vitest';
import { trendOf } from './summary';

const line = (...ys: number[]) => ys.map((y, x) => ({ x, y }));

describe('trendOf', () => {
	it('needs three points', () => {
		expect(trendOf(line(1, 0.5))).toBeNull();
	});

	it('reads a falling loss, a rising accuracy and a flat line', () => {
		expect(trendOf(line(2, 1.5, 1.2, 1, 0.9, 0.8, 0.7, 0.65))).toBe('falling');
		expect(trendOf(line(0.1, 0.3, 0.5, 0.6, 0.7))).toBe('rising');
		expect(trendOf(line(0.5, 0.5001, 0.4999, 0.5, 0.5))).toBe('level');
	});

	it('looks at the recent part of a long line', () => {
		// Fell for a long time, rising over the last quarter: it is rising now.
		const ys = [
			...Array.from({ length: 30 }, (_, i) => 10 - i * 0.3),
			1.2,
			1.5,
			1.9,
			2.4,
			3,
			3.7,
			4.5,
			5.4
		];
		expect(trendOf(line(...ys))).toBe('rising');
	});
});
