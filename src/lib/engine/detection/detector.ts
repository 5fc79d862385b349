import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import * as tf from '../tf';
import { boxAt, type Box } from './boxes';
import { cocoClassCount, cocoLabel } from './coco-classes';

export interface DetectOptions {
	/** Boxes must score above this (0 to 1). */
	scoreThreshold: number;
	/** Non-maximum suppression drops a box overlapping a kept one by at least this IoU. */
	iouThreshold: number;
	maxBoxes: number;
	/** How many of the best-scoring boxes to return as NMS candidates, for the step-through. */
	candidateLimit?: number;
}

export interface Detection {
	classId: number;
	/** English COCO name; the page translates it. */
	label: string;
	score: number;
	box: Box;
}

export interface DetectionResult {
	width: number;
	height: number;
	detections: Detection[];
	/** Boxes above the score threshold before NMS, best first (at most candidateLimit). */
	candidates: Detection[];
	/** Network time (graph run and the one read of its outputs) and NMS time, in ms. */
	inferenceMs: number;
	nmsMs: number;
	/** Live tensors after the frame: flat from frame to frame, or something leaks. */
	tensors: number;
}

/** Columns of the float array read back per frame: the best class score, then the box. */
const packedColumns = 5;

interface GraphOutput {
	/** [boxes × (best score, top, left, bottom, right)] */
	packed: Float32Array;
	/** The class index (0-based) of each box's best score. */
	classes: Int32Array;
}

/**
 * COCO-SSD (SSDLite MobileNetV2) with our own frame pipeline: the graph runs with executeAsync,
 * the per-box best class is found on the GPU, two `await data()` read it back, and NMS
 * runs with nonMaxSuppressionAsync on those CPU copies. The package's detect() instead reads with
 * dataSync (zeros on WebGPU here, and a blocking read everywhere).
 */
export class CocoSsd {
	private constructor(
		private readonly model: GraphModel,
		readonly backend: string
	) {}

	/** Loads the graph and runs it once, which compiles its shaders before the first real frame. */
	static async load(
		source: string | tf.io.IOHandler,
		onProgress?: (fraction: number) => void
	): Promise<CocoSsd> {
		const model = await loadGraphModel(source, { onProgress });
		const detector = new CocoSsd(model, tf.getBackend());
		const blank = tf.zeros([300, 300, 3], 'int32') as tf.Tensor3D;
		try {
			await detector.run(blank);
		} finally {
			blank.dispose();
		}
		return detector;
	}

	/** Detects objects in an image (RGBA pixels, any size; the graph resizes to 300×300 itself). */
	async detect(pixels: ImageData | tf.PixelData, options: DetectOptions): Promise<DetectionResult> {
		const started = performance.now();
		const image = tf.browser.fromPixels(pixels, 3);
		let output: GraphOutput;
		try {
			output = await this.run(image);
		} finally {
			image.dispose();
		}
		const { packed, classes } = output;
		const inferenceMs = performance.now() - started;

		const count = packed.length / packedColumns;
		const scores = new Float32Array(count);
		const boxes = new Float32Array(count * 4);
		for (let i = 0; i < count; i++) {
			scores[i] = packed[i * packedColumns];
			boxes.set(packed.subarray(i * packedColumns + 1, (i + 1) * packedColumns), i * 4);
		}
		const detectionAt = (i: number): Detection => {
			const classId = classes[i] + 1;
			return { classId, label: cocoLabel(classId), score: scores[i], box: boxAt(boxes, i) };
		};

		const nmsStarted = performance.now();
		const boxTensor = tf.tensor2d(boxes, [count, 4]);
		const scoreTensor = tf.tensor1d(scores);
		const keptTensor = await tf.image.nonMaxSuppressionAsync(
			boxTensor,
			scoreTensor,
			options.maxBoxes,
			options.iouThreshold,
			options.scoreThreshold
		);
		const kept = await keptTensor.data();
		tf.dispose([boxTensor, scoreTensor, keptTensor]);
		const nmsMs = performance.now() - nmsStarted;

		const candidates = Array.from(scores.keys())
			.filter((i) => scores[i] > options.scoreThreshold)
			.sort((a, b) => scores[b] - scores[a])
			.slice(0, options.candidateLimit ?? 0);
		return {
			width: pixels.width,
			height: pixels.height,
			detections: Array.from(kept, detectionAt),
			candidates: candidates.map(detectionAt),
			inferenceMs,
			nmsMs,
			tensors: tf.memory().numTensors
		};
	}

	dispose(): void {
		this.model.dispose();
	}

	/** The bare graph run on a [1, h, w, 3] int32 batch (for benchmarks); the caller disposes. */
	async execute(batch: tf.Tensor): Promise<tf.Tensor[]> {
		return (await this.model.executeAsync(batch)) as tf.Tensor[];
	}

	/** Runs the graph on an int32 [h, w, 3] image and reads back each box's best class and box. */
	private async run(image: tf.Tensor3D): Promise<GraphOutput> {
		const batch = image.expandDims(0);
		const outputs = await this.execute(batch);
		batch.dispose();
		// The class indices stay int32 and are read on their own: a cast to float is a relabel of
		// the int32 buffer on WebGPU, which later shaders may misread.
		const [packed, classes] = tf.tidy(() => {
			const scores = outputs.find((t) => t.shape.at(-1) === cocoClassCount);
			const boxes = outputs.find((t) => t.shape.at(-1) === 4);
			if (!scores || !boxes) throw new Error('the graph did not return scores and boxes');
			const perBox = scores.reshape([-1, cocoClassCount]);
			return [tf.concat([perBox.max(1, true), boxes.reshape([-1, 4])], 1), perBox.argMax(1)];
		});
		tf.dispose(outputs);
		try {
			const [packedData, classData] = await Promise.all([packed.data(), classes.data()]);
			return { packed: packedData as Float32Array, classes: classData as Int32Array };
		} finally {
			tf.dispose([packed, classes]);
		}
	}
}
