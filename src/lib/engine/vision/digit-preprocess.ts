import type { Grid } from './conv-math';

/**
 * Makes a drawn digit look like an MNIST digit, as the MNIST authors prepared theirs: the ink is
 * scaled to fit a 20×20 box (keeping its aspect ratio), then placed in a 28×28 image with its
 * centre of mass at the centre. Without this a digit drawn small or off to one side is misread.
 */
export function mnistStyle(drawing: Grid, threshold = 0.05): Float32Array {
	const { width, height, values } = drawing;
	let top = height;
	let bottom = -1;
	let left = width;
	let right = -1;
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			if (values[y * width + x] > threshold) {
				top = Math.min(top, y);
				bottom = Math.max(bottom, y);
				left = Math.min(left, x);
				right = Math.max(right, x);
			}
		}
	}
	const out = new Float32Array(28 * 28);
	if (bottom < 0) return out;
	const boxW = right - left + 1;
	const boxH = bottom - top + 1;
	const scale = 20 / Math.max(boxW, boxH);
	const w = Math.max(1, Math.round(boxW * scale));
	const h = Math.max(1, Math.round(boxH * scale));
	// Area-average resampling of the bounding box into w×h.
	const scaled = new Float32Array(w * h);
	for (let y = 0; y < h; y++) {
		for (let x = 0; x < w; x++) {
			const y0 = top + (y / h) * boxH;
			const y1 = top + ((y + 1) / h) * boxH;
			const x0 = left + (x / w) * boxW;
			const x1 = left + ((x + 1) / w) * boxW;
			let sum = 0;
			let area = 0;
			for (let sy = Math.floor(y0); sy < Math.ceil(y1); sy++) {
				for (let sx = Math.floor(x0); sx < Math.ceil(x1); sx++) {
					const cover =
						(Math.min(y1, sy + 1) - Math.max(y0, sy)) * (Math.min(x1, sx + 1) - Math.max(x0, sx));
					sum += values[sy * width + sx] * cover;
					area += cover;
				}
			}
			scaled[y * w + x] = area > 0 ? sum / area : 0;
		}
	}
	let mass = 0;
	let cy = 0;
	let cx = 0;
	scaled.forEach((v, i) => {
		mass += v;
		cy += v * Math.floor(i / w);
		cx += v * (i % w);
	});
	const offsetY = Math.round(14 - cy / mass - 0.5);
	const offsetX = Math.round(14 - cx / mass - 0.5);
	for (let y = 0; y < h; y++) {
		for (let x = 0; x < w; x++) {
			const ty = y + offsetY;
			const tx = x + offsetX;
			if (ty >= 0 && ty < 28 && tx >= 0 && tx < 28)
				out[ty * 28 + tx] = Math.min(1, scaled[y * w + x]);
		}
	}
	return out;
}
