/**
 * Colour maps for the playground's heatmaps: grids of numbers in, RGBA bytes out, ready for
 * `new ImageData(pixels, gridSize, gridSize)`. Pure and DOM-free, so they are unit-tested.
 */
import type { Activation } from '$lib/engine/playground/spec';

export type Rgb = readonly [number, number, number];

/**
 * Eight class colours that stay apart on a washed-out projector and for the common colour-vision
 * deficiencies (the order follows Tableau 10: blue, orange, green, purple, pink, brown, cyan, grey).
 * Classes 0 and 1 are the site's --class-0 and --class-1.
 */
export const lightClassColors: readonly Rgb[] = [
	[0x25, 0x63, 0xeb], // #2563eb blue (--class-0)
	[0xea, 0x58, 0x0c], // #ea580c orange (--class-1)
	[0x16, 0xa3, 0x4a], // #16a34a green
	[0x7c, 0x3a, 0xed], // #7c3aed purple
	[0xdb, 0x27, 0x77], // #db2777 pink
	[0x8b, 0x5a, 0x2b], // #8b5a2b brown
	[0x08, 0x91, 0xb2], // #0891b2 cyan
	[0x52, 0x52, 0x5b] // #52525b grey
];

/** The same hues, lighter, for the dark theme (0 and 1 are its --class-0 and --class-1). */
export const darkClassColors: readonly Rgb[] = [
	[0x60, 0xa5, 0xfa], // #60a5fa
	[0xfb, 0x92, 0x3c], // #fb923c
	[0x4a, 0xde, 0x80], // #4ade80
	[0xa7, 0x8b, 0xfa], // #a78bfa
	[0xf4, 0x72, 0xb6], // #f472b6
	[0xc8, 0x9b, 0x6d], // #c89b6d
	[0x22, 0xd3, 0xee], // #22d3ee
	[0xa1, 0xa1, 0xaa] // #a1a1aa
];

export const maxClasses = lightClassColors.length;

/** What a colour map needs from the theme. */
export interface HeatmapColors {
	/** Class colours; the diverging map goes from classes[0] (negative) to classes[1] (positive). */
	classes: readonly Rgb[];
	/** The plane's background: 0 and unsure cells fade into it. */
	background: Rgb;
}

export const lightColors: HeatmapColors = {
	classes: lightClassColors,
	background: [0xff, 0xff, 0xff]
};

export const darkColors: HeatmapColors = {
	classes: darkClassColors,
	background: [0x16, 0x1b, 0x22] // --surface
};

export function colorsFor(theme: 'light' | 'dark'): HeatmapColors {
	return theme === 'dark' ? darkColors : lightColors;
}

/** `#rrggbb` for a colour, for canvas and SVG styles. */
export function hex(color: Rgb): string {
	return '#' + color.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');
}

/** A point between `from` (t = 0) and `to` (t = 1). */
export function mix(from: Rgb, to: Rgb, t: number): [number, number, number] {
	return [
		from[0] + (to[0] - from[0]) * t,
		from[1] + (to[1] - from[1]) * t,
		from[2] + (to[2] - from[2]) * t
	];
}

function pixels(cells: number, out?: Uint8ClampedArray): Uint8ClampedArray {
	if (out && out.length !== cells * 4) throw new RangeError('out must hold 4 bytes per cell');
	return out ?? new Uint8ClampedArray(cells * 4);
}

/**
 * Values in [-1, 1] (clamped) to colours: -1 the class-0 colour, 0 the background, +1 the class-1
 * colour, linear in between. NaN (a diverged network) is drawn as the background. `strength` < 1
 * stops short of the full colours, so points drawn on top stand out.
 */
export function divergingPixels(
	values: ArrayLike<number>,
	colors: HeatmapColors = lightColors,
	out?: Uint8ClampedArray,
	strength = 1
): Uint8ClampedArray {
	const data = pixels(values.length, out);
	const [negative, positive] = colors.classes;
	const bg = colors.background;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		const t = Number.isNaN(v) ? 0 : Math.max(-1, Math.min(1, v));
		const end = t < 0 ? negative : positive;
		const a = Math.abs(t) * strength;
		const at = i * 4;
		data[at] = bg[0] + (end[0] - bg[0]) * a;
		data[at + 1] = bg[1] + (end[1] - bg[1]) * a;
		data[at + 2] = bg[2] + (end[2] - bg[2]) * a;
		data[at + 3] = 255;
	}
	return data;
}

/** Values in [0, 1] (clamped) from the background to one colour: one output's probability. */
export function sequentialPixels(
	values: ArrayLike<number>,
	color: Rgb,
	colors: HeatmapColors = lightColors,
	out?: Uint8ClampedArray
): Uint8ClampedArray {
	const data = pixels(values.length, out);
	const bg = colors.background;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		const t = Number.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
		const at = i * 4;
		data[at] = bg[0] + (color[0] - bg[0]) * t;
		data[at + 1] = bg[1] + (color[1] - bg[1]) * t;
		data[at + 2] = bg[2] + (color[2] - bg[2]) * t;
		data[at + 3] = 255;
	}
	return data;
}

export interface ClassMapOptions {
	/** How far toward the class colour a cell goes when the network is sure (0..1). */
	strength?: number;
	/** How far it goes where two classes tie: the boundary stays a pale band, never blank. */
	floor?: number;
	/** Every cell at full strength: a crisp boundary, no confidence shading. */
	discrete?: boolean;
}

/**
 * Class probabilities to colours. `probabilities` holds `classes` grids one after the other
 * (class k's cells at k * cells, as the output layer of a NetworkSnapshot). Each cell takes the
 * colour of its most likely class, blended toward the background by how unsure it is: the
 * confidence (p - 1/C) / (1 - 1/C) goes from 0 where all C classes tie to 1 at p = 1.
 */
export function classPixels(
	probabilities: ArrayLike<number>,
	classes: number,
	colors: HeatmapColors = lightColors,
	options: ClassMapOptions = {},
	out?: Uint8ClampedArray
): Uint8ClampedArray {
	if (!Number.isInteger(classes) || classes < 1 || classes > colors.classes.length) {
		throw new RangeError(`classes must be 1..${colors.classes.length}`);
	}
	const cells = Math.floor(probabilities.length / classes);
	const data = pixels(cells, out);
	const { strength = 0.8, floor = 0.12, discrete = false } = options;
	const chance = 1 / classes;
	const bg = colors.background;
	for (let i = 0; i < cells; i++) {
		let best = 0;
		let p = probabilities[i];
		for (let k = 1; k < classes; k++) {
			const q = probabilities[k * cells + i];
			if (q > p || Number.isNaN(p)) {
				best = k;
				p = q;
			}
		}
		const at = i * 4;
		data[at + 3] = 255;
		if (Number.isNaN(p)) {
			data.set(bg, at);
			continue;
		}
		const confidence =
			discrete || classes === 1 ? 1 : Math.max(0, Math.min(1, (p - chance) / (1 - chance)));
		const t = floor + (strength - floor) * confidence;
		const color = colors.classes[best];
		data[at] = bg[0] + (color[0] - bg[0]) * t;
		data[at + 1] = bg[1] + (color[1] - bg[1]) * t;
		data[at + 2] = bg[2] + (color[2] - bg[2]) * t;
	}
	return data;
}

/**
 * The range a unit's output lives in, which decides how it is scaled for display:
 * - signed: tanh, in [-1, 1]: drawn as is, so a shade means the same value in every neuron.
 * - probability: sigmoid, in [0, 1]: 2v - 1, so 0.5 is neutral, 0 the class-0 and 1 the class-1 colour.
 * - nonnegative: ReLU, in [0, ∞): divided by this grid's largest value; a dead neuron is blank.
 * - unbounded: linear units and the input features: divided by this grid's largest |value|,
 *   keeping 0 neutral and the sign visible.
 */
export type ValueRange = 'signed' | 'probability' | 'nonnegative' | 'unbounded';

export function rangeFor(activation: Activation): ValueRange {
	switch (activation) {
		case 'tanh':
			return 'signed';
		case 'sigmoid':
			return 'probability';
		case 'relu':
			return 'nonnegative';
		case 'linear':
			return 'unbounded';
	}
}

/** Scales below this count as zero: a flat grid stays neutral instead of blowing up noise. */
const tinyScale = 1e-6;

/**
 * A unit's values scaled into [-1, 1] for `divergingPixels`, as `range` says (see ValueRange).
 * Writes into `out` when given (it may be `values` itself).
 */
export function unitRange(
	values: ArrayLike<number>,
	range: ValueRange,
	out: Float32Array = new Float32Array(values.length)
): Float32Array {
	const n = values.length;
	if (range === 'signed') {
		for (let i = 0; i < n; i++) out[i] = Math.max(-1, Math.min(1, values[i]));
		return out;
	}
	if (range === 'probability') {
		for (let i = 0; i < n; i++) out[i] = Math.max(-1, Math.min(1, 2 * values[i] - 1));
		return out;
	}
	let scale = 0;
	for (let i = 0; i < n; i++) {
		const v = range === 'nonnegative' ? values[i] : Math.abs(values[i]);
		if (v > scale) scale = v;
	}
	const inverse = Number.isFinite(scale) && scale > tinyScale ? 1 / scale : 0;
	for (let i = 0; i < n; i++) {
		const v = values[i];
		out[i] =
			range === 'nonnegative'
				? Math.max(0, Math.min(1, v * inverse))
				: Math.max(-1, Math.min(1, v * inverse));
	}
	return out;
}
