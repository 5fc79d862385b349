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

/** The highest learning rate a URL may ask for: far too high for any lesson, on purpose. */
export const maxUrlLearningRate = 1000;

/**
 * A learning rate from the URL: any positive rate up to 1000, listed among the choices or not, so
 * that a link can show what a rate far too high does (training stops and says why).
 */
export function learningRateParam(value: string | null, fallback: number): number {
	const rate = numberParam(value, 0, maxUrlLearningRate, fallback);
	return rate > 0 ? rate : fallback;
}

/** A select's numeric choices, with the current value among them even when it is not a preset. */
export function optionsWith(choices: readonly number[], value: number): number[] {
	return choices.includes(value) ? [...choices] : [...choices, value].sort((a, b) => a - b);
}
