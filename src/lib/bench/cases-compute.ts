/** The convolution lab's bench case: compute, not training. */
import * as tf from '$lib/engine/tf';
import { presetKernel, type Grid } from '$lib/engine/vision/conv-math';
import { convolve, type ConvolveRequest } from '$lib/engine/vision/convolve';
import { toGrayscale } from '$lib/widgets/webcam';
import type { BenchOptions } from './bench-spec';
import type { PreparedCase } from './case-helpers';

/** The lab's photo in grey, at its own size, as the lab's input panel makes it. */
async function photoGrid(url: string): Promise<Grid> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: ${response.status}`);
	const bitmap = await createImageBitmap(await response.blob());
	const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
	const context = canvas.getContext('2d', { willReadFrequently: true })!;
	context.drawImage(bitmap, 0, 0);
	bitmap.close();
	return toGrayscale(context.getImageData(0, 0, canvas.width, canvas.height));
}

/**
 * One step: a 3×3 Sobel-x convolution of the photo (valid padding, stride 1) and a 2×2 max pool,
 * both maps read back, as the lab's worker answers every change of its settings. The reference is
 * the same two ops on the same tensors-to-be, read back the same way, written as bare tfjs.
 */
async function convolution(options: BenchOptions): Promise<PreparedCase> {
	const image = await photoGrid(options.photo!);
	const kernel = presetKernel('sobel-x', 3);
	const request: ConvolveRequest = {
		image,
		kernel,
		stride: 1,
		padding: 'valid',
		pool: { type: 'max', size: 2, stride: 2 }
	};
	return {
		kind: 'compute',
		lesson: async () => void (await convolve(request)),
		reference: async () => {
			const input = tf.tensor4d(image.values, [1, image.height, image.width, 1]);
			const filter = tf.tensor4d(kernel.values, [3, 3, 1, 1]);
			const map = tf.conv2d(input, filter, 1, 'valid');
			const pooled = tf.maxPool(map, 2, 2, 'valid');
			await Promise.all([map.data(), pooled.data()]);
			tf.dispose([input, filter, map, pooled]);
		},
		dispose: () => undefined
	};
}

export const computeCases = { convolution };
