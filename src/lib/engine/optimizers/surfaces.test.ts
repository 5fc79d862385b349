import { describe, expect, it } from 'vitest';
import {
	contourSegments,
	domainPoint,
	scaledHeight,
	surfaceGrid,
	surfaceIds,
	surfaces
} from './surfaces';

describe('surfaces', () => {
	it('reach their floor at their minima, and no lower on their domain', () => {
		for (const id of surfaceIds) {
			const surface = surfaces[id];
			for (const [x, y] of surface.minima) expect(surface.f(x, y)).toBeCloseTo(surface.floor, 12);
			const grid = surfaceGrid(surface, 40);
			expect(grid.low).toBeGreaterThanOrEqual(0);
			expect(surface.f(...surface.start)).toBeGreaterThan(surface.floor);
		}
		expect(surfaces.rosenbrock.f(-1.5, 2)).toBe(12.5);
		expect(surfaces.beale.f(3, 0.5)).toBe(0);
	});

	it('map canvas fractions to domain points, top left first', () => {
		const { domain } = surfaces.rosenbrock;
		expect(domainPoint(domain, 0, 0)).toEqual([domain.xMin, domain.yMax]);
		expect(domainPoint(domain, 1, 1)).toEqual([domain.xMax, domain.yMin]);
	});
});

describe('surfaceGrid', () => {
	it('samples log heights scaled to [0, 1], row 0 at the top, lowest near the minimum', () => {
		const surface = surfaces.rosenbrock;
		const size = 50;
		const grid = surfaceGrid(surface, size);
		expect(grid.values).toHaveLength(size * size);
		let lowest = 0;
		for (let i = 0; i < grid.values.length; i++) {
			expect(grid.values[i]).toBeGreaterThanOrEqual(0);
			expect(grid.values[i]).toBeLessThanOrEqual(1);
			if (grid.values[i] < grid.values[lowest]) lowest = i;
		}
		const [x, y] = domainPoint(
			surface.domain,
			((lowest % size) + 0.5) / size,
			(Math.floor(lowest / size) + 0.5) / size
		);
		// Rosenbrock's valley is flat: the lowest sample lies in it, close to x = y² ... near (1, 1).
		expect(Math.abs(y - x * x)).toBeLessThan(0.1);
		expect(Math.hypot(x - 1, y - 1)).toBeLessThan(0.5);
		// The top-left cell is (xMin + half a cell, yMax − half a cell).
		const [x0, y0] = domainPoint(surface.domain, 0.5 / size, 0.5 / size);
		expect(grid.values[0]).toBeCloseTo(scaledHeight(grid, surface, surface.f(x0, y0)), 5);
	});

	it('gives contour levels in f units and on the scale, increasing', () => {
		const surface = surfaces.beale;
		const grid = surfaceGrid(surface, 32, 10);
		expect(grid.levels).toHaveLength(10);
		for (let k = 1; k < grid.levels.length; k++) {
			expect(grid.levels[k].value).toBeGreaterThan(grid.levels[k - 1].value);
			expect(grid.levels[k].scaled).toBeGreaterThan(grid.levels[k - 1].scaled);
		}
		for (const level of grid.levels) {
			expect(scaledHeight(grid, surface, level.value)).toBeCloseTo(level.scaled, 6);
		}
	});
});

describe('contourSegments', () => {
	it('traces the level set: the quadratic bowl gives its ellipse', () => {
		const surface = surfaces.noisyQuadratic;
		const grid = surfaceGrid(surface, 80);
		const level = grid.levels[6];
		const segments = contourSegments(grid, level.scaled);
		expect(segments.length).toBeGreaterThan(40);
		let xMax = 0;
		for (let i = 0; i < segments.length; i += 2) {
			const [x, y] = [segments[i], segments[i + 1]];
			// On the level, to within what linear interpolation between samples allows.
			expect(Math.abs(scaledHeight(grid, surface, surface.f(x, y)) - level.scaled)).toBeLessThan(
				0.01
			);
			xMax = Math.max(xMax, x);
		}
		// ½x² = level at y = 0.
		expect(xMax).toBeCloseTo(Math.sqrt(2 * level.value), 1);
	});

	it('handles the saddle, whose level sets cross', () => {
		const surface = surfaces.saddle;
		const grid = surfaceGrid(surface, 41);
		const zero = scaledHeight(grid, surface, 0);
		const segments = contourSegments(grid, zero);
		expect(segments.length % 4).toBe(0);
		expect(segments.length).toBeGreaterThan(0);
		for (let i = 0; i < segments.length; i += 2) {
			expect(Math.abs(surface.f(segments[i], segments[i + 1]))).toBeLessThan(0.15);
		}
	});
});
