/** A box in normalised image coordinates (0 to 1), y before x as TensorFlow's detectors give them. */
export interface Box {
	top: number;
	left: number;
	bottom: number;
	right: number;
}

export function boxArea(box: Box): number {
	return Math.max(0, box.bottom - box.top) * Math.max(0, box.right - box.left);
}

/** The overlap of two boxes, or null when they do not overlap. */
export function intersection(a: Box, b: Box): Box | null {
	const box = {
		top: Math.max(a.top, b.top),
		left: Math.max(a.left, b.left),
		bottom: Math.min(a.bottom, b.bottom),
		right: Math.min(a.right, b.right)
	};
	return box.bottom > box.top && box.right > box.left ? box : null;
}

/** Intersection over union, with its parts: 0 for disjoint boxes, 1 for identical ones. */
export function iouParts(a: Box, b: Box): { intersection: number; union: number; iou: number } {
	const overlap = intersection(a, b);
	const inter = overlap ? boxArea(overlap) : 0;
	const union = boxArea(a) + boxArea(b) - inter;
	return { intersection: inter, union, iou: union > 0 ? inter / union : 0 };
}

export const iou = (a: Box, b: Box): number => iouParts(a, b).iou;

/** Reads box i of a flat [n, 4] array of (top, left, bottom, right) rows. */
export function boxAt(flat: ArrayLike<number>, i: number): Box {
	return {
		top: flat[i * 4],
		left: flat[i * 4 + 1],
		bottom: flat[i * 4 + 2],
		right: flat[i * 4 + 3]
	};
}

export interface NmsOptions {
	maxBoxes: number;
	/** A candidate overlapping a kept box by at least this IoU is dropped. */
	iouThreshold: number;
	/** Candidates must score above this. */
	scoreThreshold: number;
}

/** One round of greedy NMS: the best remaining box is kept and the boxes it overlaps are dropped. */
export interface NmsStep {
	kept: number;
	suppressed: { index: number; iou: number }[];
}

export interface NmsTrace {
	/** Indices scoring above the threshold, best first: what NMS starts from. */
	candidates: number[];
	steps: NmsStep[];
	/** The kept indices in the order they were kept (as tf.image.nonMaxSuppression returns them). */
	kept: number[];
}

/**
 * Greedy non-maximum suppression, every decision recorded so a lesson can replay it. Keeps the
 * same boxes in the same order as tf.image.nonMaxSuppression (the unit tests hold it to that).
 */
export function nonMaxSuppression(
	boxes: Box[],
	scores: ArrayLike<number>,
	options: NmsOptions
): NmsTrace {
	const candidates = boxes
		.map((_, index) => index)
		.filter((index) => scores[index] > options.scoreThreshold)
		.sort((a, b) => scores[b] - scores[a] || a - b);
	const remaining = new Set(candidates);
	const steps: NmsStep[] = [];
	for (const index of candidates) {
		if (steps.length >= options.maxBoxes) break;
		if (!remaining.has(index)) continue;
		remaining.delete(index);
		const suppressed: NmsStep['suppressed'] = [];
		for (const other of remaining) {
			const overlap = iou(boxes[index], boxes[other]);
			if (overlap >= options.iouThreshold) suppressed.push({ index: other, iou: overlap });
		}
		for (const { index: other } of suppressed) remaining.delete(other);
		steps.push({ kept: index, suppressed });
	}
	return { candidates, steps, kept: steps.map((step) => step.kept) };
}
