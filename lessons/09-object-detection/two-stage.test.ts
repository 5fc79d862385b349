import { describe, expect, it } from 'vitest';
import { roiAlign, roiPool, snapToFeatureGrid, type RgbImage } from './two-stage';

/** A 300×300 picture whose red channel is its x coordinate and green its y (in pixels, capped). */
function ramp(size = 300): RgbImage {
	const data = new Uint8ClampedArray(size * size * 3);
	for (let y = 0; y < size; y++)
		for (let x = 0; x < size; x++) data.set([x, y, 0], (y * size + x) * 3);
	return { width: size, height: size, data };
}

describe('RoI pooling and RoIAlign', () => {
	it('RoI pooling rounds each edge to the 16-pixel feature grid: shifts of up to 8 pixels', () => {
		// Edges at 37, 50, 203 and 260 px: the nearest multiples of 16 are 32, 48, 208 and 256.
		const box = { top: 37 / 300, left: 50 / 300, bottom: 203 / 300, right: 260 / 300 };
		const { box: snapped, shift } = snapToFeatureGrid(box);
		expect([snapped.top, snapped.left, snapped.bottom, snapped.right].map((v) => v * 300)).toEqual([
			32, 48, 208, 256
		]);
		expect(shift).toBeCloseTo(5, 6);
		for (let px = 0; px < 300; px += 7) {
			const edge = px / 300;
			const s = snapToFeatureGrid({ top: edge, left: 0, bottom: 1, right: 1 }).shift;
			expect(s).toBeLessThanOrEqual(8 + 1e-9);
		}
	});

	it('a tiny RoI still covers one cell', () => {
		const { box } = snapToFeatureGrid({ top: 0.5, left: 0.5, bottom: 0.501, right: 0.501 });
		expect((box.bottom - box.top) * 300).toBeCloseTo(16, 6);
		expect((box.right - box.left) * 300).toBeCloseTo(16, 6);
	});

	it('RoIAlign samples the exact box: on a ramp each bin holds its centre coordinate', () => {
		// The box 50…120 px across and 30…100 px down: bins of 10 px, centres at 55, 65, …
		const box = { top: 30 / 300, left: 50 / 300, bottom: 100 / 300, right: 120 / 300 };
		const out = roiAlign(ramp(), box, 7, 2);
		for (let r = 0; r < 7; r++)
			for (let q = 0; q < 7; q++) {
				// Pixel centres sit at .5: the value at x is x − 0.5.
				expect(out[(r * 7 + q) * 3]).toBeCloseTo(50 + 10 * q + 5 - 0.5, 4);
				expect(out[(r * 7 + q) * 3 + 1]).toBeCloseTo(30 + 10 * r + 5 - 0.5, 4);
			}
	});

	it('RoI pooling takes the maximum of the rounded cells, so its grid is shifted from the box', () => {
		const box = { top: 30 / 300, left: 50 / 300, bottom: 100 / 300, right: 120 / 300 };
		const out = roiPool(ramp(), box, 7);
		// Snapped to 32…96 down and 48…128 across: the last bin's maximum is the last pixel, 127.
		expect(out[(0 * 7 + 6) * 3]).toBe(127);
		expect(out[(6 * 7 + 0) * 3 + 1]).toBe(95);
		// RoIAlign on the same box never reaches past its right edge at 120.
		expect(Math.max(...roiAlign(ramp(), box).filter((_, i) => i % 3 === 0))).toBeLessThan(120);
	});
});
