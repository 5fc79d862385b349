import { describe, expect, it } from 'vitest';
import {
	classPixels,
	colorsFor,
	darkClassColors,
	divergingPixels,
	hex,
	lightClassColors,
	lightColors,
	maxClasses,
	rangeFor,
	sequentialPixels,
	unitRange
} from './heatmap';

const rgba = (data: Uint8ClampedArray, cell: number) =>
	Array.from(data.slice(cell * 4, cell * 4 + 4));

describe('class palette', () => {
	it('has eight distinct colours, 0 and 1 the site class colours', () => {
		expect(maxClasses).toBe(8);
		expect(hex(lightClassColors[0])).toBe('#2563eb');
		expect(hex(lightClassColors[1])).toBe('#ea580c');
		expect(hex(darkClassColors[0])).toBe('#60a5fa');
		expect(hex(darkClassColors[1])).toBe('#fb923c');
		for (const palette of [lightClassColors, darkClassColors]) {
			expect(new Set(palette.map(hex)).size).toBe(8);
			// Every pair differs clearly (sum of channel differences), so classes stay apart.
			for (let a = 0; a < palette.length; a++) {
				for (let b = a + 1; b < palette.length; b++) {
					const distance = palette[a].reduce((sum, c, i) => sum + Math.abs(c - palette[b][i]), 0);
					expect(distance).toBeGreaterThan(90);
				}
			}
		}
		expect(colorsFor('dark').classes).toBe(darkClassColors);
		expect(colorsFor('light')).toBe(lightColors);
	});
});

describe('diverging map', () => {
	it('goes from class 0 through the background to class 1', () => {
		const data = divergingPixels(new Float32Array([-1, 0, 1, -0.5, 7, NaN]));
		expect(data).toBeInstanceOf(Uint8ClampedArray);
		expect(data.length).toBe(24);
		expect(rgba(data, 0)).toEqual([...lightClassColors[0], 255]);
		expect(rgba(data, 1)).toEqual([255, 255, 255, 255]);
		expect(rgba(data, 2)).toEqual([...lightClassColors[1], 255]);
		// Halfway to the negative colour.
		expect(rgba(data, 3)).toEqual([146, 177, 245, 255]);
		// Out of range is clamped; NaN is the background.
		expect(rgba(data, 4)).toEqual(rgba(data, 2));
		expect(rgba(data, 5)).toEqual([255, 255, 255, 255]);
	});

	it('writes into a given buffer, and refuses one of the wrong size', () => {
		const out = new Uint8ClampedArray(8);
		expect(divergingPixels([1, -1], lightColors, out)).toBe(out);
		expect(() => divergingPixels([1, -1, 0], lightColors, out)).toThrow(RangeError);
	});

	it('stops short of the full colours at a lower strength', () => {
		const data = divergingPixels([1], lightColors, undefined, 0.5);
		// Halfway between white and #ea580c (Uint8ClampedArray rounds halves to even).
		expect(rgba(data, 0)).toEqual([244, 172, 134, 255]);
	});

	it('fades into the dark background in the dark theme', () => {
		const dark = colorsFor('dark');
		expect(rgba(divergingPixels([0], dark), 0)).toEqual([...dark.background, 255]);
	});
});

describe('sequential map', () => {
	it('goes from the background to one colour', () => {
		const green = lightClassColors[2];
		const data = sequentialPixels([0, 1, 2, -1], green);
		expect(rgba(data, 0)).toEqual([255, 255, 255, 255]);
		expect(rgba(data, 1)).toEqual([...green, 255]);
		expect(rgba(data, 2)).toEqual([...green, 255]);
		expect(rgba(data, 3)).toEqual([255, 255, 255, 255]);
	});
});

describe('class map', () => {
	it('colours each cell by its most likely class, paler when unsure', () => {
		// Three classes over four cells: class k's cells at k * 4.
		const probabilities = new Float32Array([
			// class 0
			1,
			0.2,
			1 / 3,
			0,
			// class 1
			0,
			0.7,
			1 / 3,
			0.1,
			// class 2
			0,
			0.1,
			1 / 3,
			0.9
		]);
		const data = classPixels(probabilities, 3, lightColors, { strength: 1, floor: 0 });
		expect(rgba(data, 0)).toEqual([...lightClassColors[0], 255]);
		// p = 0.7 of 3 classes: confidence (0.7 - 1/3) / (2/3) = 0.55.
		const t = (0.7 - 1 / 3) / (2 / 3);
		const expected = lightClassColors[1].map((c) => Math.round(255 + (c - 255) * t));
		rgba(data, 1)
			.slice(0, 3)
			.forEach((c, i) => expect(Math.abs(c - expected[i])).toBeLessThanOrEqual(1));
		// A three-way tie is the background (with floor 0).
		expect(rgba(data, 2)).toEqual([255, 255, 255, 255]);
		expect(rgba(data, 3)[0]).toBeLessThan(100);
	});

	it('uses strength and floor, or full colour when discrete', () => {
		const probabilities = [0.5, 1, 0.5, 0];
		const soft = classPixels(probabilities, 2);
		// A tie sits at the floor (12% of the way), a sure cell at the strength (80%).
		expect(rgba(soft, 0)[0]).toBe(Math.round(255 + (0x25 - 255) * 0.12));
		expect(rgba(soft, 1)[0]).toBe(Math.round(255 + (0x25 - 255) * 0.8));
		const crisp = classPixels(probabilities, 2, lightColors, { discrete: true, strength: 1 });
		expect(rgba(crisp, 0)).toEqual([...lightClassColors[0], 255]);
	});

	it('supports up to eight classes and draws NaN as the background', () => {
		const eight = new Float32Array(8);
		eight[7] = 1;
		expect(rgba(classPixels(eight, 8, lightColors, { discrete: true, strength: 1 }), 0)).toEqual([
			...lightClassColors[7],
			255
		]);
		expect(() => classPixels(new Float32Array(9), 9)).toThrow(RangeError);
		expect(rgba(classPixels([NaN, NaN], 2), 0)).toEqual([255, 255, 255, 255]);
	});
});

describe('unit ranges', () => {
	it('picks a range per activation', () => {
		expect(rangeFor('tanh')).toBe('signed');
		expect(rangeFor('sigmoid')).toBe('probability');
		expect(rangeFor('relu')).toBe('nonnegative');
		expect(rangeFor('linear')).toBe('unbounded');
	});

	it('keeps tanh as is, centres sigmoid on 0.5', () => {
		expect(Array.from(unitRange([-1, 0.25, 2], 'signed'))).toEqual([-1, 0.25, 1]);
		expect(Array.from(unitRange([0, 0.5, 1, 0.75], 'probability'))).toEqual([-1, 0, 1, 0.5]);
	});

	it('scales ReLU by its largest value and linear units by their largest |value|', () => {
		expect(Array.from(unitRange([0, 2, 4], 'nonnegative'))).toEqual([0, 0.5, 1]);
		expect(Array.from(unitRange([-6, 3, 0], 'unbounded'))).toEqual([-1, 0.5, 0]);
		// A dead ReLU or a flat unit stays neutral rather than amplifying noise.
		expect(Array.from(unitRange([0, 0, 1e-9], 'nonnegative'))).toEqual([0, 0, 0]);
	});

	it('can work in place', () => {
		const values = new Float32Array([0, 5, 10]);
		expect(unitRange(values, 'nonnegative', values)).toBe(values);
		expect(Array.from(values)).toEqual([0, 0.5, 1]);
	});
});
