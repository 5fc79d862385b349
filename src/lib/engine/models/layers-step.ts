import type * as tfl from '@tensorflow/tfjs-layers';
import * as tf from '../tf';

/**
 * One optimiser step of a tfjs Layers model on a batch, minimising the softmax cross-entropy of
 * its logits against one-hot labels; returns the batch loss, on the GPU and unread. Call inside
 * `tf.tidy`. The lessons' loops and the benchmark's bare references share it, so both run the
 * same kernels.
 */
export function softmaxStep(
	model: tfl.LayersModel,
	optimizer: tf.Optimizer,
	x: tf.Tensor,
	labels: tf.Tensor
): tf.Scalar {
	const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
	return optimizer.minimize(
		() =>
			tf.losses.softmaxCrossEntropy(
				labels,
				model.apply(x, { training: true }) as tf.Tensor
			) as tf.Scalar,
		true,
		variables
	)!;
}
