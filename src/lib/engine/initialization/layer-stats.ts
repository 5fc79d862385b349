import * as tf from '../tf';
import { histogramBins, type Histogram, type LayerStats, type ValueStats } from './spec';

/** What one dense layer gives the stats: tensors on the backend, none of them read. */
export interface LayerTensors {
	/** The layer's outputs on the probe batch, [examples, units]. */
	activations: tf.Tensor2D;
	/** ∂loss/∂kernel, the kernel's shape. */
	gradient: tf.Tensor;
	kernel: tf.Tensor;
}

/** Numbers per layer before the histograms: activations 6, gradients 4, weights 2. */
const scalarsPerLayer = 12;

/**
 * Smallest and largest value, widened to value ± 0.5 when they are (nearly) equal, so that a
 * histogram always has a range; the bin of each value, `offset` added, as int32.
 */
function binned(
	values: tf.Tensor1D,
	offset: number,
	bins: number
): { low: tf.Scalar; high: tf.Scalar; bin: tf.Tensor1D } {
	const min = tf.min(values);
	const max = tf.max(values);
	const span = tf.sub(max, min);
	const flat = tf.lessEqual(span, tf.mul(tf.maximum(tf.abs(min), tf.abs(max)), 1e-6));
	const low = tf.where(flat, tf.sub(min, 0.5), min) as tf.Scalar;
	const high = tf.where(flat, tf.add(max, 0.5), max) as tf.Scalar;
	const scaled = tf.floor(tf.mul(tf.div(tf.sub(values, low), tf.sub(high, low)), bins));
	// A diverged step leaves NaNs, which WebGL casts to a negative bin that bincount rejects:
	// they are counted in the first bin, and the session stops training on the non-finite loss.
	const finite = tf.where(tf.isNaN(scaled), tf.zerosLike(scaled), scaled);
	const bin = tf.add(tf.clipByValue(finite, 0, bins - 1), offset).toInt() as tf.Tensor1D;
	return { low, high, bin };
}

function meanAndStd(values: tf.Tensor1D): [tf.Scalar, tf.Scalar] {
	const { mean, variance } = tf.moments(values);
	return [mean as tf.Scalar, tf.sqrt(variance) as tf.Scalar];
}

/**
 * Every layer's statistics as one flat tensor, for one read: per layer (in order) the mean,
 * standard deviation, histogram range, share of zeros and share of dead units of its activations,
 * the mean, standard deviation and histogram range of its kernel gradient, the mean and standard
 * deviation of its kernel; then the histogram counts, `bins` per histogram, activations and
 * gradients of layer 1 first. Call inside `tf.tidy`.
 */
export function packLayerStats(layers: LayerTensors[], bins = histogramBins): tf.Tensor1D {
	const scalars: tf.Tensor[] = [];
	const allBins: tf.Tensor1D[] = [];
	layers.forEach(({ activations, gradient, kernel }, l) => {
		const a = activations.flatten();
		const g = gradient.flatten();
		const w = kernel.flatten();
		const aBins = binned(a, 2 * l * bins, bins);
		const gBins = binned(g, (2 * l + 1) * bins, bins);
		allBins.push(aBins.bin, gBins.bin);
		const zero = tf.equal(activations, 0);
		const zeroFraction = tf.mean(zero.toFloat());
		const deadFraction = tf.mean(tf.all(zero, 0).toFloat());
		scalars.push(
			...meanAndStd(a),
			aBins.low,
			aBins.high,
			zeroFraction,
			deadFraction,
			...meanAndStd(g),
			gBins.low,
			gBins.high,
			...meanAndStd(w)
		);
	});
	const counts = tf.bincount(
		tf.concat(allBins),
		tf.tensor1d([], 'float32'),
		2 * layers.length * bins
	);
	return tf.concat([tf.stack(scalars.map((s) => s.reshape([]))).toFloat(), counts]) as tf.Tensor1D;
}

/** How many numbers `packLayerStats` gives for `layers` layers. */
export function packedLength(layers: number, bins = histogramBins): number {
	return layers * (scalarsPerLayer + 2 * bins);
}

/**
 * Reads what `packLayerStats` packed, from `at` in `values`, for layers of `units` units each
 * (the last one the output layer).
 */
export function unpackLayerStats(
	values: Float32Array,
	units: number[],
	at = 0,
	bins = histogramBins
): LayerStats[] {
	const countsAt = at + units.length * scalarsPerLayer;
	const histogram = (h: number, low: number, high: number): Histogram => ({
		low,
		high,
		counts: Array.from(values.subarray(countsAt + h * bins, countsAt + (h + 1) * bins))
	});
	return units.map((count, l) => {
		const s = values.subarray(at + l * scalarsPerLayer, at + (l + 1) * scalarsPerLayer);
		const gradients: ValueStats = {
			mean: s[6],
			std: s[7],
			histogram: histogram(2 * l + 1, s[8], s[9])
		};
		return {
			layer: l + 1,
			output: l === units.length - 1,
			units: count,
			activations: {
				mean: s[0],
				std: s[1],
				histogram: histogram(2 * l, s[2], s[3]),
				zeroFraction: s[4],
				deadFraction: s[5]
			},
			gradients,
			weights: { mean: s[10], std: s[11] }
		};
	});
}
