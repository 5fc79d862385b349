/**
 * The word2vec training loop on typed arrays: one epoch is the subsampled token stream; a chunk of
 * it is trained per call; the learning rate falls linearly to 0.01% of its start over all epochs.
 */
import { createRng, deriveSeed, type Rng } from '../random';
import { initEmbeddings, sgnsUpdate, type Embeddings } from './sgns';
import { encodeTokens, keepProbabilities, noiseTable, subsample, type Vocabulary } from './text';

export type Architecture = 'skipgram' | 'cbow';

export interface TrainerConfig {
	architecture: Architecture;
	dimensions: number;
	/** Largest distance of a context word; each centre draws its own window in 1..window. */
	window: number;
	negatives: number;
	learningRate: number;
	epochs: number;
	/** Subsampling threshold t (0: off). */
	sample: number;
	seed: number;
}

/** Every number of one training example, for the page to show (the first dimensions of vectors). */
export interface ExampleDetail {
	architecture: Architecture;
	/** The words whose input rows make h: the centre word (skip-gram) or the context (CBOW). */
	inputs: { word: string; id: number }[];
	/** h before the step, its first `shown` dimensions. */
	hidden: number[];
	dimensions: number;
	vocabulary: number;
	rate: number;
	/** The true target (label 1), then the noise words (label 0). */
	/** `skipped`: a noise word that is the target itself, left out as word2vec.c does. */
	targets: {
		word: string;
		id: number;
		label: 0 | 1;
		dot: number;
		sigmoid: number;
		step: number;
		skipped: boolean;
	}[];
	loss: number;
}

const shown = 8;

export class SgnsTrainer {
	readonly vocabulary: Vocabulary;
	readonly ids: Int32Array;
	config: TrainerConfig;
	embeddings: Embeddings;
	#table: Int32Array;
	#keep: Float64Array;
	#rng: Rng = Math.random;
	#stream: Int32Array = new Int32Array(0);
	#position = 0;
	#epoch = 0;
	#negatives = new Int32Array(0);
	#hidden = new Float32Array(0);
	#grad = new Float32Array(0);
	/** Loss summed over examples since the last take, and their count. */
	#lossSum = 0;
	#examples = 0;
	/** Kept words trained, over all epochs. */
	wordsTrained = 0;

	constructor(
		vocabulary: Vocabulary,
		tokens: readonly string[] | Int32Array,
		config: TrainerConfig
	) {
		this.vocabulary = vocabulary;
		this.ids = tokens instanceof Int32Array ? tokens : encodeTokens(tokens, vocabulary);
		this.config = config;
		this.#table = noiseTable(vocabulary.counts);
		this.#keep = keepProbabilities(vocabulary, config.sample);
		this.embeddings = initEmbeddings(
			vocabulary.words.length,
			config.dimensions,
			createRng(config.seed)
		);
		this.reset();
	}

	/** Back to fresh seeded vectors (at the configured dimensions), epoch 0. */
	reset(): void {
		const { dimensions, seed } = this.config;
		this.embeddings = initEmbeddings(this.vocabulary.words.length, dimensions, createRng(seed));
		this.#rng = createRng(deriveSeed(seed, 1));
		this.#keep = keepProbabilities(this.vocabulary, this.config.sample);
		this.#hidden = new Float32Array(dimensions);
		this.#grad = new Float32Array(dimensions);
		this.#epoch = 0;
		this.wordsTrained = 0;
		this.#lossSum = 0;
		this.#examples = 0;
		this.#startEpoch();
	}

	get epoch(): number {
		return this.#epoch;
	}

	get finished(): boolean {
		return this.#epoch >= this.config.epochs;
	}

	/** Share of all epochs done, 0..1. */
	get progress(): number {
		const within = this.#stream.length ? this.#position / this.#stream.length : 0;
		return Math.min(1, (this.#epoch + within) / this.config.epochs);
	}

	/** The learning rate now: linear decay to 0.01% of the start, as word2vec.c. */
	get rate(): number {
		return this.config.learningRate * Math.max(1e-4, 1 - this.progress);
	}

	/** This epoch's tokens after subsampling. */
	get epochWords(): number {
		return this.#stream.length;
	}

	/** Mean loss per example since the last call (null if none trained), and starts a new mean. */
	takeLoss(): number | null {
		const mean = this.#examples ? this.#lossSum / this.#examples : null;
		this.#lossSum = 0;
		this.#examples = 0;
		return mean;
	}

	/** Trains on the next `words` centre words of the stream; returns how many it trained. */
	train(words: number): number {
		let done = 0;
		while (done < words && !this.finished) {
			if (this.#position >= this.#stream.length) {
				this.#epoch++;
				if (this.finished) break;
				this.#startEpoch();
				continue;
			}
			this.#trainAt(this.#position++);
			done++;
		}
		this.wordsTrained += done;
		return done;
	}

	/**
	 * Trains one example, the next centre word with one context word (skip-gram) or with its whole
	 * context (CBOW), and returns its numbers.
	 */
	explain(): ExampleDetail | null {
		if (this.finished) return null;
		if (this.#position >= this.#stream.length) {
			this.#epoch++;
			if (this.finished) return null;
			this.#startEpoch();
		}
		const { dimensions: dim, window, architecture } = this.config;
		const { input, output } = this.embeddings;
		const stream = this.#stream;
		const i = this.#position++;
		const reach = 1 + Math.floor(this.#rng() * window);
		const context: number[] = [];
		for (let j = Math.max(0, i - reach); j <= Math.min(stream.length - 1, i + reach); j++)
			if (j !== i) context.push(stream[j]);
		if (context.length === 0) return this.explain();
		const skipgram = architecture === 'skipgram';
		const inputs = skipgram ? [stream[i]] : context;
		const target = skipgram ? context[Math.floor(this.#rng() * context.length)] : stream[i];
		const h = new Float32Array(dim);
		for (const id of inputs)
			for (let d = 0; d < dim; d++) h[d] += input[id * dim + d] / inputs.length;
		const negatives = this.#drawNegatives().slice();
		const rate = this.rate;
		const words = this.vocabulary.words;
		const targets = [target, ...negatives].map((id, k) => {
			let dot = 0;
			for (let d = 0; d < dim; d++) dot += h[d] * output[id * dim + d];
			const label = k === 0 ? 1 : 0;
			const sigmoid = 1 / (1 + Math.exp(-dot));
			return {
				word: words[id],
				id,
				label: label as 0 | 1,
				dot,
				sigmoid,
				step: (label - sigmoid) * rate,
				skipped: k > 0 && id === target
			};
		});
		const grad = new Float32Array(dim);
		const loss = sgnsUpdate(h, output, dim, target, negatives, rate, grad);
		for (const id of inputs) for (let d = 0; d < dim; d++) input[id * dim + d] += grad[d];
		this.#lossSum += loss;
		this.#examples++;
		this.wordsTrained++;
		return {
			architecture,
			inputs: inputs.map((id) => ({ word: words[id], id })),
			hidden: Array.from(h.subarray(0, shown)),
			dimensions: dim,
			vocabulary: words.length,
			rate,
			targets,
			loss
		};
	}

	#startEpoch(): void {
		this.#stream = subsample(this.ids, this.#keep, this.#rng);
		this.#position = 0;
		if (this.#negatives.length !== this.config.negatives)
			this.#negatives = new Int32Array(this.config.negatives);
	}

	#drawNegatives(): Int32Array {
		const table = this.#table;
		if (this.#negatives.length !== this.config.negatives)
			this.#negatives = new Int32Array(this.config.negatives);
		for (let i = 0; i < this.#negatives.length; i++)
			this.#negatives[i] = table[Math.floor(this.#rng() * table.length)];
		return this.#negatives;
	}

	#trainAt(i: number): void {
		const { dimensions: dim, window } = this.config;
		const { input, output } = this.embeddings;
		const stream = this.#stream;
		const reach = 1 + Math.floor(this.#rng() * window);
		const from = Math.max(0, i - reach);
		const to = Math.min(stream.length - 1, i + reach);
		const rate = this.rate;
		const h = this.#hidden;
		const grad = this.#grad;
		const centre = stream[i];
		if (this.config.architecture === 'skipgram') {
			// Each context word is a target of the centre word's vector.
			const row = centre * dim;
			for (let j = from; j <= to; j++) {
				if (j === i) continue;
				for (let d = 0; d < dim; d++) h[d] = input[row + d];
				grad.fill(0);
				this.#lossSum += sgnsUpdate(h, output, dim, stream[j], this.#drawNegatives(), rate, grad);
				this.#examples++;
				for (let d = 0; d < dim; d++) input[row + d] += grad[d];
			}
			return;
		}
		// CBOW: the mean of the context vectors predicts the centre word.
		const count = to - from;
		if (count === 0) return;
		h.fill(0);
		for (let j = from; j <= to; j++) {
			if (j === i) continue;
			const row = stream[j] * dim;
			for (let d = 0; d < dim; d++) h[d] += input[row + d] / count;
		}
		grad.fill(0);
		this.#lossSum += sgnsUpdate(h, output, dim, centre, this.#drawNegatives(), rate, grad);
		this.#examples++;
		for (let j = from; j <= to; j++) {
			if (j === i) continue;
			const row = stream[j] * dim;
			for (let d = 0; d < dim; d++) input[row + d] += grad[d];
		}
	}
}
