import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import * as tf from '../tf';
import { augmentBatch, inverseTransform, noAugmentation } from './augment';

/** A 7×7 image with one bright pixel at (row, col). */
function dot(row: number, col: number): tf.Tensor4D {
	const values = new Float32Array(49);
	values[row * 7 + col] = 1;
	return tf.tensor4d(values, [1, 7, 7, 1]);
}

async function brightest(image: tf.Tensor): Promise<[number, number]> {
	const values = await image.data();
	const at = values.indexOf(Math.max(...values));
	return [Math.floor(at / 7), at % 7];
}

describe('augmentation', () => {
	it('is the identity with every distortion off', async () => {
		const image = dot(2, 5);
		const out = augmentBatch(image, noAugmentation, createRng(1));
		expect(await out.data()).toEqual(await image.data());
		tf.dispose([image, out]);
	});

	it('maps pixels as the transform says: shift, mirror and a quarter turn', async () => {
		const image = dot(1, 3);
		const apply = async (matrix: number[]) => {
			const out = tf.image.transform(image, tf.tensor2d([matrix]), 'nearest', 'constant', 0);
			const position = await brightest(out);
			out.dispose();
			return position;
		};
		expect(await apply(inverseTransform(7, 0, 1, 2, 1, false))).toEqual([2, 5]);
		expect(await apply(inverseTransform(7, 0, 1, 0, 0, true))).toEqual([1, 3]);
		const mirrored = dot(1, 1);
		const out = tf.image.transform(
			mirrored,
			tf.tensor2d([inverseTransform(7, 0, 1, 0, 0, true)]),
			'nearest',
			'constant',
			0
		);
		expect(await brightest(out)).toEqual([1, 5]);
		// A quarter turn about the centre (3, 3) moves the pixel to another quadrant.
		const turned = await apply(inverseTransform(7, Math.PI / 2, 1, 0, 0, false));
		expect(turned).not.toEqual([1, 3]);
		expect(Math.hypot(turned[0] - 3, turned[1] - 3)).toBeCloseTo(Math.hypot(1 - 3, 3 - 3), 5);
		tf.dispose([image, mirrored, out]);
	});

	it('distorts each image of a batch differently, repeatably for a seed, within [0, 1]', async () => {
		const batch = tf.concat([dot(3, 3), dot(3, 3), dot(3, 3)]) as tf.Tensor4D;
		const settings = { rotation: 20, shift: 0.2, zoom: 0.2, flip: true, noise: 0.1 };
		const a = await augmentBatch(batch, settings, createRng(4)).data();
		const b = await augmentBatch(batch, settings, createRng(4)).data();
		const c = await augmentBatch(batch, settings, createRng(5)).data();
		expect(a).toEqual(b);
		expect(a).not.toEqual(c);
		expect(a.slice(0, 49)).not.toEqual(a.slice(49, 98));
		expect(Math.min(...a)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...a)).toBeLessThanOrEqual(1);
		batch.dispose();
	});
});
