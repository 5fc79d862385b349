import { describe, expect, it } from 'vitest';
import { decisionSegment, neuronOutput } from './plane';

describe('decision line geometry', () => {
	it('clips the diagonal x + y = 0 to the corners', () => {
		const segment = decisionSegment(1, 1, 0)!;
		expect(segment).toHaveLength(2);
		for (const p of segment) expect(p.x + p.y).toBeCloseTo(0, 9);
		expect(segment.map((p) => Math.abs(p.x))).toEqual([1, 1]);
	});

	it('handles vertical and horizontal lines', () => {
		expect(decisionSegment(1, 0, -0.5)).toEqual([
			{ x: 0.5, y: -1 },
			{ x: 0.5, y: 1 }
		]);
		expect(decisionSegment(0, 2, 1)).toEqual([
			{ x: -1, y: -0.5 },
			{ x: 1, y: -0.5 }
		]);
	});

	it('returns null when the line misses the square or does not exist', () => {
		expect(decisionSegment(1, 1, 5)).toBeNull();
		expect(decisionSegment(0, 0, 1)).toBeNull();
	});

	it('computes the neuron output for both activations', () => {
		const w = { w1: 2, w2: -1, b: 0.5 };
		expect(neuronOutput(w, 'sigmoid', 0, 0)).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 9);
		expect(neuronOutput(w, 'step', 0, 0)).toBe(1);
		expect(neuronOutput(w, 'step', -1, 0)).toBe(0);
	});
});
