import { createRng, normal, uniform, type Rng } from '../random';

/** A labelled point of a 2-D classification problem; coordinates live in [-1, 1]. */
export interface LabeledPoint {
	x1: number;
	x2: number;
	label: 0 | 1;
}

/** Training points are learned from; test points only measure how well the model generalises. */
export interface PointSet {
	train: LabeledPoint[];
	test: LabeledPoint[];
}

export const perceptronPresets = ['separable', 'noisy', 'xor'] as const;
export type PerceptronPreset = (typeof perceptronPresets)[number];

export interface PresetSize {
	train: number;
	test: number;
}

const clamp = (value: number) => Math.max(-1, Math.min(1, value));

function blob(rng: Rng, cx: number, cy: number, spread: number, label: 0 | 1): LabeledPoint {
	return { x1: clamp(cx + spread * normal(rng)), x2: clamp(cy + spread * normal(rng)), label };
}

function samplePoint(preset: PerceptronPreset, rng: Rng): LabeledPoint {
	const label: 0 | 1 = rng() < 0.5 ? 0 : 1;
	switch (preset) {
		case 'separable':
			return label === 1 ? blob(rng, 0.45, 0.4, 0.17, 1) : blob(rng, -0.45, -0.35, 0.17, 0);
		case 'noisy': {
			const point = label === 1 ? blob(rng, 0.25, 0.2, 0.3, 1) : blob(rng, -0.25, -0.2, 0.3, 0);
			// One label in ten is wrong, as in real data: no line can classify every point.
			return rng() < 0.1 ? { ...point, label: (1 - point.label) as 0 | 1 } : point;
		}
		case 'xor': {
			const x1 = uniform(rng, 0.12, 0.95) * (rng() < 0.5 ? -1 : 1);
			const x2 = uniform(rng, 0.12, 0.95) * (rng() < 0.5 ? -1 : 1);
			return { x1, x2, label: x1 * x2 > 0 ? 1 : 0 };
		}
	}
}

/** A seeded preset data set: the same preset, seed and size always give the same points. */
export function generatePreset(
	preset: PerceptronPreset,
	seed: number,
	size: PresetSize = { train: 80, test: 40 }
): PointSet {
	const rng = createRng(seed);
	const train = Array.from({ length: size.train }, () => samplePoint(preset, rng));
	const test = Array.from({ length: size.test }, () => samplePoint(preset, rng));
	return { train, test };
}
