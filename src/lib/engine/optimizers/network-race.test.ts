import { describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { defaultSettings, optimizerKinds } from './optimizer-spec';
import { networkLearningRates, raceOnNetwork } from './network-race';

describe('the optimisers race on a small network', () => {
	it('every optimiser lowers the loss of the same network from the same start, with nothing leaked', async () => {
		const racers = optimizerKinds.map((kind) => ({
			...defaultSettings(kind),
			learningRate: networkLearningRates[kind]
		}));
		const before = tf.memory().numTensors;
		const curves = await raceOnNetwork({
			data: 'circle',
			hidden: [6],
			epochs: 8,
			batchSize: 10,
			seed: 1,
			racers
		});
		expect(tf.memory().numTensors).toBe(before);
		expect(curves.map((curve) => curve.kind)).toEqual([...optimizerKinds]);
		const start = curves[0].losses[0];
		for (const curve of curves) {
			expect(curve.losses).toHaveLength(9);
			// Same network, same initial weights: the same loss before training.
			expect(curve.losses[0]).toBeCloseTo(start, 5);
			expect(curve.losses[8], curve.kind).toBeLessThan(start);
		}
		// Minibatches take 25 steps an epoch where full-batch GD takes one: SGD is further along.
		const byKind = Object.fromEntries(curves.map((curve) => [curve.kind, curve.losses[8]]));
		expect(byKind.sgd).toBeLessThan(byKind.gd);
	});
});
