/**
 * The surfaces of surfaces.ts as tfjs functions, so that tf.train's optimisers minimise them with
 * automatic differentiation, as they would a network's loss.
 */
import * as tf from '../tf';
import type { SurfaceId } from './surfaces';

type Elementwise = (x: tf.Tensor, y: tf.Tensor) => tf.Tensor;

const ops: Record<SurfaceId, Elementwise> = {
	rosenbrock: (x, y) => tf.sub(1, x).square().add(y.sub(x.square()).square().mul(100)),
	beale: (x, y) => {
		const term = (c: number, yPower: tf.Tensor) => tf.add(c, x.mul(yPower.sub(1))).square();
		const y2 = y.square();
		return term(1.5, y)
			.add(term(2.25, y2))
			.add(term(2.625, y2.mul(y)));
	},
	saddle: (x, y) => {
		const y2 = y.square();
		return x.square().sub(y2).add(y2.square().mul(0.25));
	},
	noisyQuadratic: (x, y) => x.square().mul(0.5).add(y.square().mul(5))
};

/** f at every pair (x[i], y[i]), without noise: evaluates a whole trajectory in one go. */
export function surfaceValue(id: SurfaceId, x: tf.Tensor, y: tf.Tensor): tf.Tensor {
	return tf.tidy(() => ops[id](x, y));
}

/**
 * The loss an optimiser minimises at the point `position` = [x, y] (a variable of 2 elements):
 * f(x, y), plus ξ · [x, y] when a noise vector ξ (σ·n, n drawn from a seeded normal stream, see
 * SurfaceRace) is given. That term is linear, so autodiff sees ∇f + ξ: the noisy gradient a
 * minibatch would give, with the loss's value off by no more than the term itself.
 */
export function surfaceLoss(
	id: SurfaceId,
	position: tf.Tensor1D,
	noise: tf.Tensor1D | null = null
): tf.Scalar {
	return tf.tidy(() => {
		const [x, y] = tf.unstack(position);
		const value = ops[id](x, y) as tf.Scalar;
		return noise ? value.add(tf.dot(noise, position)) : value;
	});
}
