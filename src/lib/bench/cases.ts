import { buildVocabulary, encode, loadCorpus } from '$lib/engine/data/corpus';
import { firstDigits, loadDigitSplits, type DigitSet } from '$lib/engine/data/mnist';
import { alphabetSize, recallBatch } from '$lib/engine/data/recall-task';
import { buildCharLstm, CharLstmModel } from '$lib/engine/models/char-lstm';
import { generatePreset } from '$lib/engine/data/points2d';
import { AugmentationRace } from '$lib/engine/models/augmentation-race';
import { buildCnn, CnnModel, type DigitData } from '$lib/engine/models/cnn';
import { softmaxStep } from '$lib/engine/models/layers-step';
import { PerceptronModel } from '$lib/engine/models/perceptron';
import {
	buildRecurrentClassifier,
	oneHotRows,
	RnnRace,
	rnnKinds
} from '$lib/engine/models/rnn-race';
import { createRng, deriveSeed } from '$lib/engine/random';
import { augmentBatch } from '$lib/engine/vision/augment';
import type { Trainable } from '$lib/engine/session';
import * as tf from '$lib/engine/tf';
import type { BenchCase, BenchOptions } from './bench-spec';
import {
	batchOrder,
	epochsOf,
	gatherRows,
	warmOnCopy,
	type PreparedCase,
	type TrainingCase
} from './case-helpers';
import { computeCases } from './cases-compute';
import { optimizationCases } from './cases-optimization';
import type { ReferenceLoop } from './measure';

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
				const { xb, yb } = gatherRows(x, y, next());
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
		kind: 'training',
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

/** Digits as the reference loops hold them on the GPU: pixels scaled to 0–1, one-hot labels. */
function digitTensors(set: DigitSet): { x: tf.Tensor4D; y: tf.Tensor } {
	const x = tf.tensor4d(
		Float32Array.from(set.images, (v) => v / 255),
		[set.count, 28, 28, 1]
	);
	const y = tf.tidy(() => tf.oneHot(tf.tensor1d(set.labels, 'int32'), 10).toFloat());
	return { x, y };
}

/** An MNIST case: the lesson, its reference, and a small copy of the lesson for the leak count. */
function digitCase(
	digits: DigitData,
	lesson: TrainingCase['lesson'],
	reference: ReferenceLoop,
	smallCopy: (small: DigitData) => Trainable<unknown, unknown>
): TrainingCase {
	const small = { train: firstDigits(digits.train, 64), test: firstDigits(digits.test, 100) };
	return {
		kind: 'training',
		lesson,
		reference,
		tensorsAtEpochs: () => epochsOf(smallCopy(small), 4, 4),
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
	const { x, y } = digitTensors(digits.train);
	const next = batchOrder(digits.train.count, config.batchSize, 1);
	const variables = model.trainableWeights.map((v) => v.read() as tf.Variable);
	const reference: ReferenceLoop = {
		step: () =>
			tf.tidy(() => {
				const { xb, yb } = gatherRows(x, y, next());
				softmaxStep(model, optimizer, xb, yb);
			}),
		sync: async () => void (await variables[0].data()),
		dispose: () => {
			model.dispose();
			optimizer.dispose();
			tf.dispose([x, y]);
		}
	};
	return digitCase(
		digits,
		lesson,
		reference,
		(small) => new CnnModel({ ...config, batchSize: 16, evalSize: 100 }, small)
	);
}

/**
 * The augmentation race: two copies of the CNN on the first 500 digits, one of them on augmented
 * batches (the lesson's default distortions). The reference trains the same two networks with
 * minimize, the second on the same augmentBatch of its batch.
 */
async function augmentationRace(options: BenchOptions): Promise<PreparedCase> {
	const digits = await loadDigitSplits(options.digits!);
	const augment = { rotation: 12, shift: 0.1, zoom: 0.1, flip: false, noise: 0.05 };
	const config = {
		learningRate: 0.003,
		batchSize: options.batchSize,
		seed: 1,
		evalSize: options.evalSize ?? 100,
		trainSize: 500,
		augment
	};
	const lesson = new AugmentationRace(config, digits);
	const train = firstDigits(digits.train, config.trainSize);
	const { x, y } = digitTensors(train);
	const next = batchOrder(train.count, config.batchSize, 1);
	const rng = createRng(deriveSeed(config.seed, 11));
	const plain = buildCnn(config.seed);
	const augmented = buildCnn(config.seed);
	const optimizers = [tf.train.adam(config.learningRate), tf.train.adam(config.learningRate)];
	// The GPU runs steps in order: once the second network's weights are read, both steps are done.
	const probe = augmented.trainableWeights[0].read() as tf.Variable;
	const reference: ReferenceLoop = {
		step: () =>
			tf.tidy(() => {
				const { xb, yb } = gatherRows(x, y, next());
				softmaxStep(plain, optimizers[0], xb, yb);
				softmaxStep(augmented, optimizers[1], augmentBatch(xb, augment, rng), yb);
			}),
		sync: async () => void (await probe.data()),
		dispose: () => {
			plain.dispose();
			augmented.dispose();
			optimizers.forEach((optimizer) => optimizer.dispose());
			tf.dispose([x, y]);
		}
	};
	return digitCase(
		digits,
		lesson,
		reference,
		(small) =>
			new AugmentationRace({ ...config, batchSize: 16, evalSize: 100, trainSize: 64 }, small)
	);
}

async function charLstm(options: BenchOptions): Promise<PreparedCase> {
	const corpus = await loadCorpus(
		{ kind: 'bundled', name: 'moby-dick', url: options.corpus! },
		() => {}
	);
	const config = {
		layers: 1,
		units: options.units ?? 128,
		sequenceLength: options.sequenceLength ?? 40,
		batchSize: options.batchSize,
		learningRate: 0.01,
		seed: 1
	};
	const lesson = new CharLstmModel(config, corpus);
	// The reference: the same network and loss, the same kind of random windows, minimize only.
	const vocabulary = buildVocabulary(corpus.text);
	const ids = encode(corpus.text, vocabulary);
	const trainEnd = Math.floor(ids.length * 0.9);
	const model = buildCharLstm({ vocabularySize: vocabulary.length, ...config });
	const optimizer = tf.train.adam(config.learningRate);
	const variables = model.trainableWeights.map((v) => v.read() as tf.Variable);
	const rng = createRng(deriveSeed(config.seed, 7));
	const { batchSize, sequenceLength } = config;
	const reference: ReferenceLoop = {
		step: () => {
			const inputs = new Int32Array(batchSize * sequenceLength);
			const targets = new Int32Array(batchSize * sequenceLength);
			for (let b = 0; b < batchSize; b++) {
				const start = Math.floor(rng() * (trainEnd - sequenceLength - 1));
				inputs.set(ids.subarray(start, start + sequenceLength), b * sequenceLength);
				targets.set(ids.subarray(start + 1, start + sequenceLength + 1), b * sequenceLength);
			}
			tf.tidy(() => {
				const x = tf.tensor2d(inputs, [batchSize, sequenceLength], 'int32');
				const y = tf.oneHot(
					tf.tensor2d(targets, [batchSize, sequenceLength], 'int32'),
					vocabulary.length
				);
				softmaxStep(model, optimizer, x, y);
			});
		},
		sync: async () => void (await variables[0].data()),
		dispose: () => {
			model.dispose();
			optimizer.dispose();
		}
	};
	const small = { ...corpus, text: corpus.text.slice(0, 2000) };
	const smallConfig = { ...config, units: 16, sequenceLength: 20, batchSize: 10 };
	return {
		kind: 'training',
		lesson,
		reference,
		warmUpOnCopy: () => warmOnCopy(new CharLstmModel(config, corpus)),
		// 1,800 training characters in windows of 20, 10 a batch: an epoch every 9 steps.
		tensorsAtEpochs: () => epochsOf(new CharLstmModel(smallConfig, small), 9, 4),
		dispose: () => {
			lesson.dispose();
			reference.dispose();
		}
	};
}

async function rnnRace(options: BenchOptions): Promise<PreparedCase> {
	const config = {
		sequenceLength: options.sequenceLength ?? 30,
		units: options.units ?? 32,
		batchSize: options.batchSize,
		learningRate: 0.01,
		seed: 1
	};
	const lesson = new RnnRace(config);
	// The reference: the four networks and their optimisers stepping on the same kind of batches.
	const models = rnnKinds.map((kind) => buildRecurrentClassifier(kind, config.units, config.seed));
	const optimizers = models.map(() => tf.train.adam(config.learningRate));
	const rng = createRng(deriveSeed(config.seed, 7));
	const reference: ReferenceLoop = {
		step: () => {
			const batch = recallBatch(config.batchSize, config.sequenceLength, rng);
			tf.tidy(() => {
				const x = tf.tensor3d(oneHotRows(batch.symbols), [
					config.batchSize,
					config.sequenceLength,
					alphabetSize
				]);
				const y = tf.tensor2d(oneHotRows(batch.answers), [config.batchSize, alphabetSize]);
				models.forEach((model, i) => softmaxStep(model, optimizers[i], x, y));
			});
		},
		sync: async () => void (await models[0].trainableWeights[0].read().data()),
		dispose: () => {
			models.forEach((model) => model.dispose());
			optimizers.forEach((optimizer) => optimizer.dispose());
		}
	};
	return {
		kind: 'training',
		lesson,
		reference,
		warmUpOnCopy: () => warmOnCopy(new RnnRace(config)),
		// 512 sequences an epoch: 4 steps of 128.
		tensorsAtEpochs: () =>
			epochsOf(new RnnRace({ ...config, units: 8, sequenceLength: 5, batchSize: 128 }), 4, 4),
		dispose: () => {
			lesson.dispose();
			reference.dispose();
		}
	};
}

export const prepare: Record<BenchCase, (options: BenchOptions) => Promise<PreparedCase>> = {
	perceptron,
	cnn,
	augmentation: augmentationRace,
	'char-lstm': charLstm,
	'rnn-race': rnnRace,
	...optimizationCases,
	...computeCases
};
