import * as tfl from '@tensorflow/tfjs-layers';
import { gpuBarrier } from '../backend';
import { digitPixels, type DigitSet } from '../data/mnist';
import type { LiveModel } from '../live-model';
import { softmaxStep } from './layers-step';
import { exportFiles, importFiles, loadFromBrowser, saveInBrowser } from './model-files';
import { createRng, deriveSeed, shuffle, type Rng } from '../random';
import type { Evaluation, Metrics } from '../session';
import * as tf from '../tf';
import {
	cnnLayerNames,
	type CnnConfig,
	type CnnSnapshot,
	type Confusion,
	type FeatureMaps,
	type ImageStack,
	type ModelFiles
} from './cnn-spec';

export * from './cnn-spec';

export interface DigitData {
	train: DigitSet;
	test: DigitSet;
}

export interface CnnOptions {
	/** Applied to each training batch before the step (data augmentation); never to test digits. */
	augment?: (batch: tf.Tensor4D) => tf.Tensor4D;
}

const browserKey = 'tensor-trail-mnist-cnn';

/**
 * A small LeNet-style network: two 5×5 convolutions (8 and 16 filters, ReLU), each followed by
 * 2×2 max pooling, and a dense layer to 10 logits. About 11,000 weights; seeded initial weights.
 */
export function buildCnn(seed: number): tfl.LayersModel {
	const init = (stream: number) =>
		tfl.initializers.glorotUniform({ seed: deriveSeed(seed, stream) });
	return tfl.sequential({
		layers: [
			tfl.layers.conv2d({
				name: 'conv1',
				inputShape: [28, 28, 1],
				filters: 8,
				kernelSize: 5,
				padding: 'same',
				activation: 'relu',
				kernelInitializer: init(1)
			}),
			tfl.layers.maxPooling2d({ name: 'pool1', poolSize: 2, strides: 2 }),
			tfl.layers.conv2d({
				name: 'conv2',
				filters: 16,
				kernelSize: 5,
				padding: 'same',
				activation: 'relu',
				kernelInitializer: init(2)
			}),
			tfl.layers.maxPooling2d({ name: 'pool2', poolSize: 2, strides: 2 }),
			tfl.layers.flatten({ name: 'flatten' }),
			tfl.layers.dense({ name: 'logits', units: 10, kernelInitializer: init(3) })
		]
	});
}

function images(set: DigitSet, count = set.count): tf.Tensor4D {
	const pixels = Float32Array.from(set.images.subarray(0, count * 784), (v) => v / 255);
	return tf.tensor4d(pixels, [count, 28, 28, 1]);
}

function oneHot(set: DigitSet, count = set.count): tf.Tensor2D {
	return tf.tidy(
		() =>
			tf.oneHot(tf.tensor1d(set.labels.subarray(0, count), 'int32'), 10).toFloat() as tf.Tensor2D
	);
}

/** Softmax cross-entropy of logits against one-hot labels, averaged over the batch. */
const crossEntropy = (labels: tf.Tensor, logits: tf.Tensor) =>
	tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;

/** channels-last [1, h, w, c] to c images of h×w, for drawing. */
function stackOf(tensor: tf.Tensor, values: Float32Array): ImageStack {
	const [, height, width, count] = tensor.shape as number[];
	const stacked = new Float32Array(values.length);
	for (let c = 0; c < count; c++) {
		for (let p = 0; p < height * width; p++)
			stacked[c * height * width + p] = values[p * count + c];
	}
	return { width, height, count, values: stacked };
}

/**
 * The MNIST CNN as a live model. The data sits on the GPU once; each step gathers a shuffled
 * batch by index, so no image crosses to the GPU after the first upload. The training loss is
 * summed on the GPU and read back only at reports.
 */
export class CnnModel implements LiveModel<CnnConfig, DigitData, CnnSnapshot> {
	readonly reportEveryMs = 1000;
	readonly weightChangingRequests = ['loadFromBrowser', 'importFiles'] as const;
	#config: CnnConfig;
	#data!: DigitData;
	#xTrain!: tf.Tensor4D;
	#yTrain!: tf.Tensor2D;
	#xTest!: tf.Tensor4D;
	#yTest!: tf.Tensor2D;
	#model!: tfl.LayersModel;
	#optimizer!: tf.AdamOptimizer;
	#activations: tfl.LayersModel | null = null;
	#lossSum = tf.tidy(() => tf.variable(tf.scalar(0), false));
	#stepsSinceReport = 0;
	#order = new Int32Array(0);
	#cursor = 0;
	#epoch = 0;
	#rng: Rng = createRng(0);
	#backup: Float32Array[] | null = null;

	#augment: CnnOptions['augment'];

	constructor(config: CnnConfig, data: DigitData, options: CnnOptions = {}) {
		this.#config = { ...config };
		this.#augment = options.augment;
		this.setData(data);
		this.reinitialize();
	}

	get epoch(): number {
		return this.#epoch;
	}

	configure(config: CnnConfig): void {
		this.#config = { ...config };
		// Adam reads its rate at every update; changing it keeps the moment estimates.
		(this.#optimizer as unknown as { learningRate: number }).learningRate = config.learningRate;
	}

	setData(data: DigitData): void {
		tf.dispose([this.#xTrain, this.#yTrain, this.#xTest, this.#yTest].filter(Boolean));
		this.#data = data;
		this.#xTrain = images(data.train);
		this.#yTrain = oneHot(data.train);
		this.#xTest = images(data.test);
		this.#yTest = oneHot(data.test);
		this.#order = Int32Array.from({ length: data.train.count }, (_, i) => i);
		this.#startEpoch();
	}

	reinitialize(): void {
		this.#replaceModel(buildCnn(this.#config.seed));
		this.#rng = createRng(deriveSeed(this.#config.seed, 7));
		this.#order = Int32Array.from({ length: this.#data.train.count }, (_, i) => i);
		this.#epoch = 0;
		this.#startEpoch();
		tf.tidy(() => this.#lossSum.assign(tf.scalar(0)));
		this.#stepsSinceReport = 0;
	}

	trainStep(): void {
		const batch = this.#nextBatch();
		const cost = this.#step(this.#model, this.#optimizer, batch);
		tf.tidy(() => this.#lossSum.assign(tf.add(this.#lossSum, cost)));
		cost.dispose();
		this.#stepsSinceReport++;
	}

	async evaluate(): Promise<Evaluation<CnnSnapshot>> {
		const steps = this.#stepsSinceReport;
		const size = this.#evalSize();
		const weights = this.#model.getWeights();
		const packed = tf.tidy(() => {
			// Before any step, the loss on as many training digits stands in for the batches' mean.
			const trainLoss =
				steps > 0
					? tf.div(this.#lossSum, steps)
					: crossEntropy(
							this.#yTrain.slice(0, size),
							this.#model.predict(this.#xTrain.slice(0, size)) as tf.Tensor
						);
			const yTest = this.#yTest.slice(0, size);
			const logits = this.#model.predict(this.#xTest.slice(0, size)) as tf.Tensor;
			const filters = tf.transpose(this.#model.getLayer('conv1').getWeights()[0], [3, 0, 1, 2]);
			return tf.concat([
				tf.stack([trainLoss, crossEntropy(yTest, logits)]),
				tf.cast(tf.argMax(logits, 1), 'float32'),
				filters.flatten(),
				...weights.map((w) => w.flatten())
			]);
		});
		const values = (await packed.data()) as Float32Array;
		packed.dispose();
		tf.tidy(() => this.#lossSum.assign(tf.scalar(0)));
		this.#stepsSinceReport = 0;
		const confusion = this.#confusionOf(values.subarray(2, 2 + size));
		let offset = 2 + size + 200;
		this.#backup = weights.map((w) => values.slice(offset, (offset += w.size)));
		const metrics: Metrics = {
			loss: values[0],
			testLoss: values[1],
			testAccuracy: confusion.accuracy
		};
		const filters = {
			width: 5,
			height: 5,
			count: 8,
			values: values.slice(2 + size, 2 + size + 200)
		};
		return { metrics, snapshot: { filters, confusion } };
	}

	/** Waits for every step enqueued so far: a queue barrier on WebGPU, else a 4-byte read. */
	async sync(): Promise<void> {
		await (gpuBarrier() ?? this.#lossSum.data());
	}

	/** Compiles a step's and an evaluation's shaders on a scratch network; this one is untouched. */
	async warmUp(): Promise<void> {
		const scratch = buildCnn(this.#config.seed + 1);
		const optimizer = tf.train.adam(this.#config.learningRate);
		try {
			this.#step(
				scratch,
				optimizer,
				Array.from({ length: this.#config.batchSize }, (_, i) => i)
			).dispose();
			// The same shapes as evaluate(): shaders are compiled per shape.
			const size = this.#evalSize();
			const probe = tf.tidy(() =>
				tf.argMax(scratch.predict(this.#xTest.slice(0, size)) as tf.Tensor, 1)
			);
			await probe.data();
			probe.dispose();
			// And one digit at a time, as for feature maps and drawings.
			const single = tf.tidy(() => scratch.predict(this.#xTest.slice(0, 1)) as tf.Tensor);
			await single.data();
			single.dispose();
		} finally {
			scratch.dispose();
			optimizer.dispose();
		}
	}

	backup(): Float32Array[] | null {
		return this.#backup;
	}

	restoreBackup(backup: unknown): void {
		const arrays = backup as Float32Array[];
		const current = this.#model.getWeights();
		tf.tidy(() =>
			this.#model.setWeights(arrays.map((values, i) => tf.tensor(values, current[i].shape)))
		);
	}

	async handleRequest(name: string, payload: unknown): Promise<unknown> {
		switch (name) {
			case 'predict':
				return this.#predict((payload as { pixels: Float32Array }).pixels);
			case 'featureMaps':
				return this.#featureMaps((payload as { index: number }).index);
			case 'saveInBrowser':
				return saveInBrowser(this.#model, browserKey);
			case 'loadFromBrowser': {
				const { model, savedAt } = await loadFromBrowser(browserKey);
				this.#adopt(model);
				return { savedAt };
			}
			case 'exportFiles':
				return exportFiles(this.#model, 'mnist-cnn.weights.bin');
			case 'importFiles':
				this.#adopt(await importFiles(payload as ModelFiles));
				return null;
		}
		throw new Error(`unknown request ${name}`);
	}

	dispose(): void {
		tf.dispose([this.#xTrain, this.#yTrain, this.#xTest, this.#yTest, this.#lossSum]);
		this.#model.dispose();
		this.#optimizer.dispose();
	}

	/** One optimiser step on the given example indices; returns the batch loss (kept, not read). */
	#step(model: tfl.LayersModel, optimizer: tf.Optimizer, batch: number[]): tf.Scalar {
		return tf.tidy(() => {
			const picked = tf.tensor1d(batch, 'int32');
			const gathered = tf.gather(this.#xTrain, picked);
			const x = this.#augment ? this.#augment(gathered) : gathered;
			const y = tf.gather(this.#yTrain, picked);
			return softmaxStep(model, optimizer, x, y);
		});
	}

	#replaceModel(model: tfl.LayersModel): void {
		this.#model?.dispose();
		this.#optimizer?.dispose();
		this.#model = model;
		this.#optimizer = tf.train.adam(this.#config.learningRate);
		this.#activations = null;
	}

	#startEpoch(): void {
		shuffle(this.#order, this.#rng);
		this.#cursor = 0;
	}

	#nextBatch(): number[] {
		if (this.#cursor >= this.#order.length) {
			this.#epoch++;
			this.#startEpoch();
		}
		const batch = Array.from(
			this.#order.subarray(this.#cursor, this.#cursor + this.#config.batchSize)
		);
		this.#cursor += batch.length;
		return batch;
	}

	async #predict(pixels: Float32Array): Promise<number[]> {
		const probabilities = tf.tidy(() =>
			tf.softmax(this.#model.predict(tf.tensor4d(pixels, [1, 28, 28, 1])) as tf.Tensor)
		);
		const values = await probabilities.data();
		probabilities.dispose();
		return Array.from(values);
	}

	async #featureMaps(index: number): Promise<FeatureMaps> {
		const at = Math.max(0, Math.min(this.#data.test.count - 1, index));
		this.#activations ??= tfl.model({
			inputs: this.#model.inputs,
			outputs: cnnLayerNames.map((name) => this.#model.getLayer(name).output as tfl.SymbolicTensor)
		});
		const outputs = tf.tidy(() => {
			const result = this.#activations!.predict(this.#xTest.slice(at, 1)) as tf.Tensor[];
			return [...result.slice(0, -1), tf.softmax(result.at(-1)!)];
		});
		const values = await Promise.all(outputs.map((t) => t.data() as Promise<Float32Array>));
		const image = digitPixels(this.#data.test, at);
		const layers = outputs
			.slice(0, -1)
			.map((t, i) => ({ name: cnnLayerNames[i], maps: stackOf(t, values[i]) }));
		const result: FeatureMaps = {
			label: this.#data.test.labels[at],
			image,
			layers,
			probabilities: Array.from(values.at(-1)!)
		};
		tf.dispose(outputs);
		return result;
	}

	#evalSize(): number {
		return Math.min(this.#config.evalSize, this.#data.test.count);
	}

	/** The confusion matrix of the predictions for the first test digits. */
	#confusionOf(predictions: Float32Array): Confusion {
		const matrix = new Array(100).fill(0);
		let correct = 0;
		predictions.forEach((guess, i) => {
			const actual = this.#data.test.labels[i];
			matrix[actual * 10 + guess]++;
			if (actual === guess) correct++;
		});
		return { matrix, accuracy: correct / predictions.length, count: predictions.length };
	}

	/** Takes over a loaded model if it has this lesson's input and output; keeps the old one if not. */
	#adopt(model: tfl.LayersModel): void {
		const input = JSON.stringify(model.inputs[0].shape);
		const output = JSON.stringify(model.outputs[0].shape);
		if (input !== '[null,28,28,1]' || output !== '[null,10]') {
			model.dispose();
			throw new Error(
				`this model takes ${input} and gives ${output}; the lesson needs [null,28,28,1] → [null,10]`
			);
		}
		this.#replaceModel(model);
	}
}
