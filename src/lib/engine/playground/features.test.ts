import { describe, expect, it } from 'vitest';
import {
	featureMatrix,
	featureValue,
	gridFeatureMatrix,
	gridPoints,
	targetMatrix
} from './features';
import { featureNames, gridSize, planeExtent } from './spec';

describe('input features', () => {
	it('computes each transform by hand', () => {
		const at = (x1: number, x2: number) => featureNames.map((name) => featureValue(name, x1, x2));
		expect(at(2, -3)).toEqual([2, -3, 4, 9, -6, Math.sin(2), Math.sin(-3)]);
		expect(at(0, 0)).toEqual([0, 0, 0, 0, 0, 0, 0]);
		expect(featureValue('sinX1', Math.PI / 2, 0)).toBeCloseTo(1, 12);
		expect(featureValue('sinX2', 0, -Math.PI / 2)).toBeCloseTo(-1, 12);
		expect(featureValue('x1Squared', -6, 1)).toBe(36);
		expect(featureValue('x1TimesX2', -1.5, -4)).toBe(6);
	});

	it('lays the matrix out points × features, in the order asked', () => {
		const points = [
			{ x1: 1, x2: 2, label: 0 },
			{ x1: -3, x2: 0.5, label: 1 }
		];
		const matrix = featureMatrix(points, ['x2', 'x1TimesX2', 'x1']);
		expect(matrix).toBeInstanceOf(Float32Array);
		expect([...matrix]).toEqual([2, 2, 1, 0.5, -1.5, -3]);
		expect(featureMatrix(points, [])).toHaveLength(0);
		expect(featureMatrix([], ['x1'])).toHaveLength(0);
	});
});

describe('the heatmap grid', () => {
	it('starts at the top-left cell centre and runs along rows', () => {
		const points = gridPoints(4);
		expect(points).toHaveLength(16);
		// Cells of 3 units: centres at -4.5, -1.5, 1.5, 4.5.
		expect(points[0]).toEqual({ x1: -4.5, x2: 4.5 });
		expect(points[1]).toEqual({ x1: -1.5, x2: 4.5 });
		expect(points[4]).toEqual({ x1: -4.5, x2: 1.5 });
		expect(points[2 * 4 + 3]).toEqual({ x1: 4.5, x2: -1.5 });
		expect(points[15]).toEqual({ x1: 4.5, x2: -4.5 });
	});

	it('covers the plane at the default size, symmetric about the origin', () => {
		const points = gridPoints();
		const half = planeExtent / gridSize;
		expect(points).toHaveLength(gridSize * gridSize);
		expect(points[0].x1).toBeCloseTo(-planeExtent + half, 12);
		expect(points[0].x2).toBeCloseTo(planeExtent - half, 12);
		expect(points.at(-1)!.x1).toBeCloseTo(planeExtent - half, 12);
		expect(points.at(-1)!.x2).toBeCloseTo(-planeExtent + half, 12);
	});

	it('gives the features of every cell in the same order', () => {
		const matrix = gridFeatureMatrix(['x1', 'x2', 'x2Squared'], 4);
		expect(matrix).toHaveLength(16 * 3);
		expect([...matrix.subarray(0, 3)]).toEqual([-4.5, 4.5, 20.25]);
		expect([...matrix.subarray(7 * 3, 8 * 3)]).toEqual([4.5, 1.5, 2.25]);
		expect(gridFeatureMatrix(['x1'])).toHaveLength(gridSize * gridSize);
	});
});

describe('targets', () => {
	it('one-hot encodes class indices, points × classes', () => {
		const points = [
			{ x1: 0, x2: 0, label: 2 },
			{ x1: 0, x2: 0, label: 0 },
			{ x1: 0, x2: 0, label: 1 }
		];
		expect([...targetMatrix(points, 'classification', 3)]).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0]);
		expect([...targetMatrix(points.slice(1), 'classification', 2)]).toEqual([1, 0, 0, 1]);
	});

	it('refuses a label that is not a class', () => {
		const point = (label: number) => [{ x1: 0, x2: 0, label }];
		expect(() => targetMatrix(point(2), 'classification', 2)).toThrow(RangeError);
		expect(() => targetMatrix(point(-1), 'classification', 2)).toThrow(RangeError);
		expect(() => targetMatrix(point(0.5), 'classification', 2)).toThrow(RangeError);
	});

	it('keeps regression targets, one per point', () => {
		const points = [
			{ x1: 0, x2: 0, label: 0.5 },
			{ x1: 0, x2: 0, label: -1 }
		];
		const targets = targetMatrix(points, 'regression', 1);
		expect(targets).toBeInstanceOf(Float32Array);
		expect([...targets]).toEqual([0.5, -1]);
	});
});
