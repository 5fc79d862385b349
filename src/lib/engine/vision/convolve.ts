import * as tf from '../tf';
import { outputSize, type Grid, type Kernel, type Padding } from './conv-math';

export type PoolType = 'max' | 'avg';

export interface ConvolveRequest {
	image: Grid;
	kernel: Kernel;
	stride: number;
	padding: Padding;
	pool: { type: PoolType; size: number; stride: number } | null;
}

export interface ConvolveResult {
	featureMap: Grid;
	pooled: Grid | null;
	/** Milliseconds from the request to the numbers being back on the CPU. */
	milliseconds: number;
}

/** One convolution (and optional pooling) on the current tfjs backend, read back with await data(). */
export async function convolve(request: ConvolveRequest): Promise<ConvolveResult> {
	const started = performance.now();
	const { image, kernel, stride, padding, pool } = request;
	const map = tf.tidy(() => {
		const input = tf.tensor4d(image.values, [1, image.height, image.width, 1]);
		const filter = tf.tensor4d(kernel.values, [kernel.size, kernel.size, 1, 1]);
		return tf.conv2d(input, filter, stride, padding);
	});
	const poolFn = pool?.type === 'max' ? tf.maxPool : tf.avgPool;
	const pooled = pool ? poolFn(map, pool.size, pool.stride, 'valid') : null;
	const [mapValues, pooledValues] = await Promise.all([map.data(), pooled?.data()]);
	const grid = (tensor: tf.Tensor, values: Float32Array | Int32Array | Uint8Array): Grid => ({
		height: tensor.shape[1]!,
		width: tensor.shape[2]!,
		values: Float32Array.from(values)
	});
	const result = {
		featureMap: grid(map, mapValues),
		pooled: pooled && pooledValues ? grid(pooled, pooledValues) : null,
		milliseconds: performance.now() - started
	};
	tf.dispose([map, pooled].filter((t): t is tf.Tensor4D => t !== null));
	return result;
}

/** The shape the convolution will have, without computing it: for the formula on the page. */
export function expectedShape(image: Grid, kernel: Kernel, stride: number, padding: Padding) {
	return {
		height: outputSize(image.height, kernel.size, stride, padding),
		width: outputSize(image.width, kernel.size, stride, padding)
	};
}
