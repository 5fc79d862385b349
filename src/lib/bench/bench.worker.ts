import { selectBackend, parseBackendName } from '$lib/engine/backend';
import * as tf from '$lib/engine/tf';
import type {
	BenchFromWorker,
	BenchOptions,
	BenchResult,
	BenchToWorker,
	BenchCase
} from './bench-spec';
import { prepare } from './cases';
import { countReads, kernelsPerStep, LessonLoop, timeReference } from './measure';

const post = (message: BenchFromWorker) => self.postMessage(message);

/**
 * Measures one lesson's loop against a bare tfjs loop on the same backend, in alternating blocks
 * (so that machine noise hits both alike), plus reference-against-reference blocks for the noise
 * floor, and the counters that do not drift: kernels per step, reads per step, tensors per epoch.
 */
async function run(name: BenchCase, options: BenchOptions): Promise<BenchResult> {
	const info = await selectBackend({ requested: parseBackendName(options.backend) });
	const prepared = await prepare[name](options);
	const { lesson, reference } = prepared;
	await (lesson.warmUp ? lesson.warmUp() : prepared.warmUpOnCopy?.());
	const loop = new LessonLoop(lesson, (p) =>
		post({ type: 'progress', step: p.step, loss: p.loss, testLoss: p.testLoss })
	);
	// Warm both up (shaders, the session's idea of how long a report takes), untimed.
	const warm = await loop.run(options.steps);
	await timeReference(reference, options.steps);

	const lessonRates: number[] = [];
	const referenceRates: number[] = [];
	const calibration: number[] = [];
	const reportsPerBlock: number[] = [];
	let reads = 0;
	let readSteps = 0;
	for (let round = 0; round < options.rounds; round++) {
		const { result, reads: blockReads } = await countReads(() => loop.run(options.steps));
		reads += blockReads;
		readSteps += result.steps;
		reportsPerBlock.push(result.reports);
		lessonRates.push((result.steps * 1000) / result.ms);
		referenceRates.push((options.steps * 1000) / (await timeReference(reference, options.steps)));
	}
	// The noise floor: each reference block against the next one.
	for (let i = 1; i < referenceRates.length; i++)
		calibration.push(referenceRates[i] / referenceRates[i - 1]);
	const memory = tf.memory() as { numBytesInGPUAllocated?: number; numBytes: number };
	const result: BenchResult = {
		name,
		backend: info.name,
		adapter: info.adapter
			? [info.adapter.vendor, info.adapter.architecture].filter(Boolean).join(' ')
			: '',
		lessonStepsPerSecond: lessonRates,
		referenceStepsPerSecond: referenceRates,
		ratios: lessonRates.map((rate, i) => rate / referenceRates[i]),
		calibration,
		firstLossMs: warm.firstReportMs,
		firstStepMs: warm.firstStepMs,
		kernelsPerStep: {
			lesson: await kernelsPerStep(() => lesson.trainStep()),
			reference: await kernelsPerStep(() => reference.step())
		},
		readsPerStep: reads / readSteps,
		reportsPerBlock,
		tensorsAtEpochs: await prepared.tensorsAtEpochs(),
		peakGpuBytes: memory.numBytesInGPUAllocated ?? null
	};
	prepared.dispose();
	return result;
}

self.onmessage = async (event: MessageEvent<BenchToWorker>) => {
	try {
		post({ type: 'result', result: await run(event.data.name, event.data.options) });
	} catch (error) {
		post({
			type: 'error',
			message: error instanceof Error ? (error.stack ?? error.message) : String(error)
		});
	}
};
