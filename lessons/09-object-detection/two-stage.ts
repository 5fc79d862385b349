import type { Box } from '$lib/engine/detection/boxes';

/**
 * The geometry of a two-stage detector's middle step, on the lab's own picture: each proposal is
 * cut out as a region of interest (RoI) and resampled to a fixed grid. RoI pooling (Fast R-CNN)
 * first rounds the RoI to the cells of a feature map; RoIAlign (Mask R-CNN) keeps it exact and
 * samples by bilinear interpolation.
 */

/** The grid every RoI is resampled to, whatever its size (Fast R-CNN's 7×7). */
export const roiBins = 7;
/** A backbone's feature-map stride in input pixels, and the detector's input size (SSD's 300). */
export const featureStride = 16;
export const networkInput = 300;

/** RGB pixels, row by row, 3 bytes each (an ImageData without its alpha). */
export interface RgbImage {
	width: number;
	height: number;
	data: Uint8ClampedArray;
}

/**
 * The RoI as RoI pooling sees it: each edge rounded to the nearest feature-map cell of a
 * `stride`-pixel grid on the `input`-pixel network input (Fast R-CNN rounds), at least one cell
 * wide. `shift` is the largest distance an edge moved, in input pixels.
 */
export function snapToFeatureGrid(
	box: Box,
	input = networkInput,
	stride = featureStride
): { box: Box; shift: number } {
	const cells = input / stride;
	const snap = (v: number) => Math.min(cells, Math.max(0, Math.round(v * cells)));
	const [top, left] = [snap(box.top), snap(box.left)];
	// At least one cell across, however small the RoI.
	const bottom = Math.max(snap(box.bottom), Math.min(cells, top + 1));
	const right = Math.max(snap(box.right), Math.min(cells, left + 1));
	const snapped = {
		top: top / cells,
		left: left / cells,
		bottom: bottom / cells,
		right: right / cells
	};
	const shift =
		Math.max(
			Math.abs(snapped.top - box.top),
			Math.abs(snapped.left - box.left),
			Math.abs(snapped.bottom - box.bottom),
			Math.abs(snapped.right - box.right)
		) * input;
	return { box: snapped, shift };
}

/** Bilinear interpolation of channel `c` at (x, y) in pixel units, pixel centres at .5. */
function bilinear(image: RgbImage, x: number, y: number, c: number): number {
	const fx = Math.min(image.width - 1, Math.max(0, x - 0.5));
	const fy = Math.min(image.height - 1, Math.max(0, y - 0.5));
	const x0 = Math.floor(fx);
	const y0 = Math.floor(fy);
	const x1 = Math.min(image.width - 1, x0 + 1);
	const y1 = Math.min(image.height - 1, y0 + 1);
	const at = (px: number, py: number) => image.data[(py * image.width + px) * 3 + c];
	const tx = fx - x0;
	const ty = fy - y0;
	const upper = at(x0, y0) * (1 - tx) + at(x1, y0) * tx;
	const lower = at(x0, y1) * (1 - tx) + at(x1, y1) * tx;
	return upper * (1 - ty) + lower * ty;
}

/**
 * RoIAlign: the box (fractions of the image) split into `bins`×`bins` exact cells, each the
 * average of `samples`×`samples` bilinear samples at regular points. RGB, row by row.
 */
export function roiAlign(image: RgbImage, box: Box, bins = roiBins, samples = 2): Float32Array {
	const out = new Float32Array(bins * bins * 3);
	const binW = ((box.right - box.left) * image.width) / bins;
	const binH = ((box.bottom - box.top) * image.height) / bins;
	for (let r = 0; r < bins; r++) {
		for (let q = 0; q < bins; q++) {
			for (let c = 0; c < 3; c++) {
				let sum = 0;
				for (let i = 0; i < samples; i++) {
					for (let j = 0; j < samples; j++) {
						const y = box.top * image.height + (r + (i + 0.5) / samples) * binH;
						const x = box.left * image.width + (q + (j + 0.5) / samples) * binW;
						sum += bilinear(image, x, y, c);
					}
				}
				out[(r * bins + q) * 3 + c] = sum / (samples * samples);
			}
		}
	}
	return out;
}

/**
 * RoI pooling: the box snapped to the feature grid (snapToFeatureGrid), then split into
 * `bins`×`bins` cells whose edges are rounded to whole pixels, each the maximum of its pixels.
 */
export function roiPool(image: RgbImage, box: Box, bins = roiBins): Float32Array {
	const snapped = snapToFeatureGrid(box).box;
	const out = new Float32Array(bins * bins * 3);
	const edges = (from: number, to: number, size: number) =>
		Array.from({ length: bins + 1 }, (_, k) =>
			Math.round((from + ((to - from) * k) / bins) * size)
		);
	const ys = edges(snapped.top, snapped.bottom, image.height);
	const xs = edges(snapped.left, snapped.right, image.width);
	for (let r = 0; r < bins; r++) {
		for (let q = 0; q < bins; q++) {
			const y0 = Math.min(ys[r], image.height - 1);
			const x0 = Math.min(xs[q], image.width - 1);
			const y1 = Math.max(y0 + 1, Math.min(ys[r + 1], image.height));
			const x1 = Math.max(x0 + 1, Math.min(xs[q + 1], image.width));
			for (let c = 0; c < 3; c++) {
				let best = 0;
				for (let y = y0; y < y1; y++)
					for (let x = x0; x < x1; x++)
						best = Math.max(best, image.data[(y * image.width + x) * 3 + c]);
				out[(r * bins + q) * 3 + c] = best;
			}
		}
	}
	return out;
}
