import { describe, expect, it } from 'vitest';
import * as tfl from '@tensorflow/tfjs-layers';
import * as tf from '../tf';
import {
	computeOutputPixel,
	kernelPresets,
	outputSize,
	paddingAmounts,
	presetKernel,
	resizeKernel,
	type Grid,
	type Padding
} from './conv-math';
import { convolve } from './convolve';

const paddings: Padding[] = ['valid', 'same'];

function randomGrid(width: number, height: number, seed: number): Grid {
	let s = seed;
	const values = Float32Array.from({ length: width * height }, () => {
		s = (s * 16807) % 2147483647;
		return (s % 1000) / 1000;
	});
	return { width, height, values };
}

describe('output size formula', () => {
	it('matches the shape of tf.conv2d for every padding, stride and kernel size', () => {
		for (const size of [5, 6, 7, 28, 31]) {
			for (const kernel of [1, 3, 5]) {
				for (const stride of [1, 2, 3]) {
					for (const padding of paddings) {
						if (padding === 'valid' && kernel > size) continue;
						const shape = tf.tidy(
							() =>
								tf.conv2d(
									tf.zeros<tf.Rank.R4>([1, size, size + 2, 1]),
									tf.zeros<tf.Rank.R4>([kernel, kernel, 1, 1]),
									stride,
									padding
								).shape
						);
						expect([shape[1], shape[2]], `${size} k${kernel} s${stride} ${padding}`).toEqual([
							outputSize(size, kernel, stride, padding),
							outputSize(size + 2, kernel, stride, padding)
						]);
					}
				}
			}
		}
	});

	it('matches tf.maxPool too', () => {
		for (const [size, window, stride] of [
			[28, 2, 2],
			[27, 3, 2],
			[13, 3, 3],
			[10, 2, 1]
		]) {
			const shape = tf.tidy(
				() => tf.maxPool(tf.zeros<tf.Rank.R4>([1, size, size, 1]), window, stride, 'valid').shape
			);
			expect(shape[1]).toBe(outputSize(size, window, stride, 'valid'));
		}
	});

	it('pads like TensorFlow: the odd zero goes after', () => {
		expect(paddingAmounts(28, 3, 1, 'same')).toEqual([1, 1]);
		expect(paddingAmounts(28, 3, 2, 'same')).toEqual([0, 1]);
		expect(paddingAmounts(28, 5, 1, 'same')).toEqual([2, 2]);
		expect(paddingAmounts(28, 5, 1, 'valid')).toEqual([0, 0]);
	});
});

describe('convolution', () => {
	it('computes a 3×3 convolution by hand', async () => {
		// 4×4 input, Sobel x kernel, valid padding, stride 1: a 2×2 output.
		const image: Grid = {
			width: 4,
			height: 4,
			values: Float32Array.from([1, 2, 3, 4, 2, 3, 4, 5, 3, 4, 5, 6, 4, 5, 6, 7])
		};
		const kernel = presetKernel('sobel-x', 3);
		// Each 3×3 window grows by 1 per column: (3-1)·1 + (3-1)·2 + (3-1)·1 = 8 everywhere.
		const { featureMap } = await convolve({
			image,
			kernel,
			stride: 1,
			padding: 'valid',
			pool: null
		});
		expect([featureMap.width, featureMap.height]).toEqual([2, 2]);
		expect([...featureMap.values]).toEqual([8, 8, 8, 8]);
		const identity = await convolve({
			image,
			kernel: presetKernel('identity', 3),
			stride: 1,
			padding: 'same',
			pool: null
		});
		expect([...identity.featureMap.values]).toEqual([...image.values]);
	});

	it('explains every output pixel with the sum tfjs computed, padding and stride included', async () => {
		const image = randomGrid(9, 7, 3);
		for (const padding of paddings) {
			for (const stride of [1, 2, 3]) {
				for (const kernel of [presetKernel('sobel-y', 3), presetKernel('gaussian-blur', 5)]) {
					const { featureMap } = await convolve({ image, kernel, stride, padding, pool: null });
					for (let row = 0; row < featureMap.height; row++) {
						for (let col = 0; col < featureMap.width; col++) {
							const { sum } = computeOutputPixel(image, kernel, row, col, stride, padding);
							expect(sum).toBeCloseTo(featureMap.values[row * featureMap.width + col], 4);
						}
					}
				}
			}
		}
	});

	it('pools the feature map', async () => {
		const image: Grid = {
			width: 4,
			height: 4,
			values: Float32Array.from({ length: 16 }, (_, i) => i)
		};
		const kernel = presetKernel('identity', 3);
		const max = await convolve({
			image,
			kernel,
			stride: 1,
			padding: 'same',
			pool: { type: 'max', size: 2, stride: 2 }
		});
		expect([...max.pooled!.values]).toEqual([5, 7, 13, 15]);
		const avg = await convolve({
			image,
			kernel,
			stride: 1,
			padding: 'same',
			pool: { type: 'avg', size: 2, stride: 2 }
		});
		expect([...avg.pooled!.values]).toEqual([2.5, 4.5, 10.5, 12.5]);
	});
});

describe('kernels', () => {
	it('has every preset at 3×3 and 5×5; the blurs sum to 1', () => {
		for (const preset of kernelPresets) {
			for (const size of [3, 5] as const) {
				const kernel = presetKernel(preset, size);
				expect(kernel.values).toHaveLength(size * size);
				if (preset.endsWith('blur'))
					expect(kernel.values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
			}
		}
	});

	it('grows with a zero border and shrinks to the centre', () => {
		const sharpen = presetKernel('sharpen', 3);
		const big = resizeKernel(sharpen, 5);
		expect(big.values[12]).toBe(5);
		expect(big.values[0]).toBe(0);
		expect(resizeKernel(big, 3)).toEqual(sharpen);
	});
});

describe('the convolution lesson, in numbers', () => {
	it('28 with k = 3, s = 2: 13 outputs valid (the floor), 14 same, one zero after', () => {
		expect(outputSize(28, 3, 2, 'valid')).toBe(13);
		expect(outputSize(28, 3, 2, 'same')).toBe(14);
		expect(paddingAmounts(28, 3, 2, 'same')).toEqual([0, 1]);
		expect(outputSize(28, 3, 1, 'valid')).toBe(26);
		// Pooling 2×2, stride 2, without padding: 26 → 13.
		expect(outputSize(26, 2, 2, 'valid')).toBe(13);
	});

	it('⌊(n + 2p − k)/s⌋ + 1 is valid at p = 0, and same at p = (k − 1)/2 with stride 1', () => {
		const general = (n: number, k: number, s: number, p: number) =>
			Math.floor((n + 2 * p - k) / s) + 1;
		for (const n of [7, 28, 31])
			for (const k of [1, 3, 5]) {
				for (const s of [1, 2, 3]) expect(general(n, k, s, 0)).toBe(outputSize(n, k, s, 'valid'));
				expect(general(n, k, 1, (k - 1) / 2)).toBe(outputSize(n, k, 1, 'same'));
				expect(paddingAmounts(n, k, 1, 'same')).toEqual([(k - 1) / 2, (k - 1) / 2]);
			}
	});

	it('eight 3×3 kernels on a grey 28×28 digit: 80 parameters; a dense layer as wide: 4,245,280', () => {
		const conv = tfl.layers.conv2d({ filters: 8, kernelSize: 3, inputShape: [28, 28, 1] });
		const model = tfl.sequential({ layers: [conv] });
		expect(model.countParams()).toBe(80);
		expect(model.outputs[0].shape).toEqual([null, 26, 26, 8]);
		const dense = tfl.sequential({
			layers: [tfl.layers.dense({ units: 26 * 26 * 8, inputShape: [784] })]
		});
		expect(dense.countParams()).toBe(4_245_280);
		model.dispose();
		dense.dispose();
	});

	it("the next stop's conv 5, pool 2, conv 5, pool 2 sees 16×16 pixels per output", async () => {
		// Ones everywhere and average pooling: an output's gradient reaches exactly the pixels it sees.
		const x = tf.zeros<tf.Rank.R4>([1, 28, 28, 1]);
		const ones = (c: number) => tf.ones<tf.Rank.R4>([5, 5, c, c]);
		const [k1, k2] = [ones(1), ones(1)];
		const grad = tf.grad((input: tf.Tensor) => {
			const a = tf.avgPool(tf.conv2d(input as tf.Tensor4D, k1, 1, 'same'), 2, 2, 'valid');
			const b = tf.avgPool(tf.conv2d(a, k2, 1, 'same'), 2, 2, 'valid');
			return b.slice([0, 3, 3, 0], [1, 1, 1, 1]).sum();
		})(x);
		const seen = await grad.data();
		const rows = new Set<number>();
		const cols = new Set<number>();
		seen.forEach((g, i) => {
			if (g !== 0) {
				rows.add(Math.floor(i / 28));
				cols.add(i % 28);
			}
		});
		tf.dispose([x, k1, k2, grad]);
		expect(rows.size).toBe(16);
		expect(cols.size).toBe(16);
	});
});
