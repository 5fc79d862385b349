import type { Box } from './boxes';

/**
 * The default boxes (anchors) of SSDLite MobileNetV2 as trained for COCO by the TensorFlow Object
 * Detection API (ssd_anchor_generator: 6 layers, scales 0.2 to 0.95, aspect ratios 1, 2, 1/2, 3,
 * 0.3333, the lowest layer reduced to 3 boxes). The network predicts, for each of them, four offsets
 * and 90 class scores.
 */
export const ssdLayers = [19, 10, 5, 3, 2, 1] as const;
const minScale = 0.2;
const maxScale = 0.95;
// 0.3333 as in the training config, not 1/3: the graph's own anchors carry that rounding.
const aspectRatios = [1, 2, 0.5, 3, 0.3333];

export interface AnchorShape {
	scale: number;
	aspectRatio: number;
}

function scaleOf(layer: number): number {
	if (layer >= ssdLayers.length) return 1;
	return minScale + ((maxScale - minScale) * layer) / (ssdLayers.length - 1);
}

/** The box shapes centred on every cell of one feature-map layer. */
export function anchorShapes(layer: number): AnchorShape[] {
	const scale = scaleOf(layer);
	if (layer === 0) {
		return [
			{ scale: 0.1, aspectRatio: 1 },
			{ scale, aspectRatio: 2 },
			{ scale, aspectRatio: 0.5 }
		];
	}
	return [
		...aspectRatios.map((aspectRatio) => ({ scale, aspectRatio })),
		{ scale: Math.sqrt(scale * scaleOf(layer + 1)), aspectRatio: 1 }
	];
}

/** One default box: wider than tall when the aspect ratio is above 1. */
export function anchorBox(centerY: number, centerX: number, shape: AnchorShape): Box {
	const root = Math.sqrt(shape.aspectRatio);
	const height = shape.scale / root;
	const width = shape.scale * root;
	return {
		top: centerY - height / 2,
		left: centerX - width / 2,
		bottom: centerY + height / 2,
		right: centerX + width / 2
	};
}

/** The default boxes at one cell of a layer (row and column count from the top left). */
export function anchorsAt(layer: number, row: number, col: number): Box[] {
	const size = ssdLayers[layer];
	const centerY = (row + 0.5) / size;
	const centerX = (col + 0.5) / size;
	return anchorShapes(layer).map((shape) => anchorBox(centerY, centerX, shape));
}

/** Every default box in the network's output order: layer by layer, row-major, shapes innermost. */
export function allAnchors(): Box[] {
	const boxes: Box[] = [];
	ssdLayers.forEach((size, layer) => {
		for (let row = 0; row < size; row++) {
			for (let col = 0; col < size; col++) boxes.push(...anchorsAt(layer, row, col));
		}
	});
	return boxes;
}
