export interface Point {
	x: number;
	y: number;
}

/**
 * The points of one chart line, sorted by x. Bounded: when it outgrows its capacity it keeps every
 * other point (and always the newest), so an hour of training costs the same memory and drawing
 * time as a minute, and the curve keeps its shape.
 */
export class SeriesBuffer {
	points: Point[] = [];
	readonly capacity: number;

	constructor(capacity = 4000) {
		this.capacity = capacity;
	}

	/** Adds a point; a point at the same x replaces the last one. Non-finite values are skipped. */
	push(x: number, y: number): void {
		if (!Number.isFinite(x) || !Number.isFinite(y)) return;
		const last = this.points.at(-1);
		if (last && last.x === x) {
			this.points[this.points.length - 1] = { x, y };
			return;
		}
		this.points.push({ x, y });
		if (this.points.length > this.capacity) {
			const newest = this.points.length - 1;
			this.points = this.points.filter((_, i) => i % 2 === 0 || i === newest);
		}
	}

	clear(): void {
		this.points = [];
	}
}
