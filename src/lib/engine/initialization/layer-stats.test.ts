import { describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { packedLength, packLayerStats, unpackLayerStats } from './layer-stats';

/** Counts of `values` in `bins` equal bins from their smallest to their largest value, on the CPU. */
function cpuHistogram(values: number[], bins: number): number[] {
	const low = Math.min(...values);
	const high = Math.max(...values);
	const counts = new Array<number>(bins).fill(0);
	for (const v of values) {
		counts[Math.min(bins - 1, Math.floor(((v - low) / (high - low)) * bins))]++;
	}
	return counts;
}

async function stats(activations: number[][], gradient: number[][], kernel: number[][], bins = 5) {
	const packed = tf.tidy(() =>
		packLayerStats(
			[
				{
					activations: tf.tensor2d(activations),
					gradient: tf.tensor2d(gradient),
					kernel: tf.tensor2d(kernel)
				}
			],
			bins
		)
	);
	const values = (await packed.data()) as Float32Array;
	packed.dispose();
	expect(values.length).toBe(packedLength(1, bins));
	return unpackLayerStats(values, [activations[0].length], 0, bins)[0];
}

describe('layer stats', () => {
	it('computes mean, spread, zeros, dead units and histograms on the backend', async () => {
		// Three examples of three units; unit 1 is zero on every example: dead.
		const activations = [
			[0, 0, 2],
			[1, 0, 4],
			[0, 0, 3]
		];
		const gradient = [
			[-0.5, 0.25],
			[0.1, 1.5]
		];
		const layer = await stats(activations, gradient, [
			[1, 3],
			[-1, 1]
		]);
		const flat = activations.flat();
		const mean = flat.reduce((s, v) => s + v) / flat.length;
		const std = Math.sqrt(flat.reduce((s, v) => s + (v - mean) ** 2, 0) / flat.length);
		expect(layer.activations.mean).toBeCloseTo(mean, 6);
		expect(layer.activations.std).toBeCloseTo(std, 6);
		expect(layer.activations.zeroFraction).toBeCloseTo(5 / 9, 6);
		expect(layer.activations.deadFraction).toBeCloseTo(1 / 3, 6);
		expect(layer.activations.histogram).toEqual({ low: 0, high: 4, counts: cpuHistogram(flat, 5) });
		expect(layer.activations.histogram.counts).toEqual([5, 1, 1, 1, 1]);
		expect(layer.gradients.histogram.low).toBeCloseTo(-0.5, 6);
		expect(layer.gradients.histogram.high).toBeCloseTo(1.5, 6);
		expect(layer.gradients.histogram.counts).toEqual(cpuHistogram(gradient.flat(), 5));
		expect(layer.gradients.mean).toBeCloseTo(0.3375, 6);
		expect(layer.weights.mean).toBe(1);
		expect(layer.weights.std).toBeCloseTo(Math.sqrt(2), 6);
		expect(layer).toMatchObject({ layer: 1, output: true, units: 3 });
	});

	it('puts equal values in the middle bin of value ± 0.5', async () => {
		const layer = await stats(
			[
				[0.5, 0.5],
				[0.5, 0.5]
			],
			[[0, 0]],
			[[0, 0]],
			4
		);
		expect(layer.activations.histogram).toEqual({ low: 0, high: 1, counts: [0, 0, 4, 0] });
		expect(layer.gradients.histogram).toEqual({ low: -0.5, high: 0.5, counts: [0, 0, 2, 0] });
		expect(layer.activations.std).toBe(0);
		expect(layer.activations.deadFraction).toBe(0);
	});

	it('keeps tiny spreads: gradients of 1e-12 still fill their bins', async () => {
		const layer = await stats([[1, 2]], [[1e-12, 2e-12, 3e-12, 4e-12]], [[0]], 4);
		expect(layer.gradients.histogram.counts).toEqual([1, 1, 1, 1]);
	});

	it('counts each layer in its own histograms', async () => {
		const packed = tf.tidy(() =>
			packLayerStats(
				[1, 2].map((scale) => ({
					activations: tf.tensor2d([[scale, 2 * scale, 3 * scale]]),
					gradient: tf.tensor1d([scale, -scale]),
					kernel: tf.tensor1d([scale])
				})),
				3
			)
		);
		const layers = unpackLayerStats((await packed.data()) as Float32Array, [3, 3], 0, 3);
		packed.dispose();
		expect(layers.map((l) => l.activations.histogram)).toEqual([
			{ low: 1, high: 3, counts: [1, 1, 1] },
			{ low: 2, high: 6, counts: [1, 1, 1] }
		]);
		expect(layers.map((l) => l.gradients.histogram.counts)).toEqual([
			[1, 0, 1],
			[1, 0, 1]
		]);
		expect(layers.map((l) => [l.layer, l.output])).toEqual([
			[1, false],
			[2, true]
		]);
	});

	it('leaves no tensor behind but the packed one', () => {
		const input = tf.tensor2d([[1, 2]]);
		const before = tf.memory().numTensors;
		const packed = tf.tidy(() =>
			packLayerStats([{ activations: input, gradient: input, kernel: input }])
		);
		expect(tf.memory().numTensors).toBe(before + 1);
		tf.dispose([packed, input]);
	});
});
