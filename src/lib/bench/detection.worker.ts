import '@tensorflow/tfjs-backend-cpu';
import * as cocoSsd from '@tensorflow-models/coco-ssd';
import { parseBackendName, selectBackend } from '$lib/engine/backend';
import { CocoSsd } from '$lib/engine/detection/detector';
import * as tf from '$lib/engine/tf';
import type {
	DetectionBenchFromWorker,
	DetectionBenchOptions,
	DetectionBenchResult,
	PipelineMeasure
} from './bench-spec';
import { adapterName, countReads, GpuPeak, median } from './measure';
import { soak } from './soak';

const post = (message: DetectionBenchFromWorker) => self.postMessage(message);
const detectOptions = { scoreThreshold: 0.5, iouThreshold: 0.5, maxBoxes: 20 };

async function photoPixels(url: string): Promise<ImageData> {
	const bitmap = await createImageBitmap(await (await fetch(url)).blob());
	const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
	const context = canvas.getContext('2d')!;
	context.drawImage(bitmap, 0, 0);
	return context.getImageData(0, 0, bitmap.width, bitmap.height);
}

async function timed<T>(body: () => Promise<T>): Promise<{ result: T; ms: number }> {
	const started = performance.now();
	const result = await body();
	return { result, ms: performance.now() - started };
}

/**
 * Per-frame latency of the lesson's pipeline against the package's detect(), on the same photo,
 * backend and worker, in alternating blocks so that machine noise hits both alike.
 */
async function run(options: DetectionBenchOptions): Promise<DetectionBenchResult> {
	const info = await selectBackend({ requested: parseBackendName(options.backend) });
	const pixels = await photoPixels(options.photoUrl);
	const ours = await timed(() => CocoSsd.load(options.modelUrl));
	const runOurs = async () =>
		(await ours.result.detect(pixels, detectOptions)).detections.map((d) => d.label);
	// Warm-up: the first frame at this size compiles shaders.
	const peak = new GpuPeak();
	for (let i = 0; i < 2; i++) {
		await runOurs();
		peak.sample();
	}
	const theirs = options.withPackage
		? await stage('load', () => timed(() => cocoSsd.load({ modelUrl: options.modelUrl })))
		: null;
	let theirFrames = 0;
	const runTheirs = () =>
		stage(`detect() call ${++theirFrames}`, async () =>
			(
				await theirs!.result.detect(pixels, detectOptions.maxBoxes, detectOptions.scoreThreshold)
			).map((d) => d.class)
		);
	if (theirs) {
		const found: string[][] = [];
		for (let i = 0; i < 2; i++) found.push(await runTheirs());
		// On SwiftShader WebGPU detect() returns, and the device is gone: the next GPU read fails.
		await stage(
			`our next frame (detect() found: ${found.at(-1)!.join(', ') || 'nothing'})`,
			runOurs
		);
	}
	const graph = await stage('graph reads', () => graphReads(ours.result, pixels));

	const measures = { ours: emptyMeasure(), package: emptyMeasure() };
	const ratios: number[] = [];
	const tensorsBefore = tf.memory().numTensors;
	const pipelines = [[measures.ours, runOurs] as const];
	if (theirs) pipelines.push([measures.package, runTheirs] as const);
	for (let round = 0; round < options.rounds; round++) {
		const medians: number[] = [];
		for (const [measure, body] of pipelines) {
			const latencies: number[] = [];
			for (let frame = 0; frame < options.frames; frame++) {
				const { result, ms } = await timed(() => countReads(body));
				latencies.push(ms);
				measure.readsPerFrame += result.reads;
				measure.syncReadsPerFrame += result.syncReads;
				measure.found = result.result;
			}
			measure.latencies.push(...latencies);
			medians.push(median(latencies));
		}
		if (theirs) ratios.push(medians[0] / medians[1]);
	}
	const tensorsAfter = tf.memory().numTensors;
	const frames = options.frames * options.rounds;
	for (const measure of Object.values(measures)) {
		measure.readsPerFrame /= frames;
		measure.syncReadsPerFrame /= frames;
	}
	ours.result.dispose();
	theirs?.result.dispose();
	return {
		backend: info.name,
		adapter: adapterName(info),
		loadMs: { ours: ours.ms, package: theirs?.ms ?? NaN },
		graphReads: graph,
		ours: measures.ours,
		package: measures.package,
		ratios,
		tensors: { before: tensorsBefore, after: tensorsAfter },
		peakGpuBytes: peak.peak
	};
}

/** The soak: our pipeline on the photo, frame after frame, as the lesson's webcam loop runs it. */
async function soakFrames(options: DetectionBenchOptions) {
	const info = await selectBackend({ requested: parseBackendName(options.backend) });
	const pixels = await photoPixels(options.photoUrl);
	const detector = await CocoSsd.load(options.modelUrl);
	await detector.detect(pixels, detectOptions);
	const subject = {
		block: async () => {
			await detector.detect(pixels, detectOptions);
			return 1;
		},
		dispose: () => detector.dispose()
	};
	return soak('coco-ssd', subject, options.soakMinutes!, info);
}

/** Read calls made inside the graph run alone (the converter reads shapes and loop conditions). */
async function graphReads(detector: CocoSsd, pixels: ImageData) {
	const input = tf.browser.fromPixels(pixels).expandDims(0);
	const { result, reads, syncReads } = await countReads(() => detector.execute(input));
	tf.dispose([input, ...result]);
	return { reads, syncReads };
}

/** Names the step of the package's pipeline that failed. */
async function stage<T>(name: string, body: () => Promise<T>): Promise<T> {
	try {
		return await body();
	} catch (error) {
		throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
	}
}

function emptyMeasure(): PipelineMeasure {
	return { latencies: [], readsPerFrame: 0, syncReadsPerFrame: 0, found: [] };
}

self.onmessage = async (event: MessageEvent<DetectionBenchOptions>) => {
	try {
		if (event.data.soakMinutes) post({ type: 'soak-result', result: await soakFrames(event.data) });
		else post({ type: 'result', result: await run(event.data) });
	} catch (error) {
		post({
			type: 'error',
			message: error instanceof Error ? (error.stack ?? error.message) : String(error)
		});
	}
};
