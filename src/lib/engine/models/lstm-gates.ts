/**
 * The LSTM cell in plain arithmetic on the CPU, from the weights tfjs trained: to draw its gates
 * (tfjs does not expose them) and to sample text without waiting behind training on the GPU.
 * Small enough to run at every report, and readable next to the equations.
 */

export interface LstmWeights {
	inputSize: number;
	units: number;
	/** [inputSize, 4·units], gate blocks in tfjs's order: input, forget, candidate, output. */
	kernel: Float32Array;
	/** [units, 4·units], same order. */
	recurrentKernel: Float32Array;
	/** [4·units]. */
	bias: Float32Array;
}

export interface LstmState {
	hidden: Float32Array;
	cell: Float32Array;
}

export interface LstmGates {
	input: Float32Array;
	forget: Float32Array;
	output: Float32Array;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export const zeroState = (units: number): LstmState => ({
	hidden: new Float32Array(units),
	cell: new Float32Array(units)
});

/**
 * One time step: z = x·W + h·U + b; i, f, o = σ(z blocks), g = tanh(z block);
 * c ← f⊙c + i⊙g; h ← o⊙tanh(c). Updates the state in place; writes the gates when asked.
 */
export function lstmStep(
	weights: LstmWeights,
	x: Float32Array,
	state: LstmState,
	gates?: LstmGates
): void {
	const { units, inputSize, kernel, recurrentKernel, bias } = weights;
	const width = 4 * units;
	const z = Float32Array.from(bias);
	for (let k = 0; k < inputSize; k++) {
		const xk = x[k];
		if (xk === 0) continue;
		for (let j = 0; j < width; j++) z[j] += xk * kernel[k * width + j];
	}
	for (let k = 0; k < units; k++) {
		const hk = state.hidden[k];
		for (let j = 0; j < width; j++) z[j] += hk * recurrentKernel[k * width + j];
	}
	for (let u = 0; u < units; u++) {
		const i = sigmoid(z[u]);
		const f = sigmoid(z[units + u]);
		const g = Math.tanh(z[2 * units + u]);
		const o = sigmoid(z[3 * units + u]);
		state.cell[u] = f * state.cell[u] + i * g;
		state.hidden[u] = o * Math.tanh(state.cell[u]);
		if (gates) [gates.input[u], gates.forget[u], gates.output[u]] = [i, f, o];
	}
}

export interface LstmTrace extends LstmGates {
	steps: number;
	units: number;
	/** steps × units each, step after step. */
	hidden: Float32Array;
}

/** Runs the cell over one-hot symbols (ids into an alphabet of inputSize) from a zero state. */
export function traceLstm(weights: LstmWeights, symbols: ArrayLike<number>): LstmTrace {
	const { units, inputSize } = weights;
	const steps = symbols.length;
	const size = steps * units;
	const trace: LstmTrace = {
		steps,
		units,
		input: new Float32Array(size),
		forget: new Float32Array(size),
		output: new Float32Array(size),
		hidden: new Float32Array(size)
	};
	const state = zeroState(units);
	for (let t = 0; t < steps; t++) {
		const x = new Float32Array(inputSize);
		x[symbols[t]] = 1;
		const at = (values: Float32Array) => values.subarray(t * units, (t + 1) * units);
		lstmStep(weights, x, state, {
			input: at(trace.input),
			forget: at(trace.forget),
			output: at(trace.output)
		});
		trace.hidden.set(state.hidden, t * units);
	}
	return trace;
}
