import { generateDataset } from '../playground/datasets';
import { featureMatrix, targetMatrix } from '../playground/features';
import { initialParameters, parameterLayout, planEpochs, shuffleRng } from '../playground/layout';
import type { NetworkShape } from '../playground/engine';
import { LayersTrainer } from '../playground/tfjs-network';
import type { ClassificationSet } from '../playground/spec';
import * as tf from '../tf';
import type { OptimizerKind, OptimizerSettings } from './optimizer-spec';
export { networkLearningRates } from './optimizer-spec';
import { createOptimizer, disposeOptimizer } from './optimizers';

/** The network race: every optimiser trains the same small network from the same weights. */
export interface NetworkRaceRequest {
	data: ClassificationSet;
	hidden: number[];
	epochs: number;
	/** Minibatch size of every racer but 'gd', which always takes the whole training set. */
	batchSize: number;
	seed: number;
	racers: OptimizerSettings[];
}

export interface NetworkRaceCurve {
	kind: OptimizerKind;
	/** Training loss before the first epoch and after each one. */
	losses: number[];
}

/**
 * Trains one tfjs Layers network per optimiser (tfjs's own, tf.train.*) on the neural-networks
 * lesson's data, layers and initial weights, on the same batches, and returns their loss curves.
 * The losses stay on the backend until one read at the end.
 */
export async function raceOnNetwork(request: NetworkRaceRequest): Promise<NetworkRaceCurve[]> {
	const data = generateDataset(request.data, { seed: request.seed, noise: 10, trainRatio: 0.5 });
	const features = featureMatrix(data.train, ['x1', 'x2']);
	const targets = targetMatrix(data.train, 'classification', data.classes);
	const layout = parameterLayout([2, ...request.hidden, data.classes]);
	const shape: NetworkShape = { layout, activation: 'tanh', problem: 'classification' };
	const start = initialParameters(layout, request.seed);
	const count = data.train.length;
	const curves: { kind: OptimizerKind; losses: tf.Scalar[] }[] = [];
	for (const settings of request.racers) {
		const optimizer = createOptimizer(settings.kind, settings);
		const rule = { learningRate: settings.learningRate, l1: 0, l2: 0, dropThreshold: 0, seed: 0 };
		const trainer = new LayersTrainer(shape, start, rule, features, targets, count, optimizer);
		const batch = settings.kind === 'gd' ? count : request.batchSize;
		const rng = shuffleRng(request.seed);
		const losses = [trainer.loss()];
		for (let epoch = 0; epoch < request.epochs; epoch++) {
			trainer.train(planEpochs(count, batch, 1, rng));
			losses.push(trainer.loss());
		}
		trainer.dispose();
		disposeOptimizer(optimizer);
		curves.push({ kind: settings.kind, losses });
	}
	const all = tf.stack(curves.flatMap((curve) => curve.losses));
	const values = await all.data();
	tf.dispose([all, ...curves.flatMap((curve) => curve.losses)]);
	const per = request.epochs + 1;
	return curves.map((curve, i) => ({
		kind: curve.kind,
		losses: Array.from(values.subarray(i * per, (i + 1) * per))
	}));
}
