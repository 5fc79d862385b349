/** A seeded random source: every call returns a number in [0, 1). */
export type Rng = () => number;

/** mulberry32: small, fast and good enough for data sets and shuffles; the same seed gives the same run. */
export function createRng(seed: number): Rng {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A standard normal sample (Box-Muller). */
export function normal(rng: Rng): number {
	const u = 1 - rng();
	const v = rng();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function uniform(rng: Rng, low: number, high: number): number {
	return low + (high - low) * rng();
}

/** Fisher-Yates, in place. */
export function shuffle<T>(items: T[] | Int32Array, rng: Rng): void {
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		const swap = items[i];
		items[i] = items[j];
		items[j] = swap;
	}
}

/** A seed derived from another, so that data and weights draw from independent streams. */
export function deriveSeed(seed: number, stream: number): number {
	return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(stream, 0xc2b2ae35)) >>> 0;
}
