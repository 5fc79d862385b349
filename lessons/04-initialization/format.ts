/** A spread or a loss, short enough for a small label: 0.53, 0.0012 as 1.2e-3, 4.1e+5. */
export function shortNumber(value: number): string {
	if (!Number.isFinite(value)) return String(value);
	if (value === 0) return '0';
	const size = Math.abs(value);
	if (size >= 0.01 && size < 1000) return String(Number(value.toPrecision(2)));
	return value.toExponential(1);
}

/** Bar heights of a histogram, 0 to 1, on a log scale of the counts (log(1 + count)). */
export function logHeights(counts: readonly number[]): number[] {
	const top = Math.log1p(Math.max(0, ...counts));
	return counts.map((count) => (top > 0 ? Math.log1p(count) / top : 0));
}

export interface LogAxis {
	/** Powers of ten at the bottom and top of the axis. */
	low: number;
	high: number;
	/** 0 (bottom) to 1 (top) for a value; 0 and below sit on the bottom edge. */
	position(value: number): number;
	/** The powers of ten to label, at most `maxTicks` of them. */
	ticks: number[];
}

/** A log axis that spans whole decades around the positive values (1e-3 to 1 when none). */
export function logAxis(values: readonly number[], maxTicks = 6): LogAxis {
	const positive = values.filter((value) => Number.isFinite(value) && value > 0);
	let low = positive.length ? Math.floor(Math.log10(Math.min(...positive))) : -3;
	let high = positive.length ? Math.ceil(Math.log10(Math.max(...positive))) : 0;
	if (high <= low) {
		low -= 1;
		high += 1;
	}
	const span = high - low;
	const stride = Math.max(1, Math.ceil(span / (maxTicks - 1)));
	const ticks: number[] = [];
	for (let p = low; p <= high; p += stride) ticks.push(p);
	return {
		low,
		high,
		ticks,
		position: (value) =>
			value > 0 && Number.isFinite(value)
				? Math.min(1, Math.max(0, (Math.log10(value) - low) / span))
				: value === Infinity
					? 1
					: 0
	};
}
