import { describe, expect, it } from 'vitest';
import { realDigits } from '../testing/mnist';
import * as tf from '../tf';
import { AugmentationRace, type AugmentPreview, type RaceConfig } from './augmentation-race';

const data = { train: realDigits('train', 64), test: realDigits('test', 24) };
const config: RaceConfig = {
	learningRate: 0.01,
	batchSize: 8,
	seed: 3,
	evalSize: 24,
	trainSize: 32,
	augment: { rotation: 15, shift: 0.1, zoom: 0.1, flip: false, noise: 0.05 }
};

describe('AugmentationRace', () => {
	it('starts both networks from the same weights, then they diverge only through augmentation', async () => {
		const race = new AugmentationRace(config, data);
		const start = await race.evaluate();
		expect(start.snapshot.plain).toEqual(start.snapshot.augmented);
		for (let i = 0; i < 4; i++) race.trainStep();
		const after = await race.evaluate();
		expect(after.snapshot.plain.trainLoss).not.toBe(after.snapshot.augmented.trainLoss);

		const same = new AugmentationRace(
			{ ...config, augment: { rotation: 0, shift: 0, zoom: 0, flip: false, noise: 0 } },
			data
		);
		for (let i = 0; i < 4; i++) same.trainStep();
		const equal = await same.evaluate();
		expect(equal.snapshot.plain).toEqual(equal.snapshot.augmented);
		race.dispose();
		same.dispose();
	}, 60_000);

	it('previews each digit with distorted variants, and leaks nothing', async () => {
		const race = new AugmentationRace(config, data);
		await race.handleRequest('preview', config.augment);
		const before = tf.memory().numTensors;
		const preview = (await race.handleRequest('preview', {
			...config.augment,
			rotation: 40
		})) as AugmentPreview;
		expect(tf.memory().numTensors).toBe(before);
		expect(preview.images.count).toBe(preview.digits * (preview.variants + 1));
		const tile = (i: number) => preview.images.values.slice(i * 784, (i + 1) * 784);
		// Row 0: the first training digit as it is, then variants that differ from it.
		expect(tile(0)).toEqual(Float32Array.from(data.train.images.subarray(0, 784), (v) => v / 255));
		expect(tile(1)).not.toEqual(tile(0));
		race.dispose();
	});
});
