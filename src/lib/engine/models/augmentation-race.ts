import { firstDigits, type DigitSet } from '../data/mnist';
import type { LiveModel } from '../live-model';
import { createRng, deriveSeed, type Rng } from '../random';
import type { Evaluation } from '../session';
import * as tf from '../tf';
import { augmentBatch, type AugmentSettings } from '../vision/augment';
import type {
	AugmentPreview,
	RaceConfig,
	RaceCurves,
	RaceSnapshot
} from './augmentation-race-spec';
import { CnnModel, type CnnConfig, type DigitData } from './cnn';

export * from './augmentation-race-spec';

const previewDigits = 4;
const previewVariants = 5;

const cnnConfigOf = ({ learningRate, batchSize, seed, evalSize }: RaceConfig): CnnConfig => ({
	learningRate,
	batchSize,
	seed,
	evalSize
});

/**
 * Trains the same CNN twice, step for step, from the same initial weights on the same batches;
 * the only difference is that one sees each batch randomly rotated, shifted, zoomed, mirrored or
 * noisy. The gap between their test accuracies is what augmentation buys, measured, not claimed.
 */
export class AugmentationRace implements LiveModel<RaceConfig, DigitData, RaceSnapshot> {
	readonly reportEveryMs = 1000;
	#config: RaceConfig;
	#data!: DigitData;
	#rng: Rng;
	#previewRng: Rng;
	#plain: CnnModel;
	#augmented: CnnModel;
	/** The whole downloaded training set; the race uses its first trainSize digits. */
	#fullTrain: DigitSet;

	constructor(config: RaceConfig, data: DigitData) {
		this.#config = structuredClone(config);
		this.#rng = createRng(deriveSeed(config.seed, 11));
		this.#previewRng = createRng(deriveSeed(config.seed, 12));
		this.#fullTrain = data.train;
		this.#data = { train: firstDigits(data.train, config.trainSize), test: data.test };
		this.#plain = new CnnModel(cnnConfigOf(config), this.#data);
		this.#augmented = new CnnModel(cnnConfigOf(config), this.#data, {
			augment: (batch) => augmentBatch(batch, this.#config.augment, this.#rng)
		});
	}

	get epoch(): number {
		return this.#plain.epoch;
	}

	configure(config: RaceConfig): void {
		const resized = config.trainSize !== this.#config.trainSize;
		this.#config = structuredClone(config);
		this.#plain.configure(cnnConfigOf(config));
		this.#augmented.configure(cnnConfigOf(config));
		if (resized) this.setData({ train: this.#fullTrain, test: this.#data.test });
	}

	setData(data: DigitData): void {
		this.#fullTrain = data.train;
		this.#data = { train: firstDigits(data.train, this.#config.trainSize), test: data.test };
		this.#plain.setData(this.#data);
		this.#augmented.setData(this.#data);
	}

	trainStep(): void {
		this.#plain.trainStep();
		this.#augmented.trainStep();
	}

	async sync(): Promise<void> {
		await Promise.all([this.#plain.sync(), this.#augmented.sync()]);
	}

	async evaluate(): Promise<Evaluation<RaceSnapshot>> {
		const [plain, augmented] = await Promise.all([
			this.#plain.evaluate(),
			this.#augmented.evaluate()
		]);
		const curves = ({ metrics }: Evaluation<unknown>): RaceCurves => ({
			trainLoss: metrics.loss,
			testLoss: metrics.testLoss!,
			testAccuracy: metrics.testAccuracy!
		});
		return {
			metrics: augmented.metrics,
			snapshot: { plain: curves(plain), augmented: curves(augmented) }
		};
	}

	async warmUp(): Promise<void> {
		await this.#plain.warmUp();
		await this.#augmented.warmUp();
	}

	reinitialize(): void {
		this.#rng = createRng(deriveSeed(this.#config.seed, 11));
		this.#plain.reinitialize();
		this.#augmented.reinitialize();
	}

	backup(): unknown {
		const plain = this.#plain.backup();
		const augmented = this.#augmented.backup();
		return plain && augmented ? { plain, augmented } : null;
	}

	restoreBackup(backup: unknown): void {
		const { plain, augmented } = backup as { plain: Float32Array[]; augmented: Float32Array[] };
		this.#plain.restoreBackup(plain);
		this.#augmented.restoreBackup(augmented);
	}

	async handleRequest(name: string, payload: unknown): Promise<unknown> {
		if (name === 'preview') return this.#preview(payload as AugmentSettings);
		throw new Error(`unknown request ${name}`);
	}

	dispose(): void {
		this.#plain.dispose();
		this.#augmented.dispose();
	}

	async #preview(settings: AugmentSettings): Promise<AugmentPreview> {
		const size = 28 * 28;
		const originals = Float32Array.from(
			this.#data.train.images.subarray(0, previewDigits * size),
			(v) => v / 255
		);
		const grid = tf.tidy(() => {
			const digits = tf.tensor4d(originals, [previewDigits, 28, 28, 1]);
			const copies = tf.tile(digits, [previewVariants, 1, 1, 1]) as tf.Tensor4D;
			const distorted = augmentBatch(copies, settings, this.#previewRng);
			// Row r: digit r as it is, then its variants.
			const rows = tf
				.concat([digits, distorted])
				.reshape([previewVariants + 1, previewDigits, size]);
			return tf.transpose(rows, [1, 0, 2]);
		});
		const values = (await grid.data()) as Float32Array;
		grid.dispose();
		return {
			digits: previewDigits,
			variants: previewVariants,
			images: { width: 28, height: 28, count: previewDigits * (previewVariants + 1), values }
		};
	}
}
