import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { pairLoss, sgnsUpdate } from './sgns';

describe('the SGNS step', () => {
	it('moves h and the output rows by −rate times the gradient (checked by finite differences)', () => {
		const rng = createRng(3);
		const dim = 5;
		const output = Float32Array.from({ length: 6 * dim }, () => rng() - 0.5);
		const h = Float32Array.from({ length: dim }, () => rng() - 0.5);
		const target = 2;
		const negatives = [0, 4, 5];
		const rate = 1e-3;
		const eps = 1e-3;
		const numeric = (values: Float32Array, index: number) => {
			const plus = Float64Array.from(values);
			const minus = Float64Array.from(values);
			plus[index] += eps;
			minus[index] -= eps;
			const loss = (v: Float64Array) =>
				values === h
					? pairLoss(v, output, dim, target, negatives)
					: pairLoss(h, Float32Array.from(v), dim, target, negatives);
			return (loss(plus) - loss(minus)) / (2 * eps);
		};
		const dh = Array.from({ length: dim }, (_, d) => numeric(h, d));
		const dOut = Array.from({ length: output.length }, (_, i) => numeric(output, i));

		const updated = output.slice();
		const grad = new Float32Array(dim);
		const loss = sgnsUpdate(h, updated, dim, target, negatives, rate, grad);
		expect(loss).toBeCloseTo(pairLoss(h, output, dim, target, negatives), 5);
		for (let d = 0; d < dim; d++) expect(grad[d] / -rate).toBeCloseTo(dh[d], 3);
		for (let i = 0; i < output.length; i++)
			expect((updated[i] - output[i]) / -rate).toBeCloseTo(dOut[i], 3);
		// Row 1 and 3 are neither target nor noise: untouched.
		expect(updated.slice(dim, 2 * dim)).toEqual(output.slice(dim, 2 * dim));
		expect(dOut.slice(3 * dim, 4 * dim).every((g) => Math.abs(g) < 1e-6)).toBe(true);
	});
});
