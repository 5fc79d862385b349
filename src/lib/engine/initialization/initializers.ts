import * as tfl from '@tensorflow/tfjs-layers';
import { deriveSeed } from '../random';
import { defaultConstant, defaultStd, type InitializerChoice } from './spec';

export * from './spec';

export type Initializer = ReturnType<typeof tfl.initializers.constant>;

/**
 * The standard deviation of a standard normal cut at ±2 (scipy's truncnorm.std(-2, 2)). tfjs's
 * truncated normal keeps the draws within two standard deviations and does not rescale them, so
 * its `heNormal`, `glorotNormal` and `leCunNormal` give only 0.774 of the variance they are named
 * for; across 8 ReLU layers σ ends 0.8796⁸ ≈ 1/2.8 of what it should be (the variance 1/7.8). Keras divides the standard deviation
 * by this constant; so do we, through tfjs's own variance-scaling initialiser.
 */
export const truncatedNormalStd = 0.87962566103423978;

/**
 * A tfjs seed for one layer: tfjs draws from Math.random when the seed is 0, so a derived seed of
 * 0 becomes 1.
 */
export function layerSeed(seed: number, layer: number): number {
	return deriveSeed(seed, layer + 1) || 1;
}

/**
 * tfjs's initialiser for a choice, seeded: the same choice and seed always give the same weights.
 */
export function createInitializer(choice: InitializerChoice, seed: number): Initializer {
	const truncated = (scale: number, mode: 'fanIn' | 'fanAvg') =>
		tfl.initializers.varianceScaling({
			scale: scale / truncatedNormalStd ** 2,
			mode,
			distribution: 'normal',
			seed
		});
	switch (choice.kind) {
		case 'zeros':
			return tfl.initializers.zeros();
		case 'constant':
			return tfl.initializers.constant({ value: choice.value ?? defaultConstant });
		case 'normal':
			return tfl.initializers.randomNormal({ mean: 0, stddev: choice.std ?? defaultStd, seed });
		case 'glorotUniform':
			return tfl.initializers.glorotUniform({ seed });
		// The three truncated normals are tfjs's glorotNormal, heNormal and leCunNormal (variance
		// scaling with scale 1 over the mean fan, 2 over fan-in, 1 over fan-in), rescaled.
		case 'glorotNormal':
			return truncated(1, 'fanAvg');
		case 'heNormal':
			return truncated(2, 'fanIn');
		case 'lecunNormal':
			return truncated(1, 'fanIn');
	}
}
