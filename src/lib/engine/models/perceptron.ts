import { gpuBarrier } from '../backend';
import * as tf from '../tf';
import type { LabeledPoint, PointSet } from '../data/points2d';
import { createRng, deriveSeed, shuffle, uniform, type Rng } from '../random';
import type { Evaluation, Metrics } from '../session';
import type { LiveModel } from '../live-model';
import type { PerceptronConfig, PerceptronStepDetail, PerceptronWeights } from './perceptron-spec';

export * from './perceptron-spec';

const weightsFrom = (values: ArrayLike<number>, offset: number): PerceptronWeights => ({
	w1: values[offset],
	w2: values[offset + 1],
	b: values[offset + 2]
});

interface Tensors {
	x: tf.Tensor2D;
	y: tf.Tensor2D;
}

function toTensors(points: LabeledPoint[]): Tensors | null {
	if (points.length === 0) return null;
	return {
		x: tf.tensor2d(
			points.flatMap((p) => [p.x1, p.x2]),
			[points.length, 2]
		),
		y: tf.tensor2d(
			points.map((p) => p.label),
			[points.length, 1]
		)
	};
}

/**
 * One neuron, z = w·x + b, trained with tfjs's SGD optimiser and automatic differentiation.
 * Sigmoid: binary cross-entropy on σ(z). Step: the perceptron criterion max(0, -(2y-1)·z), whose
 * gradient step is exactly Rosenblatt's rule w ← w + η (y - ŷ) x on a misclassified example.
 */
export class PerceptronModel implements LiveModel<
	PerceptronConfig,
	PointSet,
	PerceptronWeights,
	PerceptronStepDetail
> {
	/** The line should move smoothly: reports may take a quarter of the time of this tiny model. */
	readonly reportShare = 0.25;
	#config: PerceptronConfig;
	#points: PointSet = { train: [], test: [] };
	#train: Tensors | null = null;
	#test: Tensors | null = null;
	#w: tf.Variable;
	#b: tf.Variable;
	#optimizer: tf.SGDOptimizer;
	#shuffleRng: Rng;
	#order: number[] = [];
	#cursor = 0;
	#epoch = 0;
	/** The weights as of the last evaluate(), on the CPU. */
	#evaluated: PerceptronWeights | null = null;

	constructor(config: PerceptronConfig, data: PointSet) {
		this.#config = { ...config };
		this.#w = tf.tidy(() => tf.variable(tf.zeros([2, 1])));
		this.#b = tf.tidy(() => tf.variable(tf.zeros([1])));
		this.#optimizer = tf.train.sgd(config.learningRate);
		this.#shuffleRng = createRng(0);
		this.reinitialize();
		this.setData(data);
	}

	get epoch(): number {
		return this.#epoch;
	}

	configure(config: PerceptronConfig): void {
		this.#config = { ...config };
		this.#optimizer.setLearningRate(config.learningRate);
	}

	setData(data: PointSet): void {
		this.#disposeData();
		this.#points = { train: [...data.train], test: [...data.test] };
		this.#train = toTensors(this.#points.train);
		this.#test = toTensors(this.#points.test);
		this.#startEpoch();
	}

	reinitialize(): void {
		const rng = createRng(deriveSeed(this.#config.seed, 1));
		this.restore({ w1: uniform(rng, -1, 1), w2: uniform(rng, -1, 1), b: uniform(rng, -0.3, 0.3) });
		this.#shuffleRng = createRng(deriveSeed(this.#config.seed, 2));
		this.#epoch = 0;
		this.#startEpoch();
	}

	restore(weights: PerceptronWeights): void {
		tf.tidy(() => {
			this.#w.assign(tf.tensor2d([weights.w1, weights.w2], [2, 1]));
			this.#b.assign(tf.tensor1d([weights.b]));
		});
	}

	/** Waits for every step enqueued so far: a queue barrier on WebGPU, else a 4-byte read. */
	async sync(): Promise<void> {
		await (gpuBarrier() ?? this.#b.data());
	}

	trainStep(): void {
		const train = this.#train;
		if (!train) return;
		const indices = this.#nextBatch(this.#config.batchSize);
		tf.tidy(() => {
			const whole = indices.length === this.#points.train.length;
			const picked = whole ? null : tf.tensor1d(indices, 'int32');
			const x = picked ? tf.gather(train.x, picked) : train.x;
			const y = picked ? tf.gather(train.y, picked) : train.y;
			this.#optimizer.minimize(() => this.#loss(x, y), false, [this.#w, this.#b]);
		});
	}

	async explainStep(): Promise<PerceptronStepDetail> {
		const train = this.#train;
		if (!train) throw new Error('The perceptron has no training points to step on.');
		const [index] = this.#nextBatch(1);
		const { activation, learningRate } = this.#config;
		const packed = tf.tidy(() => {
			const x = train.x.slice([index, 0], [1, 2]);
			const y = train.y.slice([index, 0], [1, 1]);
			const before = tf.concat([this.#w.flatten(), this.#b]);
			const z = this.#weightedSum(x);
			const output = activation === 'sigmoid' ? tf.sigmoid(z) : tf.step(z);
			const { value, grads } = tf.variableGrads(() => this.#loss(x, y), [this.#w, this.#b]);
			this.#optimizer.applyGradients(grads);
			const gradient = tf.concat([grads[this.#w.name].flatten(), grads[this.#b.name]]);
			const after = tf.concat([this.#w.flatten(), this.#b]);
			return tf.concat([
				before,
				z.flatten(),
				output.flatten(),
				value.reshape([1]),
				gradient,
				after
			]);
		});
		const values = await packed.data();
		packed.dispose();
		return {
			example: this.#points.train[index],
			activation,
			learningRate,
			before: weightsFrom(values, 0),
			weightedSum: values[3],
			output: values[4],
			prediction: values[3] > 0 ? 1 : 0,
			loss: values[5],
			gradient: weightsFrom(values, 6),
			after: weightsFrom(values, 9)
		};
	}

	backup(): PerceptronWeights | null {
		return this.#evaluated;
	}

	restoreBackup(backup: unknown): void {
		this.restore(backup as PerceptronWeights);
	}

	async evaluate(): Promise<Evaluation<PerceptronWeights>> {
		const { train, test } = { train: this.#train, test: this.#test };
		const packed = tf.tidy(() => {
			const parts: tf.Tensor[] = [this.#w.flatten(), this.#b];
			for (const set of [train, test]) {
				if (set) parts.push(this.#loss(set.x, set.y).reshape([1]), this.#accuracy(set));
			}
			return tf.concat(parts);
		});
		const values = await packed.data();
		packed.dispose();
		const metrics: Metrics = { loss: train ? values[3] : 0 };
		if (train) metrics.accuracy = values[4];
		if (test) {
			const at = train ? 5 : 3;
			metrics.testLoss = values[at];
			metrics.testAccuracy = values[at + 1];
		}
		this.#evaluated = weightsFrom(values, 0);
		return { metrics, snapshot: this.#evaluated };
	}

	dispose(): void {
		this.#disposeData();
		this.#w.dispose();
		this.#b.dispose();
		this.#optimizer.dispose();
	}

	#weightedSum(x: tf.Tensor2D): tf.Tensor2D {
		return tf.add(tf.matMul(x, this.#w as tf.Tensor2D), this.#b);
	}

	#loss(x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
		const z = this.#weightedSum(x);
		if (this.#config.activation === 'step') {
			const sign = tf.sub(tf.mul(y, 2), 1);
			return tf.mean(tf.relu(tf.neg(tf.mul(sign, z))));
		}
		// Binary cross-entropy of σ(z), written so that large |z| cannot overflow.
		const stable = tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
		return tf.mean(stable);
	}

	#accuracy(set: Tensors): tf.Tensor1D {
		const predicted = tf.cast(tf.greater(this.#weightedSum(set.x), 0), 'float32');
		return tf.mean(tf.cast(tf.equal(predicted, set.y), 'float32')).reshape([1]);
	}

	#startEpoch(): void {
		this.#order = this.#points.train.map((_, i) => i);
		shuffle(this.#order, this.#shuffleRng);
		this.#cursor = 0;
	}

	/** The next `size` example indices of this epoch's shuffled order; a new epoch when it runs out. */
	#nextBatch(size: number): number[] {
		const count = this.#order.length;
		if (size >= count) {
			this.#epoch++;
			return this.#order.slice();
		}
		const batch = this.#order.slice(this.#cursor, this.#cursor + size);
		this.#cursor += batch.length;
		if (this.#cursor >= count) {
			this.#epoch++;
			this.#startEpoch();
		}
		return batch;
	}

	#disposeData(): void {
		for (const set of [this.#train, this.#test]) {
			set?.x.dispose();
			set?.y.dispose();
		}
		this.#train = null;
		this.#test = null;
	}
}
