import { createRng, deriveSeed, normal, shuffle, uniform, type Rng } from '../random';
import {
	classificationSets,
	planeExtent,
	type DataPoint,
	type Dataset,
	type DatasetKind,
	type Problem
} from './spec';

/**
 * The playground's data sets, after TensorFlow Playground's generators: points in
 * [-planeExtent, planeExtent]², most of them within `radius` of the origin. Where TensorFlow
 * Playground labels ±1, class 1 is its positive class and class 0 its negative one.
 */

export interface DatasetOptions {
	seed: number;
	/** Noise in percent, 0 to 50, as TensorFlow Playground's slider. */
	noise: number;
	/** Share of the points that train, 0.1 to 0.9; the rest are the test set. */
	trainRatio: number;
	/** Points in all, train and test together (default 500). */
	points?: number;
	/** Classes of the 'blobs' set, 3 to 6 (default 3); the other sets ignore it. */
	classes?: number;
}

export const defaultPointCount = 500;
export const maxPointCount = 5000;
export const blobClassRange = { min: 3, max: 6, default: 3 } as const;
export const noiseRange = { min: 0, max: 50 } as const;
export const trainRatioRange = { min: 0.1, max: 0.9 } as const;

const radius = 5;

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const inPlane = (value: number) => clamp(value, -planeExtent, planeExtent);

export function datasetProblem(kind: DatasetKind): Problem {
	return (classificationSets as readonly string[]).includes(kind) ? 'classification' : 'regression';
}

/** How many of `total` points class `index` of `classes` gets: as even as possible. */
function share(total: number, classes: number, index: number): number {
	return Math.floor(total / classes) + (index < total % classes ? 1 : 0);
}

/** `noise` is a fraction here, 0 to 0.5. */
function circle(rng: Rng, count: number, noise: number): DataPoint[] {
	const points: DataPoint[] = [];
	const ring = (low: number, high: number, n: number) => {
		for (let i = 0; i < n; i++) {
			const r = uniform(rng, low, high);
			const angle = uniform(rng, 0, 2 * Math.PI);
			const x1 = r * Math.cos(angle);
			const x2 = r * Math.sin(angle);
			// The point stays where it is; noise moves the position its label is read from, so
			// points near the boundary swap class.
			const n1 = x1 + noise * uniform(rng, -radius, radius);
			const n2 = x2 + noise * uniform(rng, -radius, radius);
			points.push({ x1, x2, label: Math.hypot(n1, n2) < radius / 2 ? 1 : 0 });
		}
	};
	// The inner disc is class 1, the outer ring class 0.
	ring(0, radius * 0.5, share(count, 2, 0));
	ring(radius * 0.7, radius, share(count, 2, 1));
	return points;
}

function xor(rng: Rng, count: number, noise: number): DataPoint[] {
	const padding = 0.3;
	// Keep points off the axes, where the class would be a coin toss even without noise.
	const coordinate = () => {
		const value = uniform(rng, -radius, radius);
		return value + (value >= 0 ? padding : -padding);
	};
	return Array.from({ length: count }, () => {
		const x1 = coordinate();
		const x2 = coordinate();
		const n1 = x1 + noise * uniform(rng, -radius, radius);
		const n2 = x2 + noise * uniform(rng, -radius, radius);
		return { x1, x2, label: n1 * n2 >= 0 ? 1 : 0 };
	});
}

function gauss(rng: Rng, count: number, noise: number): DataPoint[] {
	// Variance 0.5 without noise, growing to 4 at 50 %: the clusters then overlap.
	const spread = Math.sqrt(0.5 + (noise / 0.5) * 3.5);
	const points: DataPoint[] = [];
	const cluster = (cx: number, cy: number, label: number, n: number) => {
		for (let i = 0; i < n; i++) {
			points.push({
				x1: inPlane(cx + spread * normal(rng)),
				x2: inPlane(cy + spread * normal(rng)),
				label
			});
		}
	};
	cluster(2, 2, 1, share(count, 2, 0));
	cluster(-2, -2, 0, share(count, 2, 1));
	return points;
}

/** Turns of each spiral arm, out to `radius`. */
const spiralTurns = 1.75;

function spiral(rng: Rng, count: number, noise: number): DataPoint[] {
	const points: DataPoint[] = [];
	const arm = (phase: number, label: number, n: number) => {
		for (let i = 0; i < n; i++) {
			const t = i / n;
			const r = t * radius;
			const angle = spiralTurns * 2 * Math.PI * t + phase;
			points.push({
				x1: r * Math.sin(angle) + noise * uniform(rng, -1, 1),
				x2: r * Math.cos(angle) + noise * uniform(rng, -1, 1),
				label
			});
		}
	};
	arm(0, 1, share(count, 2, 0));
	arm(Math.PI, 0, share(count, 2, 1));
	return points;
}

/** Distance of the blob centres from the origin. */
const blobRing = 4;

/** Centre of blob `index` of `classes`, the first straight up, the others anticlockwise. */
export function blobCentre(index: number, classes: number): { x1: number; x2: number } {
	const angle = Math.PI / 2 + (2 * Math.PI * index) / classes;
	return { x1: blobRing * Math.cos(angle), x2: blobRing * Math.sin(angle) };
}

function blobs(rng: Rng, count: number, noise: number, classes: number): DataPoint[] {
	// Six blobs are 4 apart on the ring: a spread of 0.5 keeps them apart, 1.5 makes them overlap.
	const spread = 0.5 + 2 * noise;
	const points: DataPoint[] = [];
	for (let label = 0; label < classes; label++) {
		const centre = blobCentre(label, classes);
		for (let i = share(count, classes, label); i > 0; i--) {
			points.push({
				x1: inPlane(centre.x1 + spread * normal(rng)),
				x2: inPlane(centre.x2 + spread * normal(rng)),
				label
			});
		}
	}
	return points;
}

/** The target of the 'plane' set: (x1 + x2) / 12, which spans [-1, 1] over the plane. */
export function planeValue(x1: number, x2: number): number {
	return clamp((x1 + x2) / (2 * planeExtent), -1, 1);
}

/** Bumps of the 'multi-gauss' set: centre and sign, in a checkerboard of two rows of three. */
const bumps = [
	[-4, 2.5, 1],
	[0, 2.5, -1],
	[4, 2.5, 1],
	[-4, -2.5, -1],
	[0, -2.5, 1],
	[4, -2.5, -1]
] as const;
const bumpWidth = 1.2;

/** The target of the 'multi-gauss' set: a signed sum of Gaussian bumps, clamped to [-1, 1]. */
export function multiGaussValue(x1: number, x2: number): number {
	let sum = 0;
	for (const [cx, cy, sign] of bumps) {
		const d2 = (x1 - cx) ** 2 + (x2 - cy) ** 2;
		sum += sign * Math.exp(-d2 / (2 * bumpWidth * bumpWidth));
	}
	return clamp(sum, -1, 1);
}

function regression(
	rng: Rng,
	count: number,
	noise: number,
	target: (x1: number, x2: number) => number
): DataPoint[] {
	return Array.from({ length: count }, () => {
		const x1 = uniform(rng, -planeExtent, planeExtent);
		const x2 = uniform(rng, -planeExtent, planeExtent);
		// As for classification, noise blurs where the target is read, not where the point is.
		const n1 = x1 + noise * uniform(rng, -planeExtent, planeExtent);
		const n2 = x2 + noise * uniform(rng, -planeExtent, planeExtent);
		return { x1, x2, label: target(n1, n2) };
	});
}

function classCount(kind: DatasetKind, requested: number = blobClassRange.default): number {
	if (kind === 'blobs') {
		return Math.round(clamp(requested, blobClassRange.min, blobClassRange.max));
	}
	return datasetProblem(kind) === 'classification' ? 2 : 1;
}

/**
 * A seeded data set: the same kind and options always give the same points, shuffled and split
 * into train and test by `trainRatio`. Options outside their ranges are clamped to them.
 */
export function generateDataset(kind: DatasetKind, options: DatasetOptions): Dataset {
	const noise = clamp(options.noise, noiseRange.min, noiseRange.max) / 100;
	const trainRatio = clamp(options.trainRatio, trainRatioRange.min, trainRatioRange.max);
	const count = Math.round(clamp(options.points ?? defaultPointCount, 2, maxPointCount));
	const classes = classCount(kind, options.classes);
	// The shuffle has its own stream, so the points drawn never depend on it.
	const rng = createRng(deriveSeed(options.seed, 1));
	const points = sample(kind, rng, count, noise, classes);
	shuffle(points, createRng(deriveSeed(options.seed, 2)));
	const trainCount = Math.round(count * trainRatio);
	return {
		problem: datasetProblem(kind),
		classes,
		train: points.slice(0, trainCount),
		test: points.slice(trainCount)
	};
}

function sample(
	kind: DatasetKind,
	rng: Rng,
	count: number,
	noise: number,
	classes: number
): DataPoint[] {
	switch (kind) {
		case 'circle':
			return circle(rng, count, noise);
		case 'xor':
			return xor(rng, count, noise);
		case 'gauss':
			return gauss(rng, count, noise);
		case 'spiral':
			return spiral(rng, count, noise);
		case 'blobs':
			return blobs(rng, count, noise, classes);
		case 'plane':
			return regression(rng, count, noise, planeValue);
		case 'multi-gauss':
			return regression(rng, count, noise, multiGaussValue);
	}
}
