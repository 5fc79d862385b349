/**
 * Text into word ids for word2vec: a tokeniser, the vocabulary with a minimum count, frequent-word
 * subsampling and the noise distribution of negative sampling. Plain TypeScript (no tfjs), so the
 * page can check a pasted text too.
 */
import type { Rng } from '../random';

/**
 * Tokens of a text: runs of Latin (or other alphabetic) letters and digits are words, lower-cased,
 * with inner apostrophes kept ("whale's"); every Han, kana or hangul character is a token of its
 * own (Chinese is written without spaces, so the Analects are learnt character by character); an
 * emoji is a token. Punctuation and spaces separate tokens and are dropped.
 */
const tokenPattern =
	/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic}|\ufe0f)*|[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): string[] {
	const tokens: string[] = [];
	for (const match of text.matchAll(tokenPattern)) tokens.push(match[0].toLowerCase());
	return tokens;
}

export interface Vocabulary {
	/** Words kept, most frequent first (ties in code-point order, so a text always gives the same ids). */
	words: string[];
	counts: Int32Array;
	index: Map<string, number>;
	/** Tokens in the text, kept or not. */
	tokens: number;
	/** Tokens of kept words. */
	keptTokens: number;
}

/** The words seen at least `minCount` times, at most `maxWords` of them. */
export function buildVocabulary(
	tokens: readonly string[],
	minCount: number,
	maxWords = 50_000
): Vocabulary {
	const counts = new Map<string, number>();
	for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
	const ranked = [...counts.entries()]
		.filter(([, count]) => count >= minCount)
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
		.slice(0, maxWords);
	const words = ranked.map(([word]) => word);
	const kept = Int32Array.from(ranked, ([, count]) => count);
	return {
		words,
		counts: kept,
		index: new Map(words.map((word, i) => [word, i])),
		tokens: tokens.length,
		keptTokens: kept.reduce((a, b) => a + b, 0)
	};
}

/** The ids of the tokens in the vocabulary, in text order (out-of-vocabulary tokens are left out). */
export function encodeTokens(tokens: readonly string[], vocabulary: Vocabulary): Int32Array {
	const ids = new Int32Array(vocabulary.keptTokens);
	let n = 0;
	for (const token of tokens) {
		const id = vocabulary.index.get(token);
		if (id !== undefined) ids[n++] = id;
	}
	return ids.subarray(0, n);
}

/**
 * The chance of keeping one occurrence of a word of frequency f = count / total, as word2vec.c and
 * gensim compute it: (√(f/t) + 1) · t/f, capped at 1. Words rarer than about t are always kept; "the"
 * in Moby-Dick (f ≈ 0.074) survives about one time in 8 at t = 10⁻³.
 */
export function keepProbability(count: number, total: number, threshold: number): number {
	if (threshold <= 0) return 1;
	const ratio = (threshold * total) / count;
	return Math.min(1, (Math.sqrt(1 / ratio) + 1) * ratio);
}

export function keepProbabilities(vocabulary: Vocabulary, threshold: number): Float64Array {
	return Float64Array.from(vocabulary.counts, (count) =>
		keepProbability(count, vocabulary.keptTokens, threshold)
	);
}

/** Expected tokens left after subsampling: Σ count · keep. */
export function expectedKept(vocabulary: Vocabulary, keep: Float64Array): number {
	let sum = 0;
	for (let i = 0; i < keep.length; i++) sum += vocabulary.counts[i] * keep[i];
	return sum;
}

/** One epoch's stream: each token kept with its word's probability. */
export function subsample(ids: Int32Array, keep: Float64Array, rng: Rng): Int32Array {
	const out = new Int32Array(ids.length);
	let n = 0;
	for (let i = 0; i < ids.length; i++) if (rng() < keep[ids[i]]) out[n++] = ids[i];
	return out.slice(0, n);
}

/** The noise distribution of negative sampling: P(w) ∝ count(w)^power (0.75 in word2vec). */
export function noiseDistribution(counts: Int32Array, power = 0.75): Float64Array {
	const weights = Float64Array.from(counts, (count) => Math.pow(count, power));
	const sum = weights.reduce((a, b) => a + b, 0);
	return weights.map((w) => w / sum);
}

/**
 * A lookup table of word ids in proportion to the noise distribution, as word2vec.c builds it:
 * drawing a uniform slot draws a word from P(w) in O(1).
 */
export function noiseTable(counts: Int32Array, size = 1_000_000, power = 0.75): Int32Array {
	const p = noiseDistribution(counts, power);
	const table = new Int32Array(size);
	let word = 0;
	let cumulative = p[0];
	for (let slot = 0; slot < size; slot++) {
		table[slot] = word;
		if ((slot + 1) / size > cumulative && word < p.length - 1) cumulative += p[++word];
	}
	return table;
}
