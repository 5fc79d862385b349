/**
 * Skip-gram with negative sampling as tfjs ops, for comparison with the typed-array trainer: a
 * batch of (centre, context) pairs gathers its rows, computes the scores and their gradients in
 * closed form, and scatters the row updates back (scatterND), never a dense gradient through the
 * whole matrix as tf.grad of a gather-and-matMul graph would give.
 */
import { createRng, deriveSeed, type Rng } from '../random';
import * as tf from '../tf';
import { keepProbabilities, noiseTable, subsample, type Vocabulary } from './text';

export interface TfSgnsConfig {
	dimensions: number;
	window: number;
	negatives: number;
	learningRate: number;
	sample: number;
	seed: number;
	/** Pairs per batch. */
	batch: number;
}

export class TfSgnsTrainer {
	readonly config: TfSgnsConfig;
	input: tf.Tensor2D;
	output: tf.Tensor2D;
	#stream: Int32Array;
	#position = 0;
	#rng: Rng;
	#table: Int32Array;

	constructor(vocabulary: Vocabulary, ids: Int32Array, config: TfSgnsConfig) {
		this.config = config;
		const v = vocabulary.words.length;
		const d = config.dimensions;
		const init = createRng(config.seed);
		this.input = tf.tensor2d(
			Float32Array.from({ length: v * d }, () => (init() - 0.5) / d),
			[v, d]
		);
		this.output = tf.zeros([v, d]);
		this.#rng = createRng(deriveSeed(config.seed, 1));
		this.#table = noiseTable(vocabulary.counts);
		this.#stream = subsample(ids, keepProbabilities(vocabulary, config.sample), this.#rng);
	}

	/** The next batch of pairs from the stream, and the centre words it consumed. */
	#pairs(): { centres: Int32Array; targets: Int32Array; words: number } {
		const { batch, window, negatives } = this.config;
		const centres = new Int32Array(batch);
		const targets = new Int32Array(batch * (1 + negatives));
		let n = 0;
		let words = 0;
		const stream = this.#stream;
		while (n < batch) {
			if (this.#position >= stream.length) this.#position = 0;
			const i = this.#position++;
			words++;
			const reach = 1 + Math.floor(this.#rng() * window);
			for (
				let j = Math.max(0, i - reach);
				j <= Math.min(stream.length - 1, i + reach) && n < batch;
				j++
			) {
				if (j === i) continue;
				centres[n] = stream[i];
				targets[n * (1 + negatives)] = stream[j];
				for (let k = 1; k <= negatives; k++)
					targets[n * (1 + negatives) + k] =
						this.#table[Math.floor(this.#rng() * this.#table.length)];
				n++;
			}
		}
		return { centres, targets, words };
	}

	/** One batch: returns the mean loss per pair (a tensor the caller reads and disposes) and the words used. */
	step(): { loss: tf.Scalar; words: number } {
		const { batch, negatives, dimensions: d, learningRate } = this.config;
		const k1 = 1 + negatives;
		const { centres, targets, words } = this.#pairs();
		const [loss, input, output] = tf.tidy(() => {
			const v = tf.gather(this.input, centres); // B×d
			const u = tf.gather(this.output, targets).reshape([batch, k1, d]); // B×(1+k)×d
			const f = tf.sum(tf.mul(u, v.expandDims(1)), 2); // B×(1+k)
			const labels = tf.tensor2d(
				Float32Array.from({ length: batch * k1 }, (_, i) => (i % k1 === 0 ? 1 : 0)),
				[batch, k1]
			);
			const sign = labels.mul(2).sub(1);
			const loss = tf
				.neg(tf.logSigmoid(f.mul(sign)))
				.sum()
				.div(batch) as tf.Scalar;
			const g = labels.sub(tf.sigmoid(f)).mul(learningRate); // −rate · ∂loss/∂f
			const dv = tf.sum(tf.mul(g.expandDims(2), u), 1); // B×d
			const du = tf.mul(g.expandDims(2), v.expandDims(1)).reshape([batch * k1, d]);
			// scatterND adds the rows of repeated ids together; adding its result touches the whole
			// matrix once per batch (tfjs's CPU unsortedSegmentSum + tensorScatterUpdate, the truly
			// sparse route, loops once per distinct row and was far slower).
			const update = (matrix: tf.Tensor2D, rows: Int32Array, delta: tf.Tensor) =>
				matrix.add(
					tf.scatterND(tf.tensor2d(rows, [rows.length, 1], 'int32'), delta, matrix.shape)
				) as tf.Tensor2D;
			return [loss, update(this.input, centres, dv), update(this.output, targets, du)] as const;
		});
		this.input.dispose();
		this.output.dispose();
		this.input = input;
		this.output = output;
		return { loss, words };
	}

	dispose(): void {
		this.input.dispose();
		this.output.dispose();
	}
}
