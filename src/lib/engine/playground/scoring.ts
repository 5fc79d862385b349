import type { Dataset } from './spec';

/**
 * Mean loss (cross-entropy of the class probabilities, clipped as tfjs does, or squared error),
 * accuracy and confusion counts of `count` evaluated rows from `from`.
 */
export function scoreRows(
	units: Float32Array,
	unitCount: number,
	outputAt: number,
	outputs: number,
	from: number,
	count: number,
	targets: Float32Array,
	problem: Dataset['problem']
): { loss: number; accuracy: number; confusion: number[] | null } {
	const confusion =
		problem === 'classification' ? new Array<number>(outputs * outputs).fill(0) : null;
	let loss = 0;
	let correct = 0;
	for (let r = 0; r < count; r++) {
		const at = (from + r) * unitCount + outputAt;
		if (problem === 'regression') {
			loss += (units[at] - targets[r]) ** 2;
			continue;
		}
		let predicted = 0;
		let actual = 0;
		for (let k = 0; k < outputs; k++) {
			if (units[at + k] > units[at + predicted]) predicted = k;
			if (targets[r * outputs + k] === 1) actual = k;
		}
		loss -= Math.log(Math.min(1 - 1e-7, Math.max(1e-7, units[at + actual])));
		if (predicted === actual) correct++;
		confusion![actual * outputs + predicted]++;
	}
	return { loss: count ? loss / count : 0, accuracy: count ? correct / count : 0, confusion };
}
