/**
 * Skip-gram and CBOW with negative sampling on plain Float32Arrays: only the rows a pair touches
 * are read and written (one input row, 1 + k output rows), which is what makes word2vec cheap.
 */
import type { Rng } from '../random';

export interface Embeddings {
	vocabulary: number;
	dimensions: number;
	/** Input vectors (the word vectors the lesson shows), vocabulary × dimensions, row-major. */
	input: Float32Array;
	/** Output ("context") vectors, used only for training. */
	output: Float32Array;
}

/** word2vec.c's start: input rows uniform in ±0.5/d, output rows zero (every score starts at 0). */
export function initEmbeddings(vocabulary: number, dimensions: number, rng: Rng): Embeddings {
	const input = new Float32Array(vocabulary * dimensions);
	for (let i = 0; i < input.length; i++) input[i] = (rng() - 0.5) / dimensions;
	return { vocabulary, dimensions, input, output: new Float32Array(vocabulary * dimensions) };
}

/** −log σ(x), without overflow for large |x|. */
export function negLogSigmoid(x: number): number {
	return x >= 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x));
}

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The loss of one example: a hidden vector h against a true target and k noise targets,
 * −log σ(h·u_target) − Σ log σ(−h·u_noise).
 */
export function pairLoss(
	h: ArrayLike<number>,
	output: Float32Array,
	dimensions: number,
	target: number,
	negatives: ArrayLike<number>
): number {
	let loss = 0;
	for (let j = -1; j < negatives.length; j++) {
		const t = j < 0 ? target : negatives[j];
		let f = 0;
		for (let d = 0; d < dimensions; d++) f += h[d] * output[t * dimensions + d];
		loss += j < 0 ? negLogSigmoid(f) : negLogSigmoid(-f);
	}
	return loss;
}

/**
 * One SGD step on one example: updates the output rows of the target and the negatives in place,
 * and adds into `hiddenGrad` the step for h (−lr · ∂loss/∂h), which the caller applies to the input
 * row(s) behind h. Returns the example's loss before the step.
 */
export function sgnsUpdate(
	h: Float32Array,
	output: Float32Array,
	dimensions: number,
	target: number,
	negatives: ArrayLike<number>,
	rate: number,
	hiddenGrad: Float32Array
): number {
	let loss = 0;
	for (let j = -1; j < negatives.length; j++) {
		const t = j < 0 ? target : negatives[j];
		if (j >= 0 && t === target) continue;
		const row = t * dimensions;
		let f = 0;
		for (let d = 0; d < dimensions; d++) f += h[d] * output[row + d];
		const label = j < 0 ? 1 : 0;
		loss += label ? negLogSigmoid(f) : negLogSigmoid(-f);
		// ∂loss/∂f = σ(f) − label; the step is −rate times that.
		const g = (label - sigmoid(f)) * rate;
		for (let d = 0; d < dimensions; d++) {
			hiddenGrad[d] += g * output[row + d];
			output[row + d] += g * h[d];
		}
	}
	return loss;
}
