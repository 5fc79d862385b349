import { describe, expect, it } from 'vitest';
import {
	blobCentre,
	datasetProblem,
	generateDataset,
	multiGaussValue,
	planeValue,
	type DatasetOptions
} from './datasets';
import {
	classificationSets,
	planeExtent,
	regressionSets,
	type DataPoint,
	type DatasetKind
} from './spec';

const kinds: DatasetKind[] = [...classificationSets, ...regressionSets];
const options: DatasetOptions = { seed: 7, noise: 0, trainRatio: 0.5 };
const all = (kind: DatasetKind, extra: Partial<DatasetOptions> = {}): DataPoint[] => {
	const set = generateDataset(kind, { ...options, ...extra });
	return [...set.train, ...set.test];
};

describe('playground data sets', () => {
	it.each(kinds)('%s: size, split, range, repeatable per seed', (kind) => {
		const set = generateDataset(kind, { seed: 3, noise: 20, trainRatio: 0.7 });
		expect(set.train).toHaveLength(350);
		expect(set.test).toHaveLength(150);
		for (const p of [...set.train, ...set.test]) {
			expect(Number.isFinite(p.x1) && Number.isFinite(p.x2)).toBe(true);
			expect(Math.abs(p.x1)).toBeLessThanOrEqual(planeExtent);
			expect(Math.abs(p.x2)).toBeLessThanOrEqual(planeExtent);
		}
		expect(generateDataset(kind, { seed: 3, noise: 20, trainRatio: 0.7 })).toEqual(set);
		expect(generateDataset(kind, { seed: 4, noise: 20, trainRatio: 0.7 })).not.toEqual(set);
	});

	it.each(classificationSets)('%s: class indices, every class well represented', (kind) => {
		const set = generateDataset(kind, { seed: 5, noise: 25, trainRatio: 0.5, points: 400 });
		expect(set.problem).toBe('classification');
		expect(datasetProblem(kind)).toBe('classification');
		expect(set.classes).toBe(kind === 'blobs' ? 3 : 2);
		const counts = new Array(set.classes).fill(0);
		for (const p of [...set.train, ...set.test]) {
			expect(Number.isInteger(p.label) && p.label >= 0 && p.label < set.classes).toBe(true);
			counts[p.label]++;
		}
		for (const count of counts) expect(count).toBeGreaterThan(400 / set.classes / 2);
	});

	it.each(regressionSets)('%s: one output, targets in [-1, 1] that use the range', (kind) => {
		const set = generateDataset(kind, { seed: 5, noise: 30, trainRatio: 0.5 });
		expect(set.problem).toBe('regression');
		expect(datasetProblem(kind)).toBe('regression');
		expect(set.classes).toBe(1);
		const labels = [...set.train, ...set.test].map((p) => p.label);
		for (const label of labels) expect(Math.abs(label)).toBeLessThanOrEqual(1);
		expect(Math.min(...labels)).toBeLessThan(-0.5);
		expect(Math.max(...labels)).toBeGreaterThan(0.5);
	});

	it('splits by the train ratio, honours the point count and clamps odd options', () => {
		const set = generateDataset('xor', { ...options, trainRatio: 0.8, points: 101 });
		expect([set.train.length, set.test.length]).toEqual([81, 20]);
		const clamped = generateDataset('xor', { ...options, trainRatio: 2, noise: 500 });
		expect(clamped.train).toHaveLength(450);
		expect(generateDataset('xor', { ...options, noise: 80 })).toEqual(
			generateDataset('xor', { ...options, noise: 50 })
		);
	});

	it('shuffles before splitting: both halves hold both classes', () => {
		const set = generateDataset('circle', options);
		for (const half of [set.train, set.test]) {
			expect(new Set(half.map((p) => p.label))).toEqual(new Set([0, 1]));
		}
	});

	it('draws the same points whatever the train ratio', () => {
		const sorted = (points: DataPoint[]) =>
			[...points].sort((a, b) => a.x1 - b.x1 || a.x2 - b.x2).map((p) => [p.x1, p.x2, p.label]);
		expect(sorted(all('spiral', { trainRatio: 0.2 }))).toEqual(
			sorted(all('spiral', { trainRatio: 0.9 }))
		);
	});

	it('noise changes the labels, not only the seed', () => {
		const clean = all('circle');
		const noisy = all('circle', { noise: 50 });
		expect(noisy.map((p) => p.label)).not.toEqual(clean.map((p) => p.label));
	});
});

describe('without noise the classes separate cleanly', () => {
	it('circle: the inner disc (r < 2.5) is class 1, the ring (r ≥ 3.5) class 0', () => {
		for (const p of all('circle')) {
			const r = Math.hypot(p.x1, p.x2);
			expect(r < 2.5 || (r >= 3.5 && r <= 5)).toBe(true);
			expect(p.label).toBe(r < 3 ? 1 : 0);
		}
	});

	it('xor: class 1 in the quadrants where x1 and x2 share a sign, off the axes', () => {
		for (const p of all('xor')) {
			expect(Math.min(Math.abs(p.x1), Math.abs(p.x2))).toBeGreaterThanOrEqual(0.3);
			expect(p.label).toBe(p.x1 * p.x2 > 0 ? 1 : 0);
		}
	});

	it('gauss: class 1 around (2, 2), class 0 around (-2, -2), split by x1 + x2 = 0', () => {
		const points = all('gauss');
		for (const p of points) expect(p.label).toBe(p.x1 + p.x2 > 0 ? 1 : 0);
		const mean = (label: number, key: 'x1' | 'x2') => {
			const values = points.filter((p) => p.label === label).map((p) => p[key]);
			return values.reduce((a, b) => a + b, 0) / values.length;
		};
		expect(mean(1, 'x1')).toBeCloseTo(2, 0);
		expect(mean(0, 'x2')).toBeCloseTo(-2, 0);
	});

	it('gauss: noise widens the clusters until they overlap', () => {
		const misplaced = (points: DataPoint[]) =>
			points.filter((p) => (p.x1 + p.x2 > 0 ? 1 : 0) !== p.label).length;
		expect(misplaced(all('gauss', { noise: 50 }))).toBeGreaterThan(10);
	});

	it('spiral: every point lies on its own arm, the arms half a turn apart', () => {
		for (const p of all('spiral')) {
			const r = Math.hypot(p.x1, p.x2);
			expect(r).toBeLessThan(5);
			if (r < 1e-9) continue;
			const arm = 1.75 * 2 * Math.PI * (r / 5) + (p.label === 1 ? 0 : Math.PI);
			const angle = Math.atan2(p.x1, p.x2);
			const gap = Math.abs(Math.atan2(Math.sin(angle - arm), Math.cos(angle - arm)));
			expect(gap).toBeLessThan(1e-6);
		}
	});

	it.each([3, 4, 5, 6])('blobs with %i classes: every point nearest its own centre', (classes) => {
		const set = generateDataset('blobs', { ...options, classes });
		expect(set.classes).toBe(classes);
		const points = [...set.train, ...set.test];
		expect(new Set(points.map((p) => p.label)).size).toBe(classes);
		for (const p of points) {
			const distances = Array.from({ length: classes }, (_, k) => {
				const centre = blobCentre(k, classes);
				return Math.hypot(p.x1 - centre.x1, p.x2 - centre.x2);
			});
			expect(distances.indexOf(Math.min(...distances))).toBe(p.label);
		}
	});

	it('blobs: classes default to 3 and are clamped to 3..6', () => {
		expect(generateDataset('blobs', options).classes).toBe(3);
		expect(generateDataset('blobs', { ...options, classes: 9 }).classes).toBe(6);
		expect(generateDataset('blobs', { ...options, classes: 1 }).classes).toBe(3);
		expect(generateDataset('circle', { ...options, classes: 5 }).classes).toBe(2);
	});

	it('plane: the target is (x1 + x2) / 12', () => {
		for (const p of all('plane')) expect(p.label).toBeCloseTo((p.x1 + p.x2) / 12, 12);
		expect(planeValue(6, 6)).toBe(1);
		expect(planeValue(-6, -6)).toBe(-1);
		expect(planeValue(3, -1)).toBeCloseTo(1 / 6, 12);
	});

	it('multi-gauss: the target is the sum of the bumps, peaks of alternating sign', () => {
		for (const p of all('multi-gauss')) expect(p.label).toBe(multiGaussValue(p.x1, p.x2));
		expect(multiGaussValue(-4, 2.5)).toBeGreaterThan(0.95);
		expect(multiGaussValue(0, 2.5)).toBeLessThan(-0.95);
		expect(multiGaussValue(4, -2.5)).toBeLessThan(-0.95);
		expect(Math.abs(multiGaussValue(2, 0))).toBeLessThan(0.1);
	});
});
