import { describe, expect, it } from 'vitest';
import { markerVertices, moveCursor, toPixels, toPlane } from './plane';

describe('plane geometry', () => {
	it('maps pixels to coordinates, x2 up, and back', () => {
		expect(toPlane(0, 0, 600)).toEqual({ x1: -6, x2: 6 });
		expect(toPlane(300, 300, 600)).toEqual({ x1: 0, x2: 0 });
		expect(toPlane(650, 700, 600)).toEqual({ x1: 6, x2: -6 });
		expect(toPixels(3, -3, 600)).toEqual({ x: 450, y: 450 });
		const p = toPlane(123, 456, 600);
		const back = toPixels(p.x1, p.x2, 600);
		expect(back.x).toBeCloseTo(123);
		expect(back.y).toBeCloseTo(456);
	});

	it('moves the keyboard cursor by half a unit, or two with Shift, inside the plane', () => {
		expect(moveCursor({ x1: 0, x2: 0 }, 'ArrowUp', false)).toEqual({ x1: 0, x2: 0.5 });
		expect(moveCursor({ x1: 0, x2: 0 }, 'ArrowLeft', true)).toEqual({ x1: -2, x2: 0 });
		expect(moveCursor({ x1: 5.9, x2: -5.9 }, 'ArrowRight', false)).toEqual({ x1: 6, x2: -5.9 });
		expect(moveCursor({ x1: 0, x2: -5.9 }, 'ArrowDown', true)).toEqual({ x1: 0, x2: -6 });
		expect(moveCursor({ x1: 0, x2: 0 }, 'Enter', false)).toBeNull();
	});

	it('gives each of the eight classes its own marker', () => {
		expect(markerVertices(0, 5)).toBeNull();
		const corners = [1, 2, 3, 4, 5, 6, 7].map((label) => markerVertices(label, 5)!.length);
		expect(corners).toEqual([4, 3, 4, 3, 5, 6, 10]);
		// The square and the diamond differ by their rotation.
		expect(markerVertices(1, 5)![0][1]).not.toBeCloseTo(markerVertices(3, 5)![0][1]);
	});
});
