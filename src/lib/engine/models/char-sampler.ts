/**
 * The character LSTM's forward pass, one character at a time, on the CPU from the weights of its
 * last report. Generation then never waits behind training steps queued on the GPU (on a slow
 * GPU that wait is a whole step per character), and reads nothing back from it.
 */
import { lstmStep, zeroState, type LstmState, type LstmWeights } from './lstm-gates';

export interface CharNetworkWeights {
	vocabularySize: number;
	embeddingSize: number;
	/** [vocabularySize, embeddingSize]. */
	embeddings: Float32Array;
	lstms: LstmWeights[];
	/** [units, vocabularySize]. */
	denseKernel: Float32Array;
	denseBias: Float32Array;
}

/** The arrays of `model.getWeights()` (embedding, then kernel, recurrent kernel, bias per LSTM, then the dense layer) named. */
export function charNetworkWeights(
	arrays: Float32Array[],
	shape: { vocabularySize: number; embeddingSize: number; layers: number; units: number }
): CharNetworkWeights {
	const { vocabularySize, embeddingSize, layers, units } = shape;
	if (arrays.length !== 3 + 3 * layers) {
		throw new Error(`expected ${3 + 3 * layers} weight arrays, got ${arrays.length}`);
	}
	const lstms = Array.from({ length: layers }, (_, l) => ({
		inputSize: l === 0 ? embeddingSize : units,
		units,
		kernel: arrays[1 + 3 * l],
		recurrentKernel: arrays[2 + 3 * l],
		bias: arrays[3 + 3 * l]
	}));
	return {
		vocabularySize,
		embeddingSize,
		embeddings: arrays[0],
		lstms,
		denseKernel: arrays[1 + 3 * layers],
		denseBias: arrays[2 + 3 * layers]
	};
}

export class CharSampler {
	readonly #weights: CharNetworkWeights;
	#states: LstmState[];

	constructor(weights: CharNetworkWeights) {
		this.#weights = weights;
		this.#states = weights.lstms.map((layer) => zeroState(layer.units));
	}

	/** Reads one character; returns the logits for the next. */
	feed(id: number): Float32Array {
		const { embeddings, embeddingSize, lstms, denseKernel, denseBias, vocabularySize } =
			this.#weights;
		let x: Float32Array = embeddings.slice(id * embeddingSize, (id + 1) * embeddingSize);
		lstms.forEach((layer, l) => {
			lstmStep(layer, x, this.#states[l]);
			x = this.#states[l].hidden;
		});
		const logits = Float32Array.from(denseBias);
		for (let k = 0; k < x.length; k++) {
			const xk = x[k];
			for (let v = 0; v < vocabularySize; v++)
				logits[v] += xk * denseKernel[k * vocabularySize + v];
		}
		return logits;
	}
}
