import { describe, expect, it } from 'vitest';
import { cocoSsdWeight } from '../testing/coco-ssd';
import { allAnchors, anchorShapes, ssdLayers } from './ssd-anchors';

describe('SSD default boxes', () => {
	it('number 1917: 19²×3 on the lowest layer, 6 per cell above', () => {
		expect(anchorShapes(0)).toHaveLength(3);
		for (let layer = 1; layer < ssdLayers.length; layer++)
			expect(anchorShapes(layer)).toHaveLength(6);
		expect(allAnchors()).toHaveLength(19 * 19 * 3 + (10 ** 2 + 5 ** 2 + 3 ** 2 + 2 ** 2 + 1) * 6);
	});

	it("equal the anchors baked into the COCO-SSD graph, in the network's order", () => {
		const graph = cocoSsdWeight('Postprocessor/ExpandDims');
		const ours = allAnchors();
		expect(graph.length).toBe(ours.length * 4);
		let worst = 0;
		ours.forEach((box, i) => {
			const corners = [box.top, box.left, box.bottom, box.right];
			corners.forEach((value, j) => (worst = Math.max(worst, Math.abs(value - graph[i * 4 + j]))));
		});
		expect(worst).toBeLessThan(1e-5);
	});
});
