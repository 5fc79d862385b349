import { gridSize, planeExtent, type DataPoint, type FeatureName, type Problem } from './spec';

/** A position on the plane. */
export type PlanePoint = Pick<DataPoint, 'x1' | 'x2'>;

/** One input feature of a point, on the raw coordinates as TensorFlow Playground does. */
export function featureValue(name: FeatureName, x1: number, x2: number): number {
	switch (name) {
		case 'x1':
			return x1;
		case 'x2':
			return x2;
		case 'x1Squared':
			return x1 * x1;
		case 'x2Squared':
			return x2 * x2;
		case 'x1TimesX2':
			return x1 * x2;
		case 'sinX1':
			return Math.sin(x1);
		case 'sinX2':
			return Math.sin(x2);
	}
}

/** The features of every point, row-major: point i's feature j at i * features.length + j. */
export function featureMatrix(
	points: readonly PlanePoint[],
	features: readonly FeatureName[]
): Float32Array {
	const width = features.length;
	const matrix = new Float32Array(points.length * width);
	points.forEach((point, i) => {
		features.forEach((name, j) => {
			matrix[i * width + j] = featureValue(name, point.x1, point.x2);
		});
	});
	return matrix;
}

/**
 * Cell centres of a `size` × `size` grid over [-planeExtent, planeExtent]², cell (r, c) at
 * r * size + c: row 0 is the top (largest x2), column 0 the left (smallest x1).
 */
export function gridPoints(size: number = gridSize): PlanePoint[] {
	const cell = (2 * planeExtent) / size;
	const points: PlanePoint[] = [];
	for (let r = 0; r < size; r++) {
		for (let c = 0; c < size; c++) {
			points.push({ x1: -planeExtent + (c + 0.5) * cell, x2: planeExtent - (r + 0.5) * cell });
		}
	}
	return points;
}

/** The features of every grid cell (see `gridPoints`), row-major as `featureMatrix`. */
export function gridFeatureMatrix(
	features: readonly FeatureName[],
	size: number = gridSize
): Float32Array {
	return featureMatrix(gridPoints(size), features);
}

/**
 * The training targets: one-hot rows of `classes` values for classification, one value per point
 * for regression. Throws on a class label that is not an integer in [0, classes).
 */
export function targetMatrix(
	points: readonly DataPoint[],
	problem: Problem,
	classes: number
): Float32Array {
	if (problem === 'regression') return Float32Array.from(points, (point) => point.label);
	const matrix = new Float32Array(points.length * classes);
	points.forEach((point, i) => {
		const label = point.label;
		if (!Number.isInteger(label) || label < 0 || label >= classes) {
			throw new RangeError(`class label ${label} is not in 0..${classes - 1}`);
		}
		matrix[i * classes + label] = 1;
	});
	return matrix;
}
