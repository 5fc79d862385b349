/** Reading a lesson's settings back from its URL: anything malformed falls back to the default. */

/** A finite number in [min, max]. */
export function numberParam(
	value: string | null,
	min: number,
	max: number,
	fallback: number
): number {
	const n = Number(value);
	return value !== null && value !== '' && Number.isFinite(n) && n >= min && n <= max
		? n
		: fallback;
}

/** An integer in [min, max]. */
export function integerParam(
	value: string | null,
	min: number,
	max: number,
	fallback: number
): number {
	const n = numberParam(value, min, max, fallback);
	return Number.isInteger(n) ? n : fallback;
}

/** One of a fixed list of choices (numbers compare by value, so "0.010" finds 0.01). */
export function choiceParam<T extends string | number>(
	options: readonly T[],
	value: string | null,
	fallback: T
): T {
	return (
		options.find(
			(option) =>
				String(option) === value ||
				(typeof option === 'number' && value !== null && value !== '' && option === Number(value))
		) ?? fallback
	);
}
