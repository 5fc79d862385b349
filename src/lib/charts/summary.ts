import type { Point } from './series';

export type Trend = 'falling' | 'rising' | 'level';

/**
 * Which way a line is heading: its last value against the one a quarter of its length back (at
 * least two points back), 'level' within 2% of the larger of the two. Null under three points.
 */
export function trendOf(points: readonly Point[]): Trend | null {
	if (points.length < 3) return null;
	const last = points[points.length - 1].y;
	const back = Math.max(2, Math.floor(points.length / 4));
	const before = points[points.length - 1 - back].y;
	const scale = Math.max(Math.abs(last), Math.abs(before), 1e-12);
	if (Math.abs(last - before) <= 0.02 * scale) return 'level';
	return last < before ? 'falling' : 'rising';
}

/** How often a chart's spoken summary may change: a screen reader is not a frame counter. */
export const summaryEveryMs = 3000;
