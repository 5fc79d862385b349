import type { BackendInfo } from '$lib/engine/backend-info';
import * as tf from '$lib/engine/tf';
import type { SoakName, SoakResult, SoakSample } from './bench-spec';
import { adapterName, gpuBytes } from './measure';

/** Something the soak runs over and over: a block of training steps, or a few requests. */
export interface SoakSubject {
	/** Runs one block and says how many steps (frames, requests) it did; 0 when it stopped. */
	block(): Promise<number>;
	dispose(): void;
}

/** Samples tensors and GPU bytes at least this far apart (and at the start and the end). */
const sampleEveryMs = 5000;

/**
 * Runs `subject` block after block for `minutes` and samples the live tensor count and the GPU
 * bytes held as it goes: both should stay flat once warm.
 */
export async function soak(
	name: SoakName,
	subject: SoakSubject,
	minutes: number,
	info: Pick<BackendInfo, 'name' | 'adapter'>
): Promise<SoakResult> {
	const samples: SoakSample[] = [];
	const started = performance.now();
	let steps = 0;
	let lastSample = -Infinity;
	const sample = () => {
		lastSample = performance.now();
		samples.push({
			seconds: (lastSample - started) / 1000,
			steps,
			tensors: tf.memory().numTensors,
			gpuBytes: gpuBytes()
		});
	};
	sample();
	let stopped: string | undefined;
	while (performance.now() - started < minutes * 60_000) {
		const done = await subject.block();
		if (done === 0) {
			stopped = `the loop stopped by itself after ${steps} steps`;
			break;
		}
		steps += done;
		if (performance.now() - lastSample >= sampleEveryMs) sample();
	}
	sample();
	subject.dispose();
	return { name, backend: info.name, adapter: adapterName(info), minutes, samples, stopped };
}
