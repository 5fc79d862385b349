/** Geometry of the playground's plane: pixels to coordinates and back, and the point markers. */
import { planeExtent } from '$lib/engine/playground/spec';

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Pixel (from the top-left of a `size` px square) to plane coordinates, clamped to the plane. */
export function toPlane(px: number, py: number, size: number): { x1: number; x2: number } {
	const span = 2 * planeExtent;
	return {
		x1: clamp((px / size) * span - planeExtent, -planeExtent, planeExtent),
		x2: clamp(planeExtent - (py / size) * span, -planeExtent, planeExtent)
	};
}

/** Plane coordinates to pixels of a `size` px square. */
export function toPixels(x1: number, x2: number, size: number): { x: number; y: number } {
	const span = 2 * planeExtent;
	return { x: ((x1 + planeExtent) / span) * size, y: ((planeExtent - x2) / span) * size };
}

/** Keyboard cursor step in plane units; Shift moves four times as far. */
export const cursorStep = 0.5;

/** The cursor after an arrow key, or null for any other key. */
export function moveCursor(
	cursor: { x1: number; x2: number },
	key: string,
	big: boolean
): { x1: number; x2: number } | null {
	const step = big ? cursorStep * 4 : cursorStep;
	const [dx, dy] =
		key === 'ArrowLeft'
			? [-step, 0]
			: key === 'ArrowRight'
				? [step, 0]
				: key === 'ArrowUp'
					? [0, step]
					: key === 'ArrowDown'
						? [0, -step]
						: [NaN, NaN];
	if (Number.isNaN(dx)) return null;
	const round = (v: number) => Math.round(clamp(v, -planeExtent, planeExtent) * 100) / 100;
	return { x1: round(cursor.x1 + dx), x2: round(cursor.x2 + dy) };
}

/**
 * Each class has its own marker, so colour is not the only cue: circle, square, triangle,
 * diamond, triangle down, pentagon, hexagon, star. Returns the outline's corners around (0, 0)
 * for a marker of about the area of a circle of radius `r`; null means a circle.
 */
export function markerVertices(label: number, r: number): [number, number][] | null {
	const polygon = (sides: number, radius: number, start: number) =>
		Array.from({ length: sides }, (_, i): [number, number] => {
			const angle = start + (2 * Math.PI * i) / sides;
			return [radius * Math.cos(angle), radius * Math.sin(angle)];
		});
	switch (label) {
		case 1:
			return polygon(4, r * 1.25, Math.PI / 4);
		case 2:
			return polygon(3, r * 1.45, -Math.PI / 2);
		case 3:
			return polygon(4, r * 1.35, 0);
		case 4:
			return polygon(3, r * 1.45, Math.PI / 2);
		case 5:
			return polygon(5, r * 1.2, -Math.PI / 2);
		case 6:
			return polygon(6, r * 1.15, 0);
		case 7:
			return Array.from({ length: 10 }, (_, i): [number, number] => {
				const angle = -Math.PI / 2 + (Math.PI * i) / 5;
				const radius = i % 2 === 0 ? r * 1.55 : r * 0.7;
				return [radius * Math.cos(angle), radius * Math.sin(angle)];
			});
		default:
			return null;
	}
}
