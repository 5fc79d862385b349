import type { NetworkShape } from './engine';
import type { ParameterLayout } from './layout';
import type { Activation, Problem } from './spec';

/**
 * WGSL for the fused engine, generated for one architecture (layer sizes, activation, problem)
 * so that every loop bound and offset is a constant. tfjs's WebGPU backend adds the bindings:
 * `result` (read-write output), the inputs by name, and `uniforms` (see `trainingUniforms`).
 * The arithmetic follows `CpuEngine` step for step (the weight update is `updatedWeight`'s).
 */

const activationCode: Record<Activation, { activate: string; slope: string }> = {
	relu: { activate: 'max(z, 0.0)', slope: 'select(0.0, 1.0, a > 0.0)' },
	// WGSL's tanh may be computed through exp and give NaN for large |z|; at |z| = 20 it is already
	// ±1 in f32, so the clamp changes no value the CPU engine's Math.tanh would give.
	tanh: { activate: 'tanh(clamp(z, -20.0, 20.0))', slope: '1.0 - a * a' },
	sigmoid: { activate: '1.0 / (1.0 + exp(-z))', slope: 'a * (1.0 - a)' },
	linear: { activate: 'z', slope: '1.0' }
};

/** Custom uniforms of the training program, in the order `runWebGPUProgram` receives them. */
export const trainingUniforms =
	'learningRate : f32, l1 : f32, l2 : f32, dropThreshold : u32, seed : u32, firstStep : i32, stepCount : i32,';
export const evaluationUniforms = 'rows : i32,';

function common(layout: ParameterLayout, activation: Activation): string {
	const { activate, slope } = activationCode[activation];
	return `
const PARAMETERS : i32 = ${layout.parameterCount};
const UNITS : i32 = ${layout.unitCount};
var<private> raw : array<f32, ${layout.unitCount}>;
var<private> mask : array<f32, ${layout.unitCount}>;
var<private> act : array<f32, ${layout.unitCount}>;
var<private> delta : array<f32, ${layout.unitCount}>;

fn activate(z : f32) -> f32 { return ${activate}; }
fn slope(a : f32) -> f32 { return ${slope}; }`;
}

const dropoutHash = `
fn dropoutHash(step : u32, sample : u32, unit : u32) -> u32 {
	var h = uniforms.seed ^ (step * 0x9e3779b1u) ^ (sample * 0x85ebca77u) ^ (unit * 0xc2b2ae3du);
	h = (h ^ (h >> 16u)) * 0x7feb352du;
	h = (h ^ (h >> 15u)) * 0x846ca68bu;
	return h ^ (h >> 16u);
}`;

/**
 * The forward pass as a WGSL function reading weights with `weight(i)` and the input row from
 * `features` at `base`; `dropout` adds training's dropout.
 */
function forward(
	layout: ParameterLayout,
	problem: Problem,
	name: string,
	weight: (index: string) => string,
	dropout: boolean
): string {
	const { sizes, unitOffsets, weightOffsets, biasOffsets } = layout;
	const last = sizes.length - 1;
	const layers = weightOffsets.map((weightOffset, l) => {
		const inputs = sizes[l];
		const width = sizes[l + 1];
		const from = unitOffsets[l];
		const to = unitOffsets[l + 1];
		const output = l + 1 === last;
		const unit = output
			? `raw[${to} + j] = z; act[${to} + j] = z;`
			: `let a = activate(z);
		raw[${to} + j] = a;
		var m = 1.0;
		${dropout ? `if (uniforms.dropThreshold > 0u) { m = select(keep, 0.0, dropoutHash(step, sample, u32(${to} + j)) < uniforms.dropThreshold); }` : ''}
		mask[${to} + j] = m;
		act[${to} + j] = a * m;`;
		return `
	for (var j = 0; j < ${width}; j++) {
		var z = ${weight(`${biasOffsets[l]} + j`)};
		for (var i = 0; i < ${inputs}; i++) {
			z += act[${from} + i] * ${weight(`${weightOffset} + i * ${width} + j`)};
		}
		${unit}
	}`;
	});
	const o = unitOffsets[last];
	const outputs = sizes[last];
	const softmax =
		problem === 'classification'
			? `
	var top = act[${o}];
	for (var k = 1; k < ${outputs}; k++) { top = max(top, act[${o} + k]); }
	var sum = 0.0;
	for (var k = 0; k < ${outputs}; k++) { sum += exp(act[${o} + k] - top); }
	for (var k = 0; k < ${outputs}; k++) { act[${o} + k] = exp(act[${o} + k] - top) / sum; }`
			: '';
	const signature = dropout ? `base : i32, step : u32, sample : u32, keep : f32` : `base : i32`;
	return `
fn ${name}(${signature}) {
	for (var i = 0; i < ${sizes[0]}; i++) { raw[i] = features[base + i]; act[i] = raw[i]; mask[i] = 1.0; }
	${layers.join('\n')}
	${softmax}
}`;
}

/** Invocations of the training program's one workgroup. */
export const trainingWorkgroup = 64;

/**
 * One workgroup runs every step of the plan. For each step: each invocation takes samples of the
 * batch (forward and backward pass, in private memory) and writes their activations and deltas to
 * scratch rows; after a barrier, each invocation sums the batch's gradient for its share of the
 * parameters and updates them; another barrier, and the next step. `plan` holds the steps' end
 * offsets (`stepCount` of them), then the sample order. Output: the parameters, then the scratch
 * rows (`rows` of activations, then `rows` of deltas, one unit per column).
 */
export function trainingShader(
	{ layout, activation, problem }: NetworkShape,
	rows: number
): string {
	const {
		sizes,
		unitOffsets,
		weightOffsets,
		biasOffsets,
		parameterCount: P,
		unitCount: U
	} = layout;
	const last = sizes.length - 1;
	const o = unitOffsets[last];
	const outputs = sizes[last];
	const scale = problem === 'classification' ? '1.0' : `${2 / outputs}`;
	const deltas = P + rows * U;
	const backward = weightOffsets
		.slice(1)
		.map((weightOffset, index) => {
			const l = index + 1;
			const width = sizes[l + 1];
			const from = unitOffsets[l];
			const to = unitOffsets[l + 1];
			return `
	for (var i = 0; i < ${sizes[l]}; i++) {
		var back = 0.0;
		for (var j = 0; j < ${width}; j++) { back += result[${weightOffset} + i * ${width} + j] * delta[${to} + j]; }
		delta[${from} + i] = back * mask[${from} + i] * slope(raw[${from} + i]);
	}`;
		})
		.reverse()
		.join('\n');
	const update = weightOffsets
		.map((weightOffset, l) => {
			const width = sizes[l + 1];
			const from = unitOffsets[l];
			const to = unitOffsets[l + 1];
			return `
	for (var q = tid; q < ${sizes[l] * width}; q += ${trainingWorkgroup}) {
		let i = q / ${width};
		let j = q % ${width};
		var g = 0.0;
		for (var r = 0; r < count; r++) { g += result[${P} + r * UNITS + ${from} + i] * result[${deltas} + r * UNITS + ${to} + j]; }
		let p = result[${weightOffset} + q];
		let moved = p - uniforms.learningRate * (g / batch + 2.0 * uniforms.l2 * p);
		result[${weightOffset} + q] = sign(moved) * max(abs(moved) - uniforms.learningRate * uniforms.l1, 0.0);
	}
	for (var j = tid; j < ${width}; j += ${trainingWorkgroup}) {
		var g = 0.0;
		for (var r = 0; r < count; r++) { g += result[${deltas} + r * UNITS + ${to} + j]; }
		result[${biasOffsets[l]} + j] = result[${biasOffsets[l]} + j] - uniforms.learningRate * (g / batch);
	}`;
		})
		.join('\n');
	return `${common(layout, activation)}
${dropoutHash}
${forward(layout, problem, 'forwardTraining', (index) => `result[${index}]`, true)}

fn main(index : i32) {
	let tid = i32(localIndex);
	for (var p = tid; p < PARAMETERS; p += ${trainingWorkgroup}) { result[p] = state[p]; }
	storageBarrier();
	let keep = 1.0 / (1.0 - f32(uniforms.dropThreshold) / 4294967296.0);
	var begin = 0;
	for (var s = 0; s < uniforms.stepCount; s++) {
		let end = plan[s];
		let count = end - begin;
		let step = u32(uniforms.firstStep + s);
		for (var r = tid; r < count; r += ${trainingWorkgroup}) {
			let sample = plan[uniforms.stepCount + begin + r];
			forwardTraining(sample * ${sizes[0]}, step, u32(sample), keep);
			for (var k = 0; k < ${outputs}; k++) {
				delta[${o} + k] = ${scale} * (act[${o} + k] - targets[sample * ${outputs} + k]);
			}
			${backward}
			for (var u = 0; u < UNITS; u++) {
				result[${P} + r * UNITS + u] = act[u];
				result[${deltas} + r * UNITS + u] = delta[u];
			}
		}
		storageBarrier();
		let batch = f32(count);
		${update}
		storageBarrier();
		begin = end;
	}
}`;
}

/**
 * One invocation per row of `features`: every unit's output for that row, after the parameters
 * (copied from `state` by the first invocations) in the output.
 */
export function evaluationShader({ layout, activation, problem }: NetworkShape): string {
	return `${common(layout, activation)}
${forward(layout, problem, 'forwardRow', (index) => `state[${index}]`, false)}

fn main(index : i32) {
	if (index < PARAMETERS) { result[index] = state[index]; }
	if (index >= uniforms.rows) { return; }
	forwardRow(index * ${layout.sizes[0]});
	for (var u = 0; u < UNITS; u++) { result[PARAMETERS + index * UNITS + u] = act[u]; }
}`;
}
