export interface PlanePoint {
	x: number;
	y: number;
}

/**
 * Where the decision line w1·x + w2·y + b = 0 crosses the square [-1, 1]², as the two ends of the
 * visible segment; null when the line misses the square or is undefined (w1 = w2 = 0).
 */
export function decisionSegment(
	w1: number,
	w2: number,
	b: number
): [PlanePoint, PlanePoint] | null {
	const hits: PlanePoint[] = [];
	const inside = (v: number) => v >= -1 - 1e-9 && v <= 1 + 1e-9;
	if (w2 !== 0) {
		for (const x of [-1, 1]) {
			const y = -(w1 * x + b) / w2;
			if (inside(y)) hits.push({ x, y });
		}
	}
	if (w1 !== 0) {
		for (const y of [-1, 1]) {
			const x = -(w2 * y + b) / w1;
			if (inside(x)) hits.push({ x, y });
		}
	}
	const distinct = hits.filter(
		(p, i) => hits.findIndex((q) => Math.abs(q.x - p.x) < 1e-9 && Math.abs(q.y - p.y) < 1e-9) === i
	);
	return distinct.length >= 2 ? [distinct[0], distinct[1]] : null;
}

/** The neuron's output at a point: σ(z) for sigmoid, 0 or 1 for step. */
export function neuronOutput(
	weights: { w1: number; w2: number; b: number },
	activation: 'sigmoid' | 'step',
	x: number,
	y: number
): number {
	const z = weights.w1 * x + weights.w2 * y + weights.b;
	return activation === 'step' ? (z > 0 ? 1 : 0) : 1 / (1 + Math.exp(-z));
}
