import { normal, uniform, type Rng } from '../random';
import * as tf from '../tf';
import { inverseTransform, type AugmentSettings } from './augment-spec';

export * from './augment-spec';

/**
 * Distorts every image of a batch differently: a random rotation, shift and zoom (one projective
 * transform per image, run by tf.image.transform on the backend), a mirror, and pixel noise. The
 * random draws come from `rng`, so a seeded run repeats.
 */
export function augmentBatch(
	images: tf.Tensor4D,
	settings: AugmentSettings,
	rng: Rng
): tf.Tensor4D {
	const [count, size] = images.shape;
	const geometric =
		settings.rotation > 0 || settings.shift > 0 || settings.zoom > 0 || settings.flip;
	return tf.tidy(() => {
		let out = images;
		if (geometric) {
			const rows: number[] = [];
			for (let i = 0; i < count; i++) {
				const angle = (uniform(rng, -settings.rotation, settings.rotation) * Math.PI) / 180;
				const scale = 1 + uniform(rng, -settings.zoom, settings.zoom);
				const dx = uniform(rng, -settings.shift, settings.shift) * size;
				const dy = uniform(rng, -settings.shift, settings.shift) * size;
				const mirror = settings.flip && rng() < 0.5;
				rows.push(...inverseTransform(size, angle, scale, dx, dy, mirror));
			}
			out = tf.image.transform(out, tf.tensor2d(rows, [count, 8]), 'bilinear', 'constant', 0);
		}
		if (settings.noise > 0) {
			const noise = Float32Array.from({ length: out.size }, () => normal(rng) * settings.noise);
			out = tf.clipByValue(tf.add(out, tf.tensor(noise, out.shape)), 0, 1);
		}
		return out;
	});
}
