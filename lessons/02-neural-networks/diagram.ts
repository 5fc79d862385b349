/**
 * Geometry of the network diagram, kept apart from the component so it can be tested: where each
 * neuron sits, which edges there are, how an edge is drawn, and which edge the pointer is on.
 */
import { featureNames, type FeatureName } from '$lib/engine/playground/spec';

/** How the features read on the page: plain maths, the same in every language. */
export const featureLabels: Record<FeatureName, string> = {
	x1: 'x₁',
	x2: 'x₂',
	x1Squared: 'x₁²',
	x2Squared: 'x₂²',
	x1TimesX2: 'x₁x₂',
	sinX1: 'sin(x₁)',
	sinX2: 'sin(x₂)'
};

export interface DiagramLayout {
	width: number;
	height: number;
	/** Side of a neuron's square. */
	node: number;
	/** Distance between the centres of two columns. */
	spacing: number;
	/** Centre x of each column: the features, each hidden layer, the outputs. */
	columns: number[];
	/** Centre y of each drawn node, per column (all the features are drawn, used or not). */
	rows: number[][];
}

export const diagramMargins = { left: 78, right: 46, top: 8, bottom: 8 } as const;
const minNode = 16;
const maxNode = 40;
/** The tallest column (16 neurons) fits in this height. */
const maxColumnHeight = 520;

/**
 * Lays out columns of `counts[c]` nodes across `width` px: nodes shrink as columns are added, and
 * as a column grows past what `maxColumnHeight` holds. Columns are centred vertically.
 */
export function diagramLayout(counts: readonly number[], width: number): DiagramLayout {
	const { left, right, top, bottom } = diagramMargins;
	const gaps = Math.max(1, counts.length - 1);
	const span = Math.max(0, width - left - right);
	let node = Math.max(minNode, Math.min(maxNode, (span / gaps) * 0.45));
	const tallest = Math.max(1, ...counts);
	const rowStep = Math.min(node * 1.3, maxColumnHeight / tallest);
	node = Math.max(minNode * 0.75, Math.min(node, rowStep / 1.15));
	const spacing = counts.length > 1 ? (span - node) / gaps : 0;
	const columns = counts.map((_, c) => left + node / 2 + c * spacing);
	const inner = tallest * rowStep;
	const rows = counts.map((count) => {
		const offset = top + (inner - count * rowStep) / 2 + rowStep / 2;
		return Array.from({ length: count }, (_, i) => offset + i * rowStep);
	});
	return { width, height: top + inner + bottom, node, spacing, columns, rows };
}

/** Which drawn row each used feature (network unit of layer 0) sits on. */
export function featureRows(features: readonly FeatureName[]): number[] {
	return features.map((name) => featureNames.indexOf(name));
}

export interface Edge {
	/** Stable across redraws: `layer-from-to`. */
	key: string;
	/** The layer the edge leaves (0 = features). */
	layer: number;
	from: number;
	to: number;
	/** Index into the snapshot's weights[layer]. */
	index: number;
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

/**
 * Every edge of a network with layer `sizes` (features, hidden layers, outputs), from the right
 * edge of one node to the left edge of the next. `rowOf` maps a unit to its drawn row.
 */
export function diagramEdges(
	sizes: readonly number[],
	layout: DiagramLayout,
	rowOf: (layer: number, unit: number) => number = (_, unit) => unit
): Edge[] {
	const edges: Edge[] = [];
	const half = layout.node / 2;
	for (let l = 0; l + 1 < sizes.length; l++) {
		for (let i = 0; i < sizes[l]; i++) {
			for (let j = 0; j < sizes[l + 1]; j++) {
				edges.push({
					key: `${l}-${i}-${j}`,
					layer: l,
					from: i,
					to: j,
					index: i * sizes[l + 1] + j,
					x1: layout.columns[l] + half,
					y1: layout.rows[l][rowOf(l, i)],
					x2: layout.columns[l + 1] - half,
					y2: layout.rows[l + 1][rowOf(l + 1, j)]
				});
			}
		}
	}
	return edges;
}

/**
 * How an edge is drawn: stroke width grows with |w| from 0.75 px to 5 px at |w| = 3, and the
 * opacity from 0.25 to 1 at |w| = 2, so that small weights fade into the background.
 */
export function edgeStyle(weight: number): { width: number; opacity: number } {
	const size = Number.isFinite(weight) ? Math.abs(weight) : 0;
	return {
		width: 0.75 + (Math.min(size, 3) / 3) * 4.25,
		opacity: 0.25 + (Math.min(size, 2) / 2) * 0.75
	};
}

/** Distance from (x, y) to the segment from (x1, y1) to (x2, y2). */
export function segmentDistance(
	x: number,
	y: number,
	x1: number,
	y1: number,
	x2: number,
	y2: number
): number {
	const dx = x2 - x1;
	const dy = y2 - y1;
	const length2 = dx * dx + dy * dy;
	const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / length2));
	return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

/** The index of the edge nearest (x, y) within `reach` px, or -1: thin lines are easy to hover. */
export function nearestEdge(edges: readonly Edge[], x: number, y: number, reach = 6): number {
	let best = -1;
	let bestDistance = reach;
	edges.forEach((e, i) => {
		const d = segmentDistance(x, y, e.x1, e.y1, e.x2, e.y2);
		if (d <= bestDistance) {
			best = i;
			bestDistance = d;
		}
	});
	return best;
}

/** Hidden layer sizes after a "+" or "−" on layer `layer`, or on the number of layers. */
export function resizeLayer(hidden: readonly number[], layer: number, delta: 1 | -1, max = 16) {
	return hidden.map((n, l) => (l === layer ? Math.max(1, Math.min(max, n + delta)) : n));
}

export function addLayer(hidden: readonly number[], maxLayers = 8): number[] {
	if (hidden.length >= maxLayers) return [...hidden];
	return [...hidden, hidden.at(-1) ?? 4];
}

export function removeLayer(hidden: readonly number[]): number[] {
	return hidden.slice(0, -1);
}

/** The features after clicking `name`: on or off, in canonical order; the last one stays on. */
export function toggleFeature(features: readonly FeatureName[], name: FeatureName): FeatureName[] {
	const on = features.includes(name);
	if (on && features.length === 1) return [...features];
	return featureNames.filter((f) => (f === name ? !on : features.includes(f)));
}
