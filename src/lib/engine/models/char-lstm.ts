import * as tfl from '@tensorflow/tfjs-layers';
import { gpuBarrier } from '../backend';
import {
	buildVocabulary,
	charsOf,
	decode,
	encode,
	sampleIndex,
	topChoices,
	unknownChar,
	type CorpusText
} from '../data/corpus';
import type { LiveModel } from '../live-model';
import { createRng, deriveSeed, type Rng } from '../random';
import type { Evaluation } from '../session';
import * as tf from '../tf';
import type { ModelFiles } from './cnn-spec';
import {
	sameArchitecture,
	type CharLstmConfig,
	type CharLstmSnapshot,
	type Generation
} from './char-lstm-spec';
import { CharSampler, charNetworkWeights } from './char-sampler';
import { softmaxStep } from './layers-step';
import { exportFiles, importFiles, loadFromBrowser, saveInBrowser } from './model-files';

export * from './char-lstm-spec';

export const embeddingSize = 32;
const browserKey = 'tensor-trail-char-lstm';
/** The last tenth of the text is held out: the validation loss says whether it generalises. */
const validationShare = 0.1;
const validationWindows = 16;

export interface CharNetworkShape {
	vocabularySize: number;
	layers: number;
	units: number;
	seed: number;
}

/**
 * Embedding → 1 or 2 LSTM layers → a dense layer to one logit per character, applied at every
 * position: each window of n characters gives n next-character predictions to learn from. The
 * recurrent weights start Glorot-normal, not orthogonal: tfjs computes the orthogonal initialiser
 * with a slow CPU QR decomposition that freezes model building for seconds (GUIDE §5).
 */
export function buildCharLstm(shape: CharNetworkShape): tfl.LayersModel {
	const { vocabularySize, layers, units, seed } = shape;
	const glorot = (stream: number) =>
		tfl.initializers.glorotUniform({ seed: deriveSeed(seed, stream) });
	const model = tfl.sequential();
	model.add(
		tfl.layers.embedding({
			name: 'embedding',
			inputDim: vocabularySize,
			outputDim: embeddingSize,
			embeddingsInitializer: tfl.initializers.randomUniform({
				minval: -0.05,
				maxval: 0.05,
				seed: deriveSeed(seed, 1)
			}),
			inputShape: [null]
		})
	);
	for (let layer = 1; layer <= layers; layer++) {
		model.add(
			tfl.layers.lstm({
				name: `lstm${layer}`,
				units,
				returnSequences: true,
				recurrentActivation: 'sigmoid',
				kernelInitializer: glorot(10 + layer),
				recurrentInitializer: tfl.initializers.glorotNormal({ seed: deriveSeed(seed, 20 + layer) })
			})
		);
	}
	model.add(
		tfl.layers.dense({ name: 'logits', units: vocabularySize, kernelInitializer: glorot(30) })
	);
	return model;
}

/** Softmax cross-entropy of [batch, time, vocabulary] logits against [batch, time] character ids. */
function sequenceLoss(ids: tf.Tensor2D, logits: tf.Tensor, vocabularySize: number): tf.Scalar {
	return tf.losses.softmaxCrossEntropy(tf.oneHot(ids, vocabularySize), logits) as tf.Scalar;
}

/** The architecture of a loaded network, read from its layers. */
function shapeOf(model: tfl.LayersModel): { layers: number; units: number } {
	const lstms = model.layers.filter((layer) => layer.getClassName() === 'LSTM');
	const units = (lstms[0]?.getConfig().units as number | undefined) ?? 0;
	return { layers: lstms.length, units };
}

/**
 * A character-level LSTM as a live model. Windows of the corpus are cut on the CPU (a few KB of
 * ids per step) and everything else stays on the GPU; the training loss is summed there and read
 * back only at reports.
 */
export class CharLstmModel implements LiveModel<CharLstmConfig, CorpusText, CharLstmSnapshot> {
	readonly reportEveryMs = 1000;
	readonly weightChangingRequests = ['loadFromBrowser', 'importFiles'] as const;
	#config: CharLstmConfig;
	#corpus!: CorpusText;
	#vocabulary: string[] = [];
	#ids: Int32Array = new Int32Array(0);
	#trainEnd = 0;
	/** Share of the text outside the vocabulary. */
	#unknownShare = 0;
	#model: tfl.LayersModel | null = null;
	#optimizer!: tf.AdamOptimizer;
	#lossSum = tf.tidy(() => tf.variable(tf.scalar(0), false));
	#stepsSinceReport = 0;
	#charsSeen = 0;
	#rng: Rng = createRng(0);
	#backup: Float32Array[] | null = null;
	#sampler: CharSampler | null = null;
	#samplerRng: Rng = createRng(0);
	#nextLogits: Float32Array | null = null;

	constructor(config: CharLstmConfig, corpus: CorpusText) {
		this.#config = { ...config };
		this.setData(corpus);
	}

	get epoch(): number {
		return Math.floor(this.#charsSeen / Math.max(1, this.#trainEnd));
	}

	configure(config: CharLstmConfig): void {
		const rebuild = !sameArchitecture(config, this.#config);
		this.#config = { ...config };
		if (rebuild) this.reinitialize();
		else
			(this.#optimizer as unknown as { learningRate: number }).learningRate = config.learningRate;
	}

	/** A new text brings a new vocabulary, so a new network. */
	setData(corpus: CorpusText): void {
		this.#corpus = corpus;
		this.#vocabulary = buildVocabulary(corpus.text);
		this.#encodeCorpus();
		this.reinitialize();
	}

	reinitialize(): void {
		this.#replaceModel(
			buildCharLstm({
				vocabularySize: this.#vocabulary.length,
				layers: this.#config.layers,
				units: this.#config.units,
				seed: this.#config.seed
			})
		);
		this.#rng = createRng(deriveSeed(this.#config.seed, 7));
		this.#charsSeen = 0;
		tf.tidy(() => this.#lossSum.assign(tf.scalar(0)));
		this.#stepsSinceReport = 0;
	}

	trainStep(): void {
		const { batchSize } = this.#config;
		const length = this.#windowLength();
		const inputs = new Int32Array(batchSize * length);
		const targets = new Int32Array(batchSize * length);
		const lastStart = this.#trainEnd - length - 1;
		for (let b = 0; b < batchSize; b++) {
			const start = Math.floor(this.#rng() * (lastStart + 1));
			inputs.set(this.#ids.subarray(start, start + length), b * length);
			targets.set(this.#ids.subarray(start + 1, start + length + 1), b * length);
		}
		const model = this.#model!;
		const vocabularySize = this.#vocabulary.length;
		tf.tidy(() => {
			const x = tf.tensor2d(inputs, [batchSize, length], 'int32');
			const y = tf.tensor2d(targets, [batchSize, length], 'int32');
			const cost = softmaxStep(model, this.#optimizer, x, tf.oneHot(y, vocabularySize));
			this.#lossSum.assign(tf.add(this.#lossSum, cost));
		});
		this.#stepsSinceReport++;
		this.#charsSeen += batchSize * length;
	}

	async evaluate(): Promise<Evaluation<CharLstmSnapshot>> {
		const steps = this.#stepsSinceReport;
		const model = this.#model!;
		const weights = model.getWeights();
		const [x, y] = this.#validationSet();
		const packed = tf.tidy(() => {
			const logits = model.predict(x) as tf.Tensor;
			const validationLoss = sequenceLoss(y, logits, this.#vocabulary.length);
			const accuracy = tf.mean(tf.cast(tf.equal(tf.argMax(logits, -1), y), 'float32'));
			// Before any step, the validation loss stands in for the batches' mean.
			const trainLoss = steps > 0 ? tf.div(this.#lossSum, steps) : validationLoss;
			return tf.concat([
				tf.stack([trainLoss, validationLoss, accuracy]),
				...weights.map((w) => w.flatten())
			]);
		});
		tf.dispose([x, y]);
		const values = (await packed.data()) as Float32Array;
		packed.dispose();
		tf.tidy(() => this.#lossSum.assign(tf.scalar(0)));
		this.#stepsSinceReport = 0;
		let offset = 3;
		this.#backup = weights.map((w) => values.slice(offset, (offset += w.size)));
		return {
			metrics: { loss: values[0], testLoss: values[1], testAccuracy: values[2] },
			snapshot: {
				corpus: {
					name: this.#corpus.name,
					chars: this.#ids.length,
					truncatedFrom: this.#corpus.truncatedFrom
				},
				vocabularySize: this.#vocabulary.length,
				unknownShare: this.#unknownShare,
				parameters: model.countParams(),
				...shapeOf(model)
			}
		};
	}

	/** Waits for every step enqueued so far: a queue barrier on WebGPU, else a 4-byte read. */
	async sync(): Promise<void> {
		await (gpuBarrier() ?? this.#lossSum.data());
	}

	backup(): Float32Array[] | null {
		return this.#backup;
	}

	restoreBackup(backup: unknown): void {
		const arrays = backup as Float32Array[];
		const current = this.#model!.getWeights();
		if (arrays.length !== current.length) return;
		tf.tidy(() =>
			this.#model!.setWeights(arrays.map((values, i) => tf.tensor(values, current[i].shape)))
		);
	}

	async handleRequest(name: string, payload: unknown): Promise<unknown> {
		switch (name) {
			case 'generateStart': {
				const { seed, temperature } = payload as { seed: string; temperature: number };
				return this.#generateStart(seed, temperature);
			}
			case 'generateNext': {
				const { temperature, count } = payload as { temperature: number; count: number };
				return this.#generateNext(temperature, count);
			}
			case 'saveInBrowser':
				return saveInBrowser(this.#modelWithVocabulary(), browserKey);
			case 'loadFromBrowser': {
				const { model, savedAt } = await loadFromBrowser(browserKey);
				this.#adopt(model);
				return { savedAt };
			}
			case 'exportFiles':
				return exportFiles(this.#modelWithVocabulary(), 'char-lstm.weights.bin');
			case 'importFiles':
				this.#adopt(await importFiles(payload as ModelFiles));
				return null;
		}
		throw new Error(`unknown request ${name}`);
	}

	dispose(): void {
		this.#lossSum.dispose();
		this.#model?.dispose();
		this.#optimizer?.dispose();
	}

	/** Windows as long as the setting, or shorter when the text is too short to hold them. */
	#windowLength(): number {
		return Math.max(1, Math.min(this.#config.sequenceLength, this.#trainEnd - 1));
	}

	/** Fixed windows from the held-out end of the text, as [inputs, targets]. */
	#validationSet(): [tf.Tensor2D, tf.Tensor2D] {
		const held = this.#ids.subarray(this.#trainEnd);
		const length = Math.max(1, Math.min(this.#config.sequenceLength, held.length - 1));
		const count = Math.max(1, Math.min(validationWindows, Math.floor((held.length - 1) / length)));
		const inputs = new Int32Array(count * length);
		const targets = new Int32Array(count * length);
		const stride = Math.floor((held.length - 1 - length) / Math.max(1, count - 1)) || 0;
		for (let w = 0; w < count; w++) {
			const start = w * stride;
			inputs.set(held.subarray(start, start + length), w * length);
			targets.set(held.subarray(start + 1, start + length + 1), w * length);
		}
		return [
			tf.tensor2d(inputs, [count, length], 'int32'),
			tf.tensor2d(targets, [count, length], 'int32')
		];
	}

	#encodeCorpus(): void {
		this.#ids = encode(this.#corpus.text, this.#vocabulary);
		this.#trainEnd = Math.floor(this.#ids.length * (1 - validationShare));
		const unknown = this.#ids.reduce((count, id) => count + (id === 0 ? 1 : 0), 0);
		this.#unknownShare = unknown / Math.max(1, this.#ids.length);
	}

	#replaceModel(model: tfl.LayersModel): void {
		this.#model?.dispose();
		this.#optimizer?.dispose();
		this.#model = model;
		this.#optimizer = tf.train.adam(this.#config.learningRate);
		this.#sampler = null;
		this.#nextLogits = null;
		this.#backup = null;
	}

	/**
	 * Starts a sampler on the weights of the last report (so it never waits behind training on
	 * the GPU) and reads the seed text into its memory.
	 */
	async #generateStart(seed: string, temperature: number): Promise<Generation> {
		if (!this.#backup) await this.evaluate();
		this.#sampler = new CharSampler(
			charNetworkWeights(this.#backup!, {
				vocabularySize: this.#vocabulary.length,
				embeddingSize,
				...shapeOf(this.#model!)
			})
		);
		this.#samplerRng = createRng(deriveSeed(this.#config.seed, 99));
		for (const id of encode(seed === '' ? '\n' : seed, this.#vocabulary)) {
			this.#nextLogits = this.#sampler.feed(id);
		}
		return { text: '', next: topChoices(this.#nextLogits!, temperature, this.#vocabulary) };
	}

	/** Samples characters one at a time, each fed back in as the next input. */
	async #generateNext(temperature: number, count: number): Promise<Generation> {
		if (!this.#sampler) await this.#generateStart('\n', temperature);
		const sampled: number[] = [];
		for (let i = 0; i < count; i++) {
			const id = sampleIndex(this.#nextLogits!, temperature, this.#samplerRng);
			sampled.push(id);
			this.#nextLogits = this.#sampler!.feed(id);
		}
		return {
			text: decode(sampled, this.#vocabulary),
			next: topChoices(this.#nextLogits!, temperature, this.#vocabulary)
		};
	}

	#modelWithVocabulary(): tfl.LayersModel {
		this.#model!.setUserDefinedMetadata({ vocabulary: this.#vocabulary });
		return this.#model!;
	}

	/** Takes over a loaded network and its vocabulary, or keeps the current one and says why. */
	#adopt(model: tfl.LayersModel): void {
		const metadata = model.getUserDefinedMetadata() as { vocabulary?: unknown } | undefined;
		const vocabulary = metadata?.vocabulary;
		const output = model.outputs[0].shape;
		const valid =
			Array.isArray(vocabulary) &&
			vocabulary.every((char) => typeof char === 'string' && charsOf(char).length === 1) &&
			vocabulary[0] === unknownChar &&
			output.length === 3 &&
			output[2] === vocabulary.length &&
			shapeOf(model).layers > 0;
		if (!valid) {
			model.dispose();
			throw new Error(
				'this is not a character model saved by this lesson (it has no vocabulary matching its output)'
			);
		}
		this.#vocabulary = vocabulary as string[];
		this.#encodeCorpus();
		this.#config = { ...this.#config, ...shapeOf(model) };
		this.#replaceModel(model);
	}
}
