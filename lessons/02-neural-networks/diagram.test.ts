import { describe, expect, it } from 'vitest';
import {
	addLayer,
	diagramEdges,
	diagramLayout,
	diagramMargins,
	edgeStyle,
	featureLabels,
	featureRows,
	nearestEdge,
	removeLayer,
	resizeLayer,
	segmentDistance,
	toggleFeature
} from './diagram';

describe('diagram layout', () => {
	it('fits the columns in the width and centres them vertically', () => {
		const layout = diagramLayout([7, 4, 2, 2], 560);
		expect(layout.columns).toHaveLength(4);
		expect(layout.columns[0] - layout.node / 2).toBeCloseTo(diagramMargins.left);
		expect(layout.columns[3] + layout.node / 2).toBeCloseTo(560 - diagramMargins.right);
		expect(layout.node).toBeLessThanOrEqual(40);
		expect(layout.rows.map((r) => r.length)).toEqual([7, 4, 2, 2]);
		// Same centre for every column.
		const middle = (r: number[]) => (r[0] + r[r.length - 1]) / 2;
		for (const rows of layout.rows) expect(middle(rows)).toBeCloseTo(middle(layout.rows[0]));
		expect(layout.height).toBeGreaterThan(layout.rows[0][6] + layout.node / 2);
	});

	it('shrinks nodes for many columns and tall columns, keeping them apart', () => {
		const big = diagramLayout([7, 16, 16, 16, 16, 16, 16, 16, 16, 8], 560);
		expect(big.node).toBeGreaterThanOrEqual(12);
		expect(big.node).toBeLessThan(big.spacing);
		expect(big.rows[1][1] - big.rows[1][0]).toBeGreaterThan(big.node);
		expect(big.height).toBeLessThanOrEqual(540);
		const narrow = diagramLayout([2, 2], 280);
		expect(narrow.columns[1] + narrow.node / 2).toBeLessThanOrEqual(280);
	});

	it('puts used features on their own rows', () => {
		expect(featureRows(['x1', 'sinX2'])).toEqual([0, 6]);
		expect(Object.keys(featureLabels)).toHaveLength(7);
	});
});

describe('edges', () => {
	const layout = diagramLayout([7, 3, 2], 560);
	const edges = diagramEdges([2, 3, 2], layout, (layer, unit) =>
		layer === 0 ? [1, 4][unit] : unit
	);

	it('joins every unit to every unit of the next layer, with the weight index', () => {
		expect(edges).toHaveLength(2 * 3 + 3 * 2);
		const e = edges.find((edge) => edge.key === '1-2-1')!;
		expect(e.index).toBe(2 * 2 + 1);
		expect(e.x1).toBeCloseTo(layout.columns[1] + layout.node / 2);
		expect(e.y2).toBeCloseTo(layout.rows[2][1]);
		// Feature unit 1 is drawn on row 4.
		expect(edges.find((edge) => edge.key === '0-1-0')!.y1).toBeCloseTo(layout.rows[0][4]);
	});

	it('finds the edge under the pointer', () => {
		const e = edges[3];
		const midX = (e.x1 + e.x2) / 2;
		const midY = (e.y1 + e.y2) / 2;
		expect(nearestEdge(edges, midX, midY + 1)).toBe(3);
		expect(nearestEdge(edges, 0, 0)).toBe(-1);
	});

	it('measures the distance to a segment', () => {
		expect(segmentDistance(5, 3, 0, 0, 10, 0)).toBe(3);
		expect(segmentDistance(-4, 3, 0, 0, 10, 0)).toBe(5);
		expect(segmentDistance(1, 1, 0, 0, 0, 0)).toBeCloseTo(Math.SQRT2);
	});

	it('draws big weights thick and opaque, small ones thin and faint', () => {
		expect(edgeStyle(0)).toEqual({ width: 0.75, opacity: 0.25 });
		expect(edgeStyle(-3)).toEqual({ width: 5, opacity: 1 });
		expect(edgeStyle(100)).toEqual(edgeStyle(3));
		expect(edgeStyle(NaN)).toEqual(edgeStyle(0));
		expect(edgeStyle(1).width).toBeGreaterThan(edgeStyle(0.5).width);
	});
});

describe('editing the network', () => {
	it('adds and removes neurons within 1..16', () => {
		expect(resizeLayer([4, 2], 1, 1)).toEqual([4, 3]);
		expect(resizeLayer([16, 1], 0, 1)).toEqual([16, 1]);
		expect(resizeLayer([16, 1], 1, -1)).toEqual([16, 1]);
	});

	it('adds and removes layers within 0..8', () => {
		expect(addLayer([4, 2])).toEqual([4, 2, 2]);
		expect(addLayer([])).toEqual([4]);
		expect(addLayer([1, 1, 1, 1, 1, 1, 1, 1])).toHaveLength(8);
		expect(removeLayer([4, 2])).toEqual([4]);
		expect(removeLayer([])).toEqual([]);
	});

	it('toggles features in canonical order, never the last one off', () => {
		expect(toggleFeature(['x1', 'x2'], 'sinX1')).toEqual(['x1', 'x2', 'sinX1']);
		expect(toggleFeature(['x2', 'sinX1'], 'x1')).toEqual(['x1', 'x2', 'sinX1']);
		expect(toggleFeature(['x1', 'x2'], 'x1')).toEqual(['x2']);
		expect(toggleFeature(['x2'], 'x2')).toEqual(['x2']);
	});
});
