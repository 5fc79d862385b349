import { featureMatrix, gridPoints } from '$lib/engine/playground/features';
import { featureNames, gridSize, type FeatureName } from '$lib/engine/playground/spec';

let cache: Map<FeatureName, Float32Array> | null = null;

/** Every feature over the plane, used or not: fixed functions, computed once per page. */
export function featureGrids(): Map<FeatureName, Float32Array> {
	if (!cache) {
		const width = featureNames.length;
		const cells = gridSize * gridSize;
		const matrix = featureMatrix(gridPoints(gridSize), featureNames);
		cache = new Map(
			featureNames.map((name, j) => [
				name,
				Float32Array.from({ length: cells }, (_, i) => matrix[i * width + j])
			])
		);
	}
	return cache;
}
