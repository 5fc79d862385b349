/** Bench cases for the optimiser race (lesson 3) and the initialisation lesson (lesson 4). */
import { buildDeepMlp, DeepMlp, defaultConfig } from '$lib/engine/initialization/deep-mlp';
import {
	defaultSettings,
	gradientNoise,
	optimizerKinds
} from '$lib/engine/optimizers/optimizer-spec';
import { createOptimizer, disposeOptimizer } from '$lib/engine/optimizers/optimizers';
import { SurfaceRaceModel, type RaceConfig } from '$lib/engine/optimizers/race-model';
import { surfaceLoss } from '$lib/engine/optimizers/surface-ops';
import { surfaces } from '$lib/engine/optimizers/surfaces';
import { generateDataset } from '$lib/engine/playground/datasets';
import { featureMatrix, targetMatrix } from '$lib/engine/playground/features';
import { createRng, deriveSeed, normal } from '$lib/engine/random';
import * as tf from '$lib/engine/tf';
import type { BenchOptions } from './bench-spec';
import { batchOrder, epochsOf, gatherRows, warmOnCopy, type PreparedCase } from './case-helpers';
import type { ReferenceLoop } from './measure';

/**
 * The race as the lesson opens: all seven optimisers with their default settings on Rosenbrock
 * from its usual start. One step moves every racer once. The reference: the same tfjs optimisers,
 * each minimising the same surface from the same start with `minimize` (SGD with the same scale
 * of gradient noise), and no trajectory kept.
 */
async function optimizerRace(): Promise<PreparedCase> {
	const surface = 'rosenbrock';
	const config: RaceConfig = {
		surface,
		start: surfaces[surface].start,
		racers: optimizerKinds.map((kind) => defaultSettings(kind, surface)),
		seed: 1,
		parameter: 0
	};
	const lesson = new SurfaceRaceModel(config);
	const runners = config.racers.map((settings, i) => ({
		optimizer: createOptimizer(settings.kind, settings),
		variable: tf.variable(tf.tensor1d([...config.start])),
		sigma: gradientNoise(settings, surface),
		rng: createRng(deriveSeed(config.seed, i + 1))
	}));
	const reference: ReferenceLoop = {
		step: () => {
			for (const { optimizer, variable, sigma, rng } of runners) {
				const noise = sigma ? [sigma * normal(rng), sigma * normal(rng)] : null;
				tf.tidy(() => {
					optimizer.minimize(() =>
						surfaceLoss(surface, variable, noise ? tf.tensor1d(noise) : null)
					);
				});
			}
		},
		sync: async () => void (await runners.at(-1)!.variable.data()),
		dispose: () =>
			runners.forEach(({ optimizer, variable }) => {
				disposeOptimizer(optimizer);
				variable.dispose();
			})
	};
	return {
		kind: 'training',
		lesson,
		reference,
		warmUpOnCopy: () => warmOnCopy(new SurfaceRaceModel(config)),
		// The race has no data set: an "epoch" here is 50 steps of every racer, then a report.
		tensorsAtEpochs: () => epochsOf(new SurfaceRaceModel(config), 50, 4),
		dispose: () => {
			lesson.dispose();
			reference.dispose();
		}
	};
}

/**
 * The initialisation lesson as it opens: 8 ReLU layers of 32 with He normal, SGD, batch 32, on the
 * circle (400 points, half for training), with its per-layer histograms at every report. The
 * reference: the same network and initial weights, minimize on the same kind of batches.
 */
async function initialization(options: BenchOptions): Promise<PreparedCase> {
	const config = { ...defaultConfig, batchSize: options.batchSize };
	const data = generateDataset('circle', { seed: 1, noise: 0, trainRatio: 0.5, points: 400 });
	const lesson = new DeepMlp(config, data);
	const outputs = data.classes;
	const model = buildDeepMlp(config, config.features.length, outputs);
	const x = tf.tensor2d(featureMatrix(data.train, config.features), [
		data.train.length,
		config.features.length
	]);
	const y = tf.tensor2d(targetMatrix(data.train, data.problem, outputs), [
		data.train.length,
		outputs
	]);
	const optimizer = tf.train.sgd(config.learningRate);
	const next = batchOrder(data.train.length, config.batchSize, config.seed);
	const reference: ReferenceLoop = {
		step: () =>
			tf.tidy(() => {
				const { xb, yb } = gatherRows(x, y, next());
				optimizer.minimize(() =>
					tf.losses.softmaxCrossEntropy(yb, model.apply(xb, { training: true }) as tf.Tensor)
				);
			}),
		sync: async () => void (await model.trainableWeights[0].read().data()),
		dispose: () => {
			model.dispose();
			optimizer.dispose();
			tf.dispose([x, y]);
		}
	};
	const stepsPerEpoch = Math.ceil(data.train.length / config.batchSize);
	return {
		kind: 'training',
		lesson,
		reference,
		warmUpOnCopy: () => warmOnCopy(new DeepMlp(config, data)),
		tensorsAtEpochs: () => epochsOf(new DeepMlp(config, data), stepsPerEpoch, 4),
		dispose: () => {
			lesson.dispose();
			reference.dispose();
		}
	};
}

export const optimizationCases = { optimizers: optimizerRace, initialization };
