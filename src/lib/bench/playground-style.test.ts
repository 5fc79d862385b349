import { describe, expect, it } from 'vitest';
import { generateDataset } from '$lib/engine/playground/datasets';
import {
	applyDerivatives,
	backpropagate,
	buildLayers,
	PlaygroundStyleTrainer,
	propagate,
	squareError,
	type PlaygroundStyleConfig
} from './playground-style';
import { createRng } from '$lib/engine/random';

const circle = generateDataset('circle', { seed: 1, noise: 0, trainRatio: 0.5 });
/** TensorFlow Playground's default network. */
const defaults: PlaygroundStyleConfig = {
	features: ['x1', 'x2'],
	hidden: [4, 2],
	activation: 'tanh',
	learningRate: 0.03,
	batchSize: 10,
	seed: 1
};

describe('the playground-style reference engine', () => {
	it("learns the circle with TensorFlow Playground's default network", () => {
		const trainer = new PlaygroundStyleTrainer(defaults, circle);
		const before = trainer.loss('train');
		// An untrained tanh output near 0 against ±1 targets: a loss near ½.
		expect(before).toBeGreaterThan(0.3);
		for (let e = 0; e < 300; e++) trainer.trainEpoch(e % 50 === 49);
		expect(trainer.epoch).toBe(300);
		expect(trainer.lossTrain).toBeLessThan(before * 0.3);
		expect(trainer.lossTest).toBeLessThan(before * 0.3);
		expect(trainer.accuracy('train')).toBeGreaterThan(0.9);
		expect(trainer.accuracy('test')).toBeGreaterThan(0.9);
	});

	it('learns the circle with ReLU one point at a time', () => {
		const trainer = new PlaygroundStyleTrainer(
			{ ...defaults, activation: 'relu', batchSize: 1 },
			circle
		);
		const before = trainer.loss('train');
		for (let e = 0; e < 100; e++) trainer.trainEpoch(false);
		expect(trainer.loss('train')).toBeLessThan(before * 0.3);
		expect(trainer.accuracy('test')).toBeGreaterThan(0.9);
	});

	it('back-propagates the derivative of the square error', () => {
		// Finite differences on every weight and bias of a small tanh network, one sample.
		const layers = buildLayers([3, 4, 2, 1], 'tanh', 'tanh', createRng(5));
		const input = [0.3, -1.2, 0.8];
		const target = -1;
		const error = () => squareError.error(propagate(layers, input), target);
		propagate(layers, input);
		backpropagate(layers, target);
		const h = 1e-6;
		for (const layer of layers.slice(1)) {
			for (const neuron of layer) {
				neuron.bias += h;
				const up = error();
				neuron.bias -= 2 * h;
				const down = error();
				neuron.bias += h;
				expect(neuron.accInputDer).toBeCloseTo((up - down) / (2 * h), 6);
				for (const link of neuron.incoming) {
					link.weight += h;
					const wUp = error();
					link.weight -= 2 * h;
					const wDown = error();
					link.weight += h;
					expect(link.accErrorDer).toBeCloseTo((wUp - wDown) / (2 * h), 6);
				}
			}
		}
		// One update with learning rate 0.1 moves the error down and clears the accumulators.
		const start = error();
		applyDerivatives(layers, 0.1);
		expect(error()).toBeLessThan(start);
		expect(layers[1][0].numAccumulatedDers).toBe(0);
		expect(layers[3][0].incoming[0].accErrorDer).toBe(0);
	});
});
