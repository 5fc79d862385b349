import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import * as tf from '../tf';
import {
	createInitializer,
	initializerKinds,
	layerSeed,
	weightVariance,
	type Initializer,
	type InitializerChoice
} from './initializers';

/** A kernel of 256 inputs and 128 outputs, read back with its mean and variance. */
async function sample(choice: InitializerChoice, seed = 7) {
	const kernel = createInitializer(choice, seed).apply([256, 128]);
	const { mean, variance } = tf.moments(kernel);
	const [values, m, v] = await Promise.all([kernel.data(), mean.data(), variance.data()]);
	tf.dispose([kernel, mean, variance]);
	return { values, mean: m[0], variance: v[0] };
}

describe('initialisers', () => {
	it.each(initializerKinds.filter((kind) => kind !== 'zeros' && kind !== 'constant'))(
		'%s draws weights of mean 0 with the variance its formula says',
		async (kind) => {
			const choice: InitializerChoice = { kind, std: 0.3 };
			const { mean, variance } = await sample(choice);
			const expected = weightVariance(choice, 256, 128);
			// 32768 draws: the sample variance is within about 1% of the true one.
			expect(variance / expected).toBeGreaterThan(0.96);
			expect(variance / expected).toBeLessThan(1.04);
			expect(Math.abs(mean)).toBeLessThan(0.05 * Math.sqrt(expected));
		}
	);

	it("tfjs's own heNormal gives only 0.774 of 2/fan-in: the reason for the rescaling", async () => {
		const kernel = tfl.initializers.heNormal({ seed: 7 }).apply([256, 128]);
		const variance = tf.moments(kernel).variance;
		const ratio = (await variance.data())[0] / (2 / 256);
		tf.dispose([kernel, variance]);
		expect(ratio).toBeGreaterThan(0.75);
		expect(ratio).toBeLessThan(0.8);
	});

	it("across 8 ReLU layers, tfjs's unscaled heNormal leaves σ 2.8 times (the variance 7.8 times) too small", async () => {
		// Same seeds, same draws: the lab's kernels are tfjs's divided by 0.8796. ReLU and zero
		// biases make the network homogeneous, so the gap compounds exactly, layer after layer.
		const x = tf.randomNormal([200, 32], 0, 1, 'float32', 3);
		const stds = async (initializer: (layer: number) => Initializer) => {
			const model = tfl.sequential();
			for (let l = 0; l < 8; l++)
				model.add(
					tfl.layers.dense({
						units: 32,
						activation: 'relu',
						kernelInitializer: initializer(l),
						...(l === 0 ? { inputShape: [32] } : {})
					})
				);
			const out = model.predict(x) as tf.Tensor;
			const std = Math.sqrt((await tf.moments(out).variance.data())[0]);
			tf.dispose(out);
			model.dispose();
			return std;
		};
		const ours = await stds((l) => createInitializer({ kind: 'heNormal' }, layerSeed(5, l)));
		const tfjs = await stds((l) => tfl.initializers.heNormal({ seed: layerSeed(5, l) }));
		x.dispose();
		expect(ours / tfjs).toBeCloseTo(1 / 0.87962566 ** 8, 3);
		expect(ours / tfjs).toBeCloseTo(2.79, 2);
		expect((ours / tfjs) ** 2).toBeCloseTo(7.8, 1);
	});

	it('zeros and constant give exactly their value', async () => {
		expect(new Set((await sample({ kind: 'zeros' })).values)).toEqual(new Set([0]));
		const { values } = await sample({ kind: 'constant', value: 0.25 });
		expect(new Set(values)).toEqual(new Set([0.25]));
	});

	it('repeats a seed and differs with another', async () => {
		for (const kind of ['normal', 'glorotUniform', 'heNormal'] as const) {
			const first = (await sample({ kind }, 11)).values;
			expect((await sample({ kind }, 11)).values).toEqual(first);
			expect((await sample({ kind }, 12)).values).not.toEqual(first);
		}
	});

	it('never hands tfjs the seed 0, which would mean Math.random', () => {
		for (let seed = 0; seed < 50; seed++) {
			for (let layer = 0; layer < 11; layer++) expect(layerSeed(seed, layer)).not.toBe(0);
		}
		expect(layerSeed(3, 0)).not.toBe(layerSeed(3, 1));
	});
});
