import { describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { iouParts, nonMaxSuppression, type Box } from './boxes';

const box = (top: number, left: number, bottom: number, right: number): Box => ({
	top,
	left,
	bottom,
	right
});

describe('intersection over union', () => {
	it('gives the known values', () => {
		const a = box(0, 0, 0.4, 0.4);
		expect(iouParts(a, a)).toEqual({
			intersection: expect.closeTo(0.16),
			union: expect.closeTo(0.16),
			iou: 1
		});
		// Shifted by half a side: intersection 0.2×0.4, union 2×0.16 − 0.08.
		const shifted = iouParts(a, box(0, 0.2, 0.4, 0.6));
		expect(shifted.intersection).toBeCloseTo(0.08, 10);
		expect(shifted.union).toBeCloseTo(0.24, 10);
		expect(shifted.iou).toBeCloseTo(1 / 3, 10);
		// One box inside another: IoU is the ratio of the areas.
		expect(iouParts(box(0, 0, 1, 1), box(0.25, 0.25, 0.75, 0.75)).iou).toBeCloseTo(0.25, 10);
		expect(iouParts(a, box(0.5, 0.5, 0.9, 0.9))).toEqual({
			intersection: 0,
			union: expect.closeTo(0.32),
			iou: 0
		});
		// Touching edges do not overlap.
		expect(iouParts(a, box(0.4, 0, 0.8, 0.4)).iou).toBe(0);
	});
});

describe('non-maximum suppression', () => {
	// Three overlapping boxes around one object, two around another, one alone, and weak ones.
	const boxes = [
		box(0.1, 0.1, 0.5, 0.5),
		box(0.12, 0.1, 0.52, 0.5),
		box(0.6, 0.6, 0.9, 0.9),
		box(0.1, 0.15, 0.5, 0.55),
		box(0.62, 0.58, 0.9, 0.88),
		box(0.0, 0.7, 0.2, 0.95),
		box(0.3, 0.3, 0.7, 0.7),
		box(0.05, 0.05, 0.45, 0.45)
	];
	const scores = [0.9, 0.85, 0.8, 0.75, 0.7, 0.6, 0.3, 0.2];

	async function tfNms(maxBoxes: number, iouThreshold: number, scoreThreshold: number) {
		const flat = tf.tensor2d(
			boxes.flatMap((b) => [b.top, b.left, b.bottom, b.right]),
			[boxes.length, 4]
		);
		const kept = tf.image.nonMaxSuppression(
			flat,
			tf.tensor1d(scores),
			maxBoxes,
			iouThreshold,
			scoreThreshold
		);
		const indices = Array.from(await kept.data());
		tf.dispose([flat, kept]);
		return indices;
	}

	it.each([
		[20, 0.5, 0.25],
		[20, 0.3, 0],
		[2, 0.5, 0],
		[20, 0.9, 0.5],
		[20, 0.1, 0.1],
		[1, 0.5, 0.95]
	])(
		'keeps what tf.image.nonMaxSuppression keeps (max %d, IoU %f, score %f)',
		async (maxBoxes, iouThreshold, scoreThreshold) => {
			const ours = nonMaxSuppression(boxes, scores, { maxBoxes, iouThreshold, scoreThreshold });
			expect(ours.kept).toEqual(await tfNms(maxBoxes, iouThreshold, scoreThreshold));
		}
	);

	it('records each suppression with its IoU', () => {
		const trace = nonMaxSuppression(boxes, scores, {
			maxBoxes: 20,
			iouThreshold: 0.5,
			scoreThreshold: 0.25
		});
		expect(trace.candidates).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(trace.kept).toEqual([0, 2, 5, 6]);
		expect(trace.steps[0].suppressed.map((s) => s.index)).toEqual([1, 3]);
		expect(trace.steps[1].suppressed.map((s) => s.index)).toEqual([4]);
		for (const step of trace.steps) {
			for (const { iou } of step.suppressed) expect(iou).toBeGreaterThanOrEqual(0.5);
		}
		const accounted = trace.steps.flatMap((s) => [s.kept, ...s.suppressed.map((x) => x.index)]);
		expect(accounted.sort()).toEqual(trace.candidates.slice().sort());
	});
});
