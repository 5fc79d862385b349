import { describe, expect, it } from 'vitest';
import { mnistStyle } from './digit-preprocess';

function centreOfMass(values: Float32Array): [number, number] {
	let mass = 0;
	let y = 0;
	let x = 0;
	values.forEach((v, i) => {
		mass += v;
		y += v * Math.floor(i / 28);
		x += v * (i % 28);
	});
	return [y / mass, x / mass];
}

describe('mnistStyle', () => {
	it('scales a small stroke in a corner to a 20-pixel digit centred by mass', () => {
		const values = new Float32Array(28 * 28);
		for (let y = 2; y < 8; y++) values[y * 28 + 3] = 1; // a short vertical bar, top left
		const out = mnistStyle({ width: 28, height: 28, values });
		const rows = [...Array(28).keys()].filter((y) =>
			out.slice(y * 28, y * 28 + 28).some((v) => v > 0.5)
		);
		expect(rows.length).toBe(20);
		const [cy, cx] = centreOfMass(out);
		expect(Math.abs(cy - 13.5)).toBeLessThan(1);
		expect(Math.abs(cx - 13.5)).toBeLessThan(1);
	});

	it('leaves an empty drawing empty', () => {
		expect(
			mnistStyle({ width: 28, height: 28, values: new Float32Array(784) }).every((v) => v === 0)
		).toBe(true);
	});
});
