import { describe, expect, it } from 'vitest';
import { generateDataset } from './datasets';
import { PlaygroundNetwork } from './network-model';
import {
	activations,
	defaultNetwork,
	gridSize,
	networkConfigFor,
	type Dataset,
	type NetworkConfig
} from './spec';

function configFor(data: Dataset, extra: Partial<NetworkConfig> = {}): NetworkConfig {
	return { ...networkConfigFor(data, defaultNetwork), ...extra };
}

async function train(network: PlaygroundNetwork, epochs: number) {
	for (let i = 0; i < epochs; i++) network.trainStep();
	await network.sync();
	return network.evaluate();
}

const circle = generateDataset('circle', { seed: 2, noise: 0, trainRatio: 0.5 });

describe('PlaygroundNetwork (CPU engine)', () => {
	/** A learning rate each activation trains the circle with in 100 epochs. */
	const rates = { relu: 0.03, tanh: 0.03, sigmoid: 0.3, linear: 0.03 } as const;
	for (const activation of activations) {
		it(`trains with ${activation}`, async () => {
			// A linear network draws lines only: it needs the squared features to find a circle.
			const features = activation === 'linear' ? ['x1Squared', 'x2Squared'] : ['x1', 'x2'];
			const config = configFor(circle, {
				activation,
				hidden: [8],
				features: features as NetworkConfig['features'],
				learningRate: rates[activation]
			});
			const network = new PlaygroundNetwork(config, circle);
			const before = (await network.evaluate()).metrics;
			const after = (await train(network, 100)).metrics;
			expect(after.loss).toBeLessThan(before.loss * 0.6);
			expect(after.testAccuracy).toBeGreaterThan(0.85);
			network.dispose();
		});
	}

	it('learns three classes with softmax and cross-entropy', async () => {
		const blobs = generateDataset('blobs', { seed: 3, noise: 10, trainRatio: 0.5, classes: 3 });
		const network = new PlaygroundNetwork(configFor(blobs, { hidden: [6] }), blobs);
		const before = (await network.evaluate()).metrics;
		const { metrics, snapshot } = await train(network, 40);
		expect(before.loss).toBeCloseTo(Math.log(3), 0);
		expect(metrics.loss).toBeLessThan(0.3);
		expect(metrics.testAccuracy).toBeGreaterThan(0.9);
		const confusion = snapshot.confusion!;
		expect(confusion).toHaveLength(9);
		expect(confusion.reduce((a, b) => a + b, 0)).toBe(blobs.test.length);
		network.dispose();
	});

	it('draws every neuron over the grid, layer by layer', async () => {
		const network = new PlaygroundNetwork(configFor(circle), circle);
		const { snapshot } = await network.evaluate();
		expect(snapshot.sizes).toEqual([2, 4, 2, 2]);
		expect(snapshot.grids.map((grid) => grid.length)).toEqual(
			[2, 4, 2, 2].map((n) => n * gridSize * gridSize)
		);
		// Feature x1 grows left to right along the top row; the outputs are probabilities.
		expect(snapshot.grids[0][gridSize - 1]).toBeGreaterThan(snapshot.grids[0][0]);
		const cells = gridSize * gridSize;
		for (let cell = 0; cell < cells; cell += 97) {
			expect(snapshot.grids[3][cell] + snapshot.grids[3][cells + cell]).toBeCloseTo(1, 5);
		}
		expect(snapshot.engine).toBe('cpu-typed');
		network.dispose();
	});

	it('starts again from the same weights on reset, and a new seed gives new ones', async () => {
		const network = new PlaygroundNetwork(configFor(circle), circle);
		const first = (await network.evaluate()).snapshot.weights[0];
		await train(network, 5);
		network.reinitialize();
		expect((await network.evaluate()).snapshot.weights[0]).toEqual(first);
		network.configure(configFor(circle, { seed: 9 }));
		expect((await network.evaluate()).snapshot.weights[0]).not.toEqual(first);
		network.dispose();
	});

	it('gives different but still learning runs with dropout', async () => {
		const plain = new PlaygroundNetwork(configFor(circle, { hidden: [8] }), circle);
		const dropped = new PlaygroundNetwork(configFor(circle, { hidden: [8], dropout: 0.3 }), circle);
		const [a, b] = [await train(plain, 30), await train(dropped, 30)];
		expect(b.snapshot.weights[0]).not.toEqual(a.snapshot.weights[0]);
		expect(b.metrics.testAccuracy).toBeGreaterThan(0.8);
		plain.dispose();
		dropped.dispose();
	});

	it('exports tfjs model files that load back to the same predictions', async () => {
		const network = new PlaygroundNetwork(configFor(circle, { hidden: [5, 3] }), circle);
		const trained = await train(network, 10);
		const files = await network.handleRequest('exportFiles', undefined);
		const other = new PlaygroundNetwork(configFor(circle, { hidden: [2], seed: 4 }), circle);
		const adopted = await other.handleRequest('importFiles', files);
		expect(adopted).toEqual({ hidden: [5, 3], activation: 'tanh' });
		const loaded = await other.evaluate();
		expect(loaded.snapshot.grids.at(-1)).toEqual(trained.snapshot.grids.at(-1));
		expect(loaded.metrics.loss).toBe(trained.metrics.loss);
		network.dispose();
		other.dispose();
	});

	it('refuses a network whose inputs do not fit the chosen features', async () => {
		const network = new PlaygroundNetwork(configFor(circle), circle);
		const files = await network.handleRequest('exportFiles', undefined);
		const wider = new PlaygroundNetwork(
			configFor(circle, { features: ['x1', 'x2', 'sinX1'] }),
			circle
		);
		await expect(wider.handleRequest('importFiles', files)).rejects.toThrow(/2 inputs/);
		network.dispose();
		wider.dispose();
	});

	it('matches tfjs layers after 100 SGD steps (gradients and loss within 1e-4)', async () => {
		const network = new PlaygroundNetwork(
			configFor(circle, { regularization: 'l2', regularizationRate: 0.001 }),
			circle
		);
		const result = await network.compareWithTfjs(100);
		expect(result.steps).toBe(100);
		expect(result.moved).toBeGreaterThan(0.01);
		expect(result.lossGap).toBeLessThan(1e-4);
		expect(result.gradientGap).toBeLessThan(1e-4);
		expect(result.weightGap).toBeLessThan(1e-4);
		network.dispose();
	});
	it('holds back data whose classes do not fit the outputs until both have changed', async () => {
		const three = generateDataset('blobs', { seed: 3, noise: 10, trainRatio: 0.5, classes: 3 });
		const four = generateDataset('blobs', { seed: 3, noise: 10, trainRatio: 0.5, classes: 4 });
		const network = new PlaygroundNetwork(configFor(three), three);
		// The page sends the new settings first: four outputs while the data still has three classes.
		network.configure(configFor(four));
		network.trainStep();
		expect((await network.evaluate()).snapshot.confusion).toHaveLength(16);
		network.setData(four);
		const { metrics, snapshot } = await train(network, 20);
		expect(snapshot.confusion!.reduce((a, b) => a + b, 0)).toBe(four.test.length);
		expect(metrics.testAccuracy).toBeGreaterThan(0.8);
		network.dispose();
	});
});
