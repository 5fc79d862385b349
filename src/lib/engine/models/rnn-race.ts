import * as tfl from '@tensorflow/tfjs-layers';
import { gpuBarrier } from '../backend';
import { alphabetSize, recallBatch } from '../data/recall-task';
import type { LiveModel } from '../live-model';
import { createRng, deriveSeed, type Rng } from '../random';
import type { Evaluation } from '../session';
import * as tf from '../tf';
import { softmaxStep } from './layers-step';
import { traceLstm } from './lstm-gates';
import {
	rnnKinds,
	type RnnCurves,
	type RnnKind,
	type RnnRaceConfig,
	type RnnRaceSnapshot
} from './rnn-race-spec';

export * from './rnn-race-spec';

const testSize = 256;
/** Sequences per pass over the (endless, generated) data: an "epoch" for the counters. */
const epochSize = 512;

/**
 * One recurrent layer of the given kind over one-hot symbols, then a dense layer to one logit per
 * symbol. Recurrent weights start Glorot-normal (tfjs's default orthogonal initialiser is a slow
 * CPU QR decomposition); gates use the logistic sigmoid of the textbook equations.
 */
export function buildRecurrentClassifier(
	kind: RnnKind,
	units: number,
	seed: number
): tfl.LayersModel {
	const cell = (stream: number) => ({
		units,
		kernelInitializer: tfl.initializers.glorotUniform({ seed: deriveSeed(seed, stream) }),
		recurrentInitializer: tfl.initializers.glorotNormal({ seed: deriveSeed(seed, stream + 1) })
	});
	const inputShape = [null, alphabetSize];
	const recurrent = {
		simpleRnn: () => tfl.layers.simpleRNN({ ...cell(10), inputShape, name: 'simpleRnn' }),
		lstm: () =>
			tfl.layers.lstm({ ...cell(20), inputShape, recurrentActivation: 'sigmoid', name: 'lstm' }),
		gru: () =>
			tfl.layers.gru({ ...cell(30), inputShape, recurrentActivation: 'sigmoid', name: 'gru' }),
		biLstm: () =>
			tfl.layers.bidirectional({
				layer: tfl.layers.lstm({ ...cell(40), recurrentActivation: 'sigmoid' }) as tfl.RNN,
				mergeMode: 'concat',
				inputShape,
				name: 'biLstm'
			})
	}[kind]();
	return tfl.sequential({
		layers: [
			recurrent,
			tfl.layers.dense({
				units: alphabetSize,
				name: 'logits',
				kernelInitializer: tfl.initializers.glorotUniform({ seed: deriveSeed(seed, 50) })
			})
		]
	});
}

interface Racer {
	kind: RnnKind;
	model: tfl.LayersModel;
	optimizer: tf.AdamOptimizer;
}

const crossEntropy = (labels: tf.Tensor, logits: tf.Tensor) =>
	tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;

/** One-hot rows on the CPU, uploaded as float32. */
export function oneHotRows(ids: Int32Array): Float32Array {
	const rows = new Float32Array(ids.length * alphabetSize);
	ids.forEach((id, i) => (rows[i * alphabetSize + id] = 1));
	return rows;
}

/**
 * Inputs and labels as float32 tensors built on the CPU. Not `tf.oneHot(…).toFloat()`: on WebGPU
 * that cast keeps the int32 buffer under a float32 tensor, and tfjs 4.22 then generates an
 * invalid transpose shader in the RNN's backward pass, silently dropping the whole command buffer.
 */
function tensorsOf(symbols: Int32Array, answers: Int32Array, count: number, length: number) {
	return {
		x: tf.tensor3d(oneHotRows(symbols), [count, length, alphabetSize]),
		y: tf.tensor2d(oneHotRows(answers), [count, alphabetSize])
	};
}

/**
 * SimpleRNN, LSTM, GRU and a bidirectional LSTM learn the same task from the same batches, step
 * for step. Batches are drawn on the CPU (a few KB of ids); each network's loss is summed on the
 * GPU and read back only at reports. The status line follows the LSTM.
 */
export class RnnRace implements LiveModel<RnnRaceConfig, null, RnnRaceSnapshot> {
	readonly reportEveryMs = 1000;
	#config: RnnRaceConfig;
	#racers: Racer[] = [];
	#lossSums = tf.tidy(() => tf.variable(tf.zeros([rnnKinds.length]), false));
	#stepsSinceReport = 0;
	#sequencesSeen = 0;
	#rng: Rng = createRng(0);
	#test!: { x: tf.Tensor3D; y: tf.Tensor2D; symbols: Int32Array };
	#backup: Float32Array[] | null = null;

	constructor(config: RnnRaceConfig) {
		this.#config = { ...config };
		this.#makeTestSet();
		this.reinitialize();
	}

	get epoch(): number {
		return Math.floor(this.#sequencesSeen / epochSize);
	}

	configure(config: RnnRaceConfig): void {
		const rebuild = config.units !== this.#config.units;
		const newLength = config.sequenceLength !== this.#config.sequenceLength;
		this.#config = { ...config };
		if (newLength) this.#makeTestSet();
		if (rebuild) this.reinitialize();
		else for (const racer of this.#racers) this.#setRate(racer.optimizer, config.learningRate);
	}

	setData(): void {}

	reinitialize(): void {
		this.#disposeRacers();
		this.#racers = rnnKinds.map((kind) => ({
			kind,
			model: buildRecurrentClassifier(kind, this.#config.units, this.#config.seed),
			optimizer: tf.train.adam(this.#config.learningRate)
		}));
		this.#rng = createRng(deriveSeed(this.#config.seed, 7));
		this.#sequencesSeen = 0;
		tf.tidy(() => this.#lossSums.assign(tf.zeros([rnnKinds.length])));
		this.#stepsSinceReport = 0;
	}

	trainStep(): void {
		const { batchSize, sequenceLength } = this.#config;
		const batch = recallBatch(batchSize, sequenceLength, this.#rng);
		tf.tidy(() => {
			const { x, y } = tensorsOf(batch.symbols, batch.answers, batchSize, sequenceLength);
			const losses = this.#racers.map(({ model, optimizer }) =>
				softmaxStep(model, optimizer, x, y)
			);
			this.#lossSums.assign(tf.add(this.#lossSums, tf.stack(losses)));
		});
		this.#stepsSinceReport++;
		this.#sequencesSeen += batchSize;
	}

	async evaluate(): Promise<Evaluation<RnnRaceSnapshot>> {
		const steps = this.#stepsSinceReport;
		const weights = this.#racers.flatMap((r) => r.model.getWeights());
		const packed = tf.tidy(() => {
			const perModel = this.#racers.map(({ model }) => {
				const logits = model.predict(this.#test.x) as tf.Tensor;
				const correct = tf.equal(tf.argMax(logits, 1), tf.argMax(this.#test.y, 1));
				return [crossEntropy(this.#test.y, logits), tf.mean(tf.cast(correct, 'float32'))];
			});
			const testLosses = tf.stack(perModel.map(([loss]) => loss));
			const trainLosses = steps > 0 ? tf.div(this.#lossSums, steps) : testLosses;
			return tf.concat([
				trainLosses,
				testLosses,
				tf.stack(perModel.map(([, accuracy]) => accuracy)),
				...weights.map((w) => w.flatten())
			]);
		});
		const values = (await packed.data()) as Float32Array;
		packed.dispose();
		tf.tidy(() => this.#lossSums.assign(tf.zeros([rnnKinds.length])));
		this.#stepsSinceReport = 0;
		const n = rnnKinds.length;
		let offset = 3 * n;
		this.#backup = weights.map((w) => values.slice(offset, (offset += w.size)));
		const models = Object.fromEntries(
			this.#racers.map((racer, i): [RnnKind, RnnCurves] => [
				racer.kind,
				{
					trainLoss: values[i],
					testLoss: values[n + i],
					testAccuracy: values[2 * n + i],
					parameters: racer.model.countParams()
				}
			])
		) as Record<RnnKind, RnnCurves>;
		const lstm = models.lstm;
		return {
			metrics: { loss: lstm.trainLoss, testLoss: lstm.testLoss, testAccuracy: lstm.testAccuracy },
			snapshot: { models, gates: this.#gates() }
		};
	}

	/** Waits for every step enqueued so far: a queue barrier on WebGPU, else a small read. */
	async sync(): Promise<void> {
		await (gpuBarrier() ?? this.#lossSums.data());
	}

	backup(): Float32Array[] | null {
		return this.#backup;
	}

	restoreBackup(backup: unknown): void {
		const arrays = backup as Float32Array[];
		let next = 0;
		tf.tidy(() => {
			for (const { model } of this.#racers) {
				const current = model.getWeights();
				model.setWeights(current.map((w) => tf.tensor(arrays[next++], w.shape)));
			}
		});
	}

	dispose(): void {
		this.#disposeRacers();
		tf.dispose([this.#lossSums, this.#test.x, this.#test.y]);
	}

	/** The LSTM's gates over the first test sequence, from the weights read at this report. */
	#gates(): RnnRaceSnapshot['gates'] {
		const lstmIndex = rnnKinds.indexOf('lstm');
		const before = this.#racers
			.slice(0, lstmIndex)
			.reduce((count, r) => count + r.model.getWeights().length, 0);
		const [kernel, recurrentKernel, bias] = this.#backup!.slice(before, before + 3);
		const symbols = Array.from(this.#test.symbols.subarray(0, this.#config.sequenceLength));
		const trace = traceLstm(
			{ inputSize: alphabetSize, units: this.#config.units, kernel, recurrentKernel, bias },
			symbols
		);
		return { ...trace, symbols };
	}

	#makeTestSet(): void {
		if (this.#test) tf.dispose([this.#test.x, this.#test.y]);
		const { sequenceLength } = this.#config;
		const batch = recallBatch(
			testSize,
			sequenceLength,
			createRng(deriveSeed(this.#config.seed, 11))
		);
		this.#test = {
			...tensorsOf(batch.symbols, batch.answers, testSize, sequenceLength),
			symbols: batch.symbols
		};
	}

	#setRate(optimizer: tf.AdamOptimizer, rate: number): void {
		// Adam reads its rate at every update; changing it keeps the moment estimates.
		(optimizer as unknown as { learningRate: number }).learningRate = rate;
	}

	#disposeRacers(): void {
		for (const { model, optimizer } of this.#racers) {
			model.dispose();
			optimizer.dispose();
		}
		this.#racers = [];
	}
}
