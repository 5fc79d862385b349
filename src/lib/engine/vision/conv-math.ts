/** 'valid' slides the kernel only where it fits; 'same' pads with zeros so that stride 1 keeps the size. */
export type Padding = 'valid' | 'same';

/** Output length along one axis, as tf.conv2d and tf.maxPool compute it. */
export function outputSize(
	input: number,
	kernel: number,
	stride: number,
	padding: Padding
): number {
	if (padding === 'same') return Math.ceil(input / stride);
	return Math.max(0, Math.floor((input - kernel) / stride) + 1);
}

/** Zeros added before and after along one axis for 'same' (TensorFlow puts the odd one after). */
export function paddingAmounts(
	input: number,
	kernel: number,
	stride: number,
	padding: Padding
): [number, number] {
	if (padding === 'valid') return [0, 0];
	const total = Math.max(
		(outputSize(input, kernel, stride, 'same') - 1) * stride + kernel - input,
		0
	);
	const before = Math.floor(total / 2);
	return [before, total - before];
}

/** A grayscale image, row by row. */
export interface Grid {
	width: number;
	height: number;
	values: Float32Array;
}

/** A square kernel, row by row. */
export interface Kernel {
	size: number;
	values: number[];
}

export interface PatchComputation {
	/** Input values under the kernel (0 where the window hangs over the zero padding). */
	patch: number[];
	products: number[];
	sum: number;
	/** Top-left of the window in input coordinates (negative inside the padding). */
	top: number;
	left: number;
}

/**
 * The multiply-and-add behind one output pixel of a convolution (strictly, a cross-correlation,
 * as in every deep-learning library): what the sliding-window animation shows.
 */
export function computeOutputPixel(
	input: Grid,
	kernel: Kernel,
	row: number,
	col: number,
	stride: number,
	padding: Padding
): PatchComputation {
	const top = row * stride - paddingAmounts(input.height, kernel.size, stride, padding)[0];
	const left = col * stride - paddingAmounts(input.width, kernel.size, stride, padding)[0];
	const patch: number[] = [];
	const products: number[] = [];
	let sum = 0;
	for (let i = 0; i < kernel.size; i++) {
		for (let j = 0; j < kernel.size; j++) {
			const y = top + i;
			const x = left + j;
			const inside = y >= 0 && y < input.height && x >= 0 && x < input.width;
			const value = inside ? input.values[y * input.width + x] : 0;
			const product = value * kernel.values[i * kernel.size + j];
			patch.push(value);
			products.push(product);
			sum += product;
		}
	}
	return { patch, products, sum, top, left };
}

export const kernelPresets = [
	'identity',
	'sobel-x',
	'sobel-y',
	'laplacian',
	'box-blur',
	'gaussian-blur',
	'sharpen',
	'emboss'
] as const;
export type KernelPreset = (typeof kernelPresets)[number];

const third = 1 / 9;
const presets3: Record<KernelPreset, number[]> = {
	identity: [0, 0, 0, 0, 1, 0, 0, 0, 0],
	'sobel-x': [-1, 0, 1, -2, 0, 2, -1, 0, 1],
	'sobel-y': [-1, -2, -1, 0, 0, 0, 1, 2, 1],
	laplacian: [0, 1, 0, 1, -4, 1, 0, 1, 0],
	'box-blur': Array(9).fill(third),
	'gaussian-blur': [1, 2, 1, 2, 4, 2, 1, 2, 1].map((v) => v / 16),
	sharpen: [0, -1, 0, -1, 5, -1, 0, -1, 0],
	emboss: [-2, -1, 0, -1, 1, 1, 0, 1, 2]
};

/** Binomial weights: the 5×5 Gaussian is the outer product of [1, 4, 6, 4, 1] / 16. */
const binomial5 = [1, 4, 6, 4, 1].map((v) => v / 16);

/** A preset at size 3 or 5; 5×5 versions of the blurs are true 5×5 filters, the others are padded. */
export function presetKernel(preset: KernelPreset, size: 3 | 5): Kernel {
	if (size === 3) return { size, values: [...presets3[preset]] };
	if (preset === 'box-blur') return { size, values: Array(25).fill(1 / 25) };
	if (preset === 'gaussian-blur') {
		return { size, values: binomial5.flatMap((a) => binomial5.map((b) => a * b)) };
	}
	return resizeKernel({ size: 3, values: presets3[preset] }, 5);
}

/** Grows (zero border) or shrinks (keeps the centre) a kernel to a new odd size. */
export function resizeKernel(kernel: Kernel, size: number): Kernel {
	const offset = (size - kernel.size) / 2;
	const values: number[] = [];
	for (let i = 0; i < size; i++) {
		for (let j = 0; j < size; j++) {
			const y = i - offset;
			const x = j - offset;
			const inside = y >= 0 && y < kernel.size && x >= 0 && x < kernel.size;
			values.push(inside ? kernel.values[y * kernel.size + x] : 0);
		}
	}
	return { size, values };
}
