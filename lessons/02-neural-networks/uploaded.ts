import type { ParsedPoints } from '$lib/engine/playground/csv';
import { createRng, deriveSeed, shuffle } from '$lib/engine/random';
import type { Dataset } from '$lib/engine/playground/spec';

/** The reader's CSV points as a data set: shuffled by the seed, then split by the train ratio. */
export function uploadedDataset(parsed: ParsedPoints, trainPercent: number, seed: number): Dataset {
	const points = [...parsed.points];
	shuffle(points, createRng(deriveSeed(seed, 31)));
	const trainCount = Math.max(1, Math.round((points.length * trainPercent) / 100));
	return {
		problem: parsed.problem,
		classes: parsed.classes,
		train: points.slice(0, trainCount),
		test: points.slice(trainCount)
	};
}
