/**
 * Text for the character-level language models: checking what a student supplies, the vocabulary,
 * encoding, and sampling the next character. Plain TypeScript (no tfjs), so the page can check a
 * pasted text before it is sent to the worker.
 */
import type { Rng } from '../random';
import { fetchBytes } from './fetch-bytes';

export const corpusLimits = {
	/** Fewer characters than this cannot fill a few training windows and a validation set. */
	minChars: 200,
	/** Longer texts are cut here: enough for hours of training, small enough to keep in memory. */
	maxChars: 1_500_000,
	/** Distinct characters the network predicts; rarer ones share the "unknown" symbol. */
	maxVocabulary: 2_000
} as const;

/** Stands for every character outside the vocabulary (index 0). */
export const unknownChar = '□';

export type CorpusProblem =
	{ kind: 'empty' } | { kind: 'too-short'; chars: number } | { kind: 'binary' };

/** A text the model can train on, cut to the limit if it was longer. */
export interface CorpusText {
	name: string;
	text: string;
	/** Characters in what was supplied, when it was cut; null when all of it is used. */
	truncatedFrom: number | null;
}

/** Characters (Unicode code points, so that 𝄞 or 😀 is one character, not two). */
export const charsOf = (text: string): string[] => Array.from(text);

/** Accepts a text or says what is wrong with it; line endings become "\n". */
export function checkCorpus(name: string, raw: string): CorpusText | CorpusProblem {
	// A NUL or a run of replacement characters: bytes that were never text.
	if (raw.includes('\u0000') || (raw.match(/\uFFFD/g)?.length ?? 0) > raw.length / 100 + 2)
		return { kind: 'binary' };
	const text = raw.replace(/\r\n?/g, '\n');
	if (text.trim() === '') return { kind: 'empty' };
	const chars = charsOf(text);
	if (chars.length < corpusLimits.minChars) return { kind: 'too-short', chars: chars.length };
	if (chars.length <= corpusLimits.maxChars) return { name, text, truncatedFrom: null };
	return {
		name,
		text: chars.slice(0, corpusLimits.maxChars).join(''),
		truncatedFrom: chars.length
	};
}

/** Decodes a file's bytes as UTF-8 (with or without a byte-order mark); null when they are not text. */
export function decodeText(bytes: Uint8Array): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return null;
	}
}

export const isCorpusProblem = (value: CorpusText | CorpusProblem): value is CorpusProblem =>
	'kind' in value;

/**
 * The characters the model knows, most frequent first (ties in code-point order, so the same text
 * always gives the same vocabulary), after the unknown symbol at index 0.
 */
export function buildVocabulary(
	text: string,
	limit: number = corpusLimits.maxVocabulary
): string[] {
	const counts = new Map<string, number>();
	for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
	const ranked = [...counts.entries()]
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
		.map(([char]) => char)
		.filter((char) => char !== unknownChar);
	return [unknownChar, ...ranked.slice(0, limit - 1)];
}

export function encode(text: string, vocabulary: readonly string[]): Int32Array {
	const index = new Map(vocabulary.map((char, i) => [char, i]));
	const chars = charsOf(text);
	return Int32Array.from(chars, (char) => index.get(char) ?? 0);
}

export const decode = (ids: ArrayLike<number>, vocabulary: readonly string[]): string =>
	Array.from(ids, (id) => vocabulary[id] ?? unknownChar).join('');

/**
 * Softmax of logits / temperature. Lower temperatures sharpen the distribution towards the most
 * likely character; higher ones flatten it towards uniform.
 */
export function softmaxWithTemperature(
	logits: ArrayLike<number>,
	temperature: number
): Float64Array {
	const t = Math.max(temperature, 1e-6);
	let max = -Infinity;
	for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i] / t);
	const probabilities = Float64Array.from(logits as ArrayLike<number>, (z) =>
		Math.exp(z / t - max)
	);
	const sum = probabilities.reduce((a, b) => a + b, 0);
	return probabilities.map((p) => p / sum);
}

/** Draws an index from the distribution of logits at a temperature. */
export function sampleIndex(logits: ArrayLike<number>, temperature: number, rng: Rng): number {
	const probabilities = softmaxWithTemperature(logits, temperature);
	let threshold = rng();
	for (let i = 0; i < probabilities.length; i++) {
		threshold -= probabilities[i];
		if (threshold < 0) return i;
	}
	return probabilities.length - 1;
}

export interface CharChoice {
	char: string;
	probability: number;
}

/** The k likeliest next characters at a temperature. */
export function topChoices(
	logits: ArrayLike<number>,
	temperature: number,
	vocabulary: readonly string[],
	k = 10
): CharChoice[] {
	const probabilities = softmaxWithTemperature(logits, temperature);
	return Array.from(probabilities, (probability, i) => ({ char: vocabulary[i], probability }))
		.sort((a, b) => b.probability - a.probability)
		.slice(0, k);
}

/** How a character is drawn where an invisible one would be lost: space, newline, tab. */
export function visibleChar(char: string): string {
	if (char === ' ') return '␣';
	if (char === '\n') return '↵';
	if (char === '\t') return '⇥';
	return char;
}

/** A bundled corpus (a URL on the app's own origin) or a text the student supplied. */
export type CorpusSource =
	{ kind: 'bundled'; name: string; url: string } | { kind: 'text'; corpus: CorpusText };

/** The text behind a source: downloaded and checked for a bundled one. */
export async function loadCorpus(
	source: CorpusSource,
	progress: (fraction: number) => void
): Promise<CorpusText> {
	if (source.kind === 'text') return source.corpus;
	const bytes = await fetchBytes(source.url, (loaded, total) => {
		if (total) progress(Math.min(1, loaded / total));
	});
	const checked = checkCorpus(source.name, decodeText(bytes) ?? '');
	if (isCorpusProblem(checked))
		throw new Error(`${source.url} is not a usable text (${checked.kind})`);
	return checked;
}
