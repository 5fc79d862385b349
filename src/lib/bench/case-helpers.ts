/** What every bench case prepares, and the small helpers the cases share. */
import { createRng, deriveSeed, shuffle } from '$lib/engine/random';
import type { Trainable } from '$lib/engine/session';
import * as tf from '$lib/engine/tf';
import type { ReferenceLoop } from './measure';

/** A lesson that trains: its model, run by the lesson's own loop, against a bare tfjs loop. */
export interface TrainingCase {
	kind: 'training';
	lesson: Trainable<unknown, unknown> & { reportEveryMs?: number; warmUp?(): Promise<void> };
	/**
	 * What the lesson's worker does before Train is enabled when the model has no warmUp of its
	 * own: a step and a report on a throwaway copy, so the shaders are compiled.
	 */
	warmUpOnCopy?(): Promise<void>;
	reference: ReferenceLoop;
	/** Tensor counts at the end of consecutive epochs of a fresh, small copy of the lesson model. */
	tensorsAtEpochs(): Promise<number[]>;
	dispose(): void;
}

/**
 * A lesson that computes without training (the convolution lab): one step is one request answered
 * as the lesson's worker answers it, numbers read back, against the same work in bare tfjs.
 */
export interface ComputeCase {
	kind: 'compute';
	lesson(): Promise<void>;
	reference(): Promise<void>;
	dispose(): void;
}

export type PreparedCase = TrainingCase | ComputeCase;

/** Batches in a seeded shuffled order, as the lessons draw them. */
export function batchOrder(count: number, batchSize: number, seed: number) {
	const rng = createRng(deriveSeed(seed, 2));
	let order = Array.from({ length: count }, (_, i) => i);
	let cursor = count;
	return () => {
		if (cursor + batchSize > count) {
			order = order.slice();
			shuffle(order, rng);
			cursor = 0;
		}
		const batch = order.slice(cursor, cursor + batchSize);
		cursor += batchSize;
		return batch;
	};
}

/** Rows `indices` of x and of y, gathered on the device; call inside a tidy. */
export function gatherRows<X extends tf.Tensor>(
	x: X,
	y: tf.Tensor,
	indices: number[]
): { xb: X; yb: tf.Tensor } {
	const picked = tf.tensor1d(indices, 'int32');
	return { xb: tf.gather(x, picked) as X, yb: tf.gather(y, picked) };
}

/** Trains `epochs` epochs of `model`, a report after each, and the tensor count at each end. */
export async function epochsOf(
	model: Trainable<unknown, unknown>,
	stepsPerEpoch: number,
	epochs: number
) {
	const counts: number[] = [];
	for (let e = 0; e < epochs; e++) {
		for (let i = 0; i < stepsPerEpoch; i++) model.trainStep();
		await model.evaluate();
		counts.push(tf.memory().numTensors);
	}
	model.dispose();
	return counts;
}

/** What the lesson's worker does before Train is enabled: the model's warm-up, or one on a copy. */
export async function warmUpLesson(prepared: TrainingCase): Promise<void> {
	const { lesson } = prepared;
	await (lesson.warmUp ? lesson.warmUp() : prepared.warmUpOnCopy?.());
}

/** Steps and a report on a throwaway copy, as worker-host does for models without warmUp. */
export async function warmOnCopy(copy: Trainable<unknown, unknown>): Promise<void> {
	copy.trainStep();
	await copy.evaluate();
	copy.dispose();
}
