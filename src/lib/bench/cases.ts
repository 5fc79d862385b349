import { firstDigits, loadDigitSplits } from '$lib/engine/data/mnist';
import { generatePreset } from '$lib/engine/data/points2d';
import { buildCnn, CnnModel } from '$lib/engine/models/cnn';
import { PerceptronModel } from '$lib/engine/models/perceptron';
import { createRng, deriveSeed, shuffle } from '$lib/engine/random';
import type { Trainable } from '$lib/engine/session';
import * as tf from '$lib/engine/tf';
import type { BenchCase, BenchOptions } from './bench-spec';
import type { ReferenceLoop } from './measure';

export interface PreparedCase {
	lesson: Trainable<unknown, unknown> & { reportEveryMs?: number; warmUp?(): Promise<void> };
	reference: ReferenceLoop;
	/** Tensor counts at the end of consecutive epochs of a fresh, small copy of the lesson model. */
	tensorsAtEpochs(): Promise<number[]>;
	dispose(): void;
}

/** Batches in a seeded shuffled order, as the lessons draw them. */
function batchOrder(count: number, batchSize: number, seed: number) {
	const rng = createRng(deriveSeed(seed, 2));
	let order = Array.from({ length: count }, (_, i) => i);
	let cursor = count;
	return () => {
		if (cursor + batchSize > count) {
			order = order.slice();
			shuffle(order, rng);
			cursor = 0;
		}
		const batch = order.slice(cursor, cursor + batchSize);
		cursor += batchSize;
		return batch;
	};
}

async function epochsOf(model: Trainable<unknown, unknown>, stepsPerEpoch: number, epochs: number) {
	const counts: number[] = [];
	for (let e = 0; e < epochs; e++) {
		for (let i = 0; i < stepsPerEpoch; i++) model.trainStep();
		await model.evaluate();
		counts.push(tf.memory().numTensors);
	}
	model.dispose();
	return counts;
}

async function perceptron(options: BenchOptions): Promise<PreparedCase> {
	const data = generatePreset('separable', 1);
	const config = {
		activation: 'sigmoid' as const,
		learningRate: 0.5,
		batchSize: options.batchSize,
		seed: 1
	};
	const lesson = new PerceptronModel(config, data);
	// The reference: one sigmoid neuron, binary cross-entropy, tf.train.sgd, the same batches.
	const x = tf.tensor2d(
		data.train.flatMap((p) => [p.x1, p.x2]),
		[data.train.length, 2]
	);
	const y = tf.tensor2d(
		data.train.map((p) => p.label),
		[data.train.length, 1]
	);
	const w = tf.variable(tf.randomUniform([2, 1], -1, 1, 'float32', 1));
	const b = tf.variable(tf.zeros([1]));
	const optimizer = tf.train.sgd(config.learningRate);
	const next = batchOrder(data.train.length, config.batchSize, 1);
	const reference: ReferenceLoop = {
		step: () =>
			tf.tidy(() => {
				const picked = tf.tensor1d(next(), 'int32');
				const xb = tf.gather(x, picked);
				const yb = tf.gather(y, picked);
				optimizer.minimize(
					() => tf.losses.sigmoidCrossEntropy(yb, tf.add(tf.matMul(xb, w), b)) as tf.Scalar
				);
			}),
		sync: async () => void (await b.data()),
		dispose: () => {
			tf.dispose([x, y, w, b]);
			optimizer.dispose();
		}
	};
	return {
		lesson,
		reference,
		tensorsAtEpochs: () =>
			epochsOf(
				new PerceptronModel({ ...config, batchSize: 8 }, data),
				Math.ceil(data.train.length / 8),
				4
			),
		dispose: () => {
			lesson.dispose();
			reference.dispose();
		}
	};
}

async function cnn(options: BenchOptions): Promise<PreparedCase> {
	const digits = await loadDigitSplits(options.digits!);
	const config = {
		learningRate: 0.003,
		batchSize: options.batchSize,
		seed: 1,
		evalSize: options.evalSize ?? 500
	};
	const lesson = new CnnModel(config, digits);
	// The reference: the same network and optimiser, the same data on the GPU, minimize and nothing else.
	const model = buildCnn(config.seed);
	const optimizer = tf.train.adam(config.learningRate);
	const x = tf.tensor4d(
		Float32Array.from(digits.train.images, (v) => v / 255),
		[digits.train.count, 28, 28, 1]
	);
	const y = tf.tidy(() => tf.oneHot(tf.tensor1d(digits.train.labels, 'int32'), 10).toFloat());
	const next = batchOrder(digits.train.count, config.batchSize, 1);
	const variables = model.trainableWeights.map((v) => v.read() as tf.Variable);
	const reference: ReferenceLoop = {
		step: () =>
			tf.tidy(() => {
				const picked = tf.tensor1d(next(), 'int32');
				const xb = tf.gather(x, picked);
				const yb = tf.gather(y, picked);
				optimizer.minimize(
					() =>
						tf.losses.softmaxCrossEntropy(
							yb,
							model.apply(xb, { training: true }) as tf.Tensor
						) as tf.Scalar,
					false,
					variables
				);
			}),
		sync: async () => void (await variables[0].data()),
		dispose: () => {
			model.dispose();
			optimizer.dispose();
			tf.dispose([x, y]);
		}
	};
	const small = { train: firstDigits(digits.train, 64), test: firstDigits(digits.test, 100) };
	return {
		lesson,
		reference,
		tensorsAtEpochs: () =>
			epochsOf(new CnnModel({ ...config, batchSize: 16, evalSize: 100 }, small), 4, 4),
		dispose: () => {
			lesson.dispose();
			reference.dispose();
		}
	};
}

export const prepare: Record<BenchCase, (options: BenchOptions) => Promise<PreparedCase>> = {
	perceptron,
	cnn
};
