import { selectBackend, parseBackendName } from '$lib/engine/backend';
import { generateDataset } from '$lib/engine/playground/datasets';
import { PlaygroundNetwork } from '$lib/engine/playground/network-model';
import { defaultNetwork, networkConfigFor } from '$lib/engine/playground/spec';
import * as tf from '$lib/engine/tf';
import type {
	BenchFromWorker,
	BenchOptions,
	BenchResult,
	BenchToWorker,
	BenchCase,
	SoakName
} from './bench-spec';
import { warmUpLesson, type ComputeCase, type TrainingCase } from './case-helpers';
import { prepare } from './cases';
import {
	adapterName,
	countReads,
	GpuPeak,
	kernelsPerStep,
	LessonLoop,
	timeReference
} from './measure';
import { soak, type SoakSubject } from './soak';

const post = (message: BenchFromWorker) => self.postMessage(message);
const reportProgress = (p: { step: number; loss: number; testLoss?: number }) =>
	post({ type: 'progress', step: p.step, loss: p.loss, testLoss: p.testLoss });

type Measured = Omit<BenchResult, 'name' | 'backend' | 'adapter'>;

/**
 * Measures one lesson's loop against a bare tfjs loop on the same backend, in alternating blocks
 * (so that machine noise hits both alike), plus reference-against-reference blocks for the noise
 * floor, and the counters that do not drift: kernels per step, reads per step, tensors per epoch.
 */
async function measureTraining(prepared: TrainingCase, options: BenchOptions): Promise<Measured> {
	const { lesson, reference } = prepared;
	const peak = new GpuPeak();
	await warmUpLesson(prepared);
	const loop = new LessonLoop(lesson, (p) => {
		peak.sample();
		reportProgress(p);
	});
	// Warm both up (shaders, the session's idea of how long a report takes), untimed; the first
	// block also times Train → first loss (up to 40 s on).
	const warm = await loop.run(options.steps, 40_000);
	await timeReference(reference, options.steps);

	const lessonRates: number[] = [];
	const referenceRates: number[] = [];
	const reportsPerBlock: number[] = [];
	let reads = 0;
	let readSteps = 0;
	for (let round = 0; round < options.rounds; round++) {
		const { result, reads: blockReads } = await countReads(() => loop.run(options.steps));
		peak.sample();
		reads += blockReads;
		readSteps += result.steps;
		reportsPerBlock.push(result.reports);
		lessonRates.push((result.steps * 1000) / result.ms);
		referenceRates.push((options.steps * 1000) / (await timeReference(reference, options.steps)));
		peak.sample();
	}
	return {
		kind: 'training',
		lessonStepsPerSecond: lessonRates,
		referenceStepsPerSecond: referenceRates,
		ratios: lessonRates.map((rate, i) => rate / referenceRates[i]),
		calibration: calibration(referenceRates),
		firstLossMs: warm.firstReportMs,
		firstStepMs: warm.firstStepMs,
		kernelsPerStep: {
			lesson: await kernelsPerStep(() => lesson.trainStep()),
			reference: await kernelsPerStep(() => reference.step())
		},
		readsPerStep: reads / readSteps,
		reportsPerBlock,
		tensorsAtEpochs: await prepared.tensorsAtEpochs(),
		peakGpuBytes: peak.peak
	};
}

/** Steps per second of `steps` requests one after the other, each awaited. */
async function timeRequests(request: () => Promise<void>, steps: number): Promise<number> {
	const started = performance.now();
	for (let i = 0; i < steps; i++) await request();
	return (steps * 1000) / (performance.now() - started);
}

/**
 * A compute case (no training): requests answered as the lesson's worker answers them against the
 * same work in bare tfjs, alternating blocks; the tensor count after each block of the lesson's.
 */
async function measureCompute(prepared: ComputeCase, options: BenchOptions): Promise<Measured> {
	const { lesson, reference } = prepared;
	const peak = new GpuPeak();
	const cold = performance.now();
	await lesson();
	const firstMs = performance.now() - cold;
	await reference();
	const lessonRates: number[] = [];
	const referenceRates: number[] = [];
	const tensorsAtBlocks: number[] = [tf.memory().numTensors];
	let reads = 0;
	for (let round = 0; round < options.rounds; round++) {
		const block = await countReads(() => timeRequests(lesson, options.steps));
		peak.sample();
		reads += block.reads;
		lessonRates.push(block.result);
		tensorsAtBlocks.push(tf.memory().numTensors);
		referenceRates.push(await timeRequests(reference, options.steps));
		peak.sample();
	}
	const kernels = async (request: () => Promise<void>) =>
		(await tf.profile(async () => void (await request()))).kernels.length;
	return {
		kind: 'compute',
		lessonStepsPerSecond: lessonRates,
		referenceStepsPerSecond: referenceRates,
		ratios: lessonRates.map((rate, i) => rate / referenceRates[i]),
		calibration: calibration(referenceRates),
		firstLossMs: firstMs,
		firstStepMs: NaN,
		kernelsPerStep: { lesson: await kernels(lesson), reference: await kernels(reference) },
		readsPerStep: reads / (options.steps * options.rounds),
		reportsPerBlock: lessonRates.map(() => options.steps),
		tensorsAtEpochs: tensorsAtBlocks,
		peakGpuBytes: peak.peak
	};
}

/** The noise floor: each reference block against the next one. */
function calibration(referenceRates: number[]): number[] {
	return referenceRates.slice(1).map((rate, i) => rate / referenceRates[i]);
}

async function run(name: BenchCase, options: BenchOptions): Promise<BenchResult> {
	const info = await selectBackend({ requested: parseBackendName(options.backend) });
	const prepared = await prepare[name](options);
	const measured =
		prepared.kind === 'training'
			? await measureTraining(prepared, options)
			: await measureCompute(prepared, options);
	prepared.dispose();
	return { name, backend: info.name, adapter: adapterName(info), ...measured };
}

/** The lesson's loop in blocks of `steps`, as the lesson runs it, for the soak. */
function loopSubject(
	lesson: TrainingCase['lesson'],
	steps: number,
	dispose: () => void
): SoakSubject {
	const loop = new LessonLoop(lesson, reportProgress);
	return { block: async () => (await loop.run(steps)).steps, dispose };
}

async function soakSubject(
	name: Exclude<SoakName, 'coco-ssd'>,
	options: BenchOptions
): Promise<SoakSubject> {
	if (name === 'playground') {
		// TensorFlow Playground's default network, with the engine the lesson would pick.
		const data = generateDataset('circle', { seed: 1, noise: 0, trainRatio: 0.5 });
		const network = new PlaygroundNetwork(networkConfigFor(data, defaultNetwork), data);
		await network.warmUp();
		return loopSubject(network, options.steps, () => network.dispose());
	}
	const prepared = await prepare[name](options);
	if (prepared.kind === 'compute') {
		return {
			block: async () => {
				for (let i = 0; i < options.steps; i++) await prepared.lesson();
				return options.steps;
			},
			dispose: () => prepared.dispose()
		};
	}
	const { lesson } = prepared;
	await warmUpLesson(prepared);
	// The bare loop is not soaked: its tensors go now, so that they are not in the samples' way.
	prepared.reference.dispose();
	return loopSubject(lesson, options.steps, () => lesson.dispose());
}

self.onmessage = async (event: MessageEvent<BenchToWorker>) => {
	const message = event.data;
	try {
		if (message.type === 'run') {
			post({ type: 'result', result: await run(message.name, message.options) });
		} else {
			const info = await selectBackend({
				requested: parseBackendName(message.options.backend)
			});
			const subject = await soakSubject(message.name, message.options);
			post({
				type: 'soak-result',
				result: await soak(message.name, subject, message.minutes, info)
			});
		}
	} catch (error) {
		post({
			type: 'error',
			message: error instanceof Error ? (error.stack ?? error.message) : String(error)
		});
	}
};
