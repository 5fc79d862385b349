/**
 * The optimizers lesson's 2-D loss surfaces as plain functions, with their plot domains, start
 * points, minima and contour grids. Plain data, importable without tfjs (the page draws the
 * contours); their tfjs twins, which the optimisers minimise by autodiff, are in surface-ops.ts.
 */

export const surfaceIds = ['rosenbrock', 'beale', 'saddle', 'noisyQuadratic'] as const;
export type SurfaceId = (typeof surfaceIds)[number];

export type Point = readonly [number, number];

/** The rectangle [xMin, xMax] × [yMin, yMax] the contour plot shows. */
export interface Domain {
	xMin: number;
	xMax: number;
	yMin: number;
	yMax: number;
}

export interface Surface {
	id: SurfaceId;
	/** The loss without noise, in float64. */
	f(x: number, y: number): number;
	/** The formula, as KaTeX. */
	latex: string;
	domain: Domain;
	start: Point;
	/** Where the global minima lie (the saddle's quartic term gives it two). */
	minima: Point[];
	/** The lowest value of f, reached at the minima: the floor of the log colour scale. */
	floor: number;
	/**
	 * σ of the minibatch-like noise added to the gradient (in gradient units; see gradientNoise
	 * in optimizer-spec.ts): scaled to the size of the surface's gradients.
	 */
	noise: number;
	/**
	 * A surface that is noisy in itself: every optimiser but full-batch 'gd' sees its noise. On the
	 * others only 'sgd' does.
	 */
	noisy: boolean;
}

const rosenbrock: Surface = {
	id: 'rosenbrock',
	f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
	latex: 'f(x,y) = (1-x)^2 + 100\\,(y-x^2)^2',
	domain: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
	start: [-1.5, 2],
	minima: [[1, 1]],
	floor: 0,
	noise: 2,
	noisy: false
};

const beale: Surface = {
	id: 'beale',
	f: (x, y) =>
		(1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y * y * y) ** 2,
	latex: 'f(x,y) = (1.5-x+xy)^2 + (2.25-x+xy^2)^2 + (2.625-x+xy^3)^2',
	domain: { xMin: -4.5, xMax: 4.5, yMin: -4.5, yMax: 4.5 },
	start: [1, 1.5],
	minima: [[3, 0.5]],
	floor: 0,
	noise: 1,
	noisy: false
};

/**
 * x² − y² has a saddle at the origin but no bottom: every optimiser that escapes would run off
 * to y = ±∞. The quartic term y⁴/4 keeps the saddle and gives it two valleys, at y = ±√2 where
 * f = −1, so an escape ends somewhere instead of in a divergence. The start lies just off the
 * ridge y = 0, where the gradient along y is almost zero.
 */
const saddle: Surface = {
	id: 'saddle',
	f: (x, y) => x * x - y * y + (y * y * y * y) / 4,
	latex: 'f(x,y) = x^2 - y^2 + \\tfrac{1}{4}\\,y^4',
	domain: { xMin: -2, xMax: 2, yMin: -2, yMax: 2 },
	start: [-1.5, 0.01],
	minima: [
		[0, Math.SQRT2],
		[0, -Math.SQRT2]
	],
	floor: -1,
	noise: 0.3,
	noisy: false
};

/** A bowl ten times steeper along y than along x, whose gradient comes with noise every step. */
const noisyQuadratic: Surface = {
	id: 'noisyQuadratic',
	f: (x, y) => 0.5 * x * x + 5 * y * y,
	latex: 'f(x,y) = \\tfrac{1}{2}\\,x^2 + 5\\,y^2',
	domain: { xMin: -3, xMax: 3, yMin: -2, yMax: 2 },
	start: [-2.5, 1.5],
	minima: [[0, 0]],
	floor: 0,
	noise: 1,
	noisy: true
};

export const surfaces: Record<SurfaceId, Surface> = { rosenbrock, beale, saddle, noisyQuadratic };

/** The domain's point at (u, v) ∈ [0, 1]², u to the right and v downwards (as on a canvas). */
export function domainPoint(domain: Domain, u: number, v: number): Point {
	return [
		domain.xMin + u * (domain.xMax - domain.xMin),
		domain.yMax - v * (domain.yMax - domain.yMin)
	];
}

/** The colour scale: log(1 + f − floor), so that valleys a thousand times shallower still show. */
export const logHeight = (surface: Surface, value: number) =>
	Math.log1p(Math.max(0, value - surface.floor));

export interface ContourLevel {
	/** The level in f's own units. */
	value: number;
	/** The same level on the grid's [0, 1] scale. */
	scaled: number;
}

export interface SurfaceGrid {
	size: number;
	domain: Domain;
	/**
	 * size × size samples at cell centres, row-major: row 0 is the top (y near yMax), column 0 the
	 * left (x near xMin), as an image. Values are logHeight, mapped to [0, 1] between low and high.
	 */
	values: Float32Array;
	low: number;
	high: number;
	/** Contour levels, evenly spaced on the [0, 1] scale, lowest first. */
	levels: ContourLevel[];
}

/** Samples the surface for its colour map and contours. */
export function surfaceGrid(surface: Surface, size: number, levelCount = 14): SurfaceGrid {
	const { domain } = surface;
	const values = new Float32Array(size * size);
	let low = Infinity;
	let high = -Infinity;
	for (let row = 0; row < size; row++) {
		for (let column = 0; column < size; column++) {
			const [x, y] = domainPoint(domain, (column + 0.5) / size, (row + 0.5) / size);
			const height = logHeight(surface, surface.f(x, y));
			values[row * size + column] = height;
			low = Math.min(low, height);
			high = Math.max(high, height);
		}
	}
	const span = high - low || 1;
	for (let i = 0; i < values.length; i++) values[i] = (values[i] - low) / span;
	const levels = Array.from({ length: levelCount }, (_, k) => {
		const scaled = (k + 0.5) / levelCount;
		return { scaled, value: surface.floor + Math.expm1(low + scaled * span) };
	});
	return { size, domain, values, low, high, levels };
}

/** A point's place on the grid's [0, 1] scale (clamped), to colour a loss like the map. */
export function scaledHeight(grid: SurfaceGrid, surface: Surface, value: number): number {
	const scaled = (logHeight(surface, value) - grid.low) / (grid.high - grid.low || 1);
	return Math.min(1, Math.max(0, scaled));
}

/**
 * The contour line of one level (on the grid's [0, 1] scale) by marching squares: line segments
 * as x1, y1, x2, y2 in domain coordinates, four numbers per segment.
 */
export function contourSegments(grid: SurfaceGrid, scaled: number): Float32Array {
	const { size, values, domain } = grid;
	const dx = (domain.xMax - domain.xMin) / size;
	const dy = (domain.yMax - domain.yMin) / size;
	const xAt = (column: number) => domain.xMin + (column + 0.5) * dx;
	const yAt = (row: number) => domain.yMax - (row + 0.5) * dy;
	const out: number[] = [];
	// Where the level crosses the edge from corner a to corner b, as a fraction of the way.
	const cross = (a: number, b: number) => (scaled - a) / (b - a);
	for (let row = 0; row + 1 < size; row++) {
		for (let column = 0; column + 1 < size; column++) {
			const tl = values[row * size + column];
			const tr = values[row * size + column + 1];
			const br = values[(row + 1) * size + column + 1];
			const bl = values[(row + 1) * size + column];
			const cell =
				(tl > scaled ? 8 : 0) |
				(tr > scaled ? 4 : 0) |
				(br > scaled ? 2 : 0) |
				(bl > scaled ? 1 : 0);
			if (cell === 0 || cell === 15) continue;
			const x0 = xAt(column);
			const y0 = yAt(row);
			const top = (): Point => [x0 + cross(tl, tr) * dx, y0];
			const right = (): Point => [x0 + dx, y0 - cross(tr, br) * dy];
			const bottom = (): Point => [x0 + cross(bl, br) * dx, y0 - dy];
			const left = (): Point => [x0, y0 - cross(tl, bl) * dy];
			const segment = (a: Point, b: Point) => out.push(a[0], a[1], b[0], b[1]);
			// The two ambiguous cells are split by the value at the cell's centre.
			const centreAbove = (tl + tr + br + bl) / 4 > scaled;
			switch (cell) {
				case 1:
				case 14:
					segment(left(), bottom());
					break;
				case 2:
				case 13:
					segment(bottom(), right());
					break;
				case 3:
				case 12:
					segment(left(), right());
					break;
				case 4:
				case 11:
					segment(top(), right());
					break;
				case 6:
				case 9:
					segment(top(), bottom());
					break;
				case 7:
				case 8:
					segment(left(), top());
					break;
				case 5:
					if (centreAbove) {
						segment(left(), top());
						segment(bottom(), right());
					} else {
						segment(left(), bottom());
						segment(top(), right());
					}
					break;
				case 10:
					if (centreAbove) {
						segment(left(), bottom());
						segment(top(), right());
					} else {
						segment(left(), top());
						segment(bottom(), right());
					}
					break;
			}
		}
	}
	return new Float32Array(out);
}
