import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import {
	buildVocabulary,
	encodeTokens,
	expectedKept,
	keepProbabilities,
	keepProbability,
	noiseDistribution,
	noiseTable,
	subsample,
	tokenize
} from './text';

describe('tokenize', () => {
	it('English: lower-cased words, apostrophes inside words kept, punctuation dropped', () => {
		expect(tokenize("Call me Ishmael. The whale's jaw — 1851!")).toEqual([
			'call',
			'me',
			'ishmael',
			'the',
			"whale's",
			'jaw',
			'1851'
		]);
	});

	it('Chinese: one token per character, punctuation dropped', () => {
		expect(tokenize('子曰：“学而时习之，不亦说乎？”')).toEqual([
			'子',
			'曰',
			'学',
			'而',
			'时',
			'习',
			'之',
			'不',
			'亦',
			'说',
			'乎'
		]);
	});

	it('emoji are tokens of their own, a joined family is one; mixed text splits by script', () => {
		expect(tokenize('I ❤️ 🐳s and 👨‍👩‍👧 in 北京')).toEqual([
			'i',
			'❤️',
			'🐳',
			's',
			'and',
			'👨‍👩‍👧',
			'in',
			'北',
			'京'
		]);
	});
});

describe('vocabulary', () => {
	const tokens = tokenize('a b a c a b d d d d e');
	it('keeps words seen min-count times, most frequent first, ties in code-point order', () => {
		const vocabulary = buildVocabulary(tokens, 2);
		expect(vocabulary.words).toEqual(['d', 'a', 'b']);
		expect([...vocabulary.counts]).toEqual([4, 3, 2]);
		expect(vocabulary.tokens).toBe(11);
		expect(vocabulary.keptTokens).toBe(9);
		expect([...encodeTokens(tokens, vocabulary)]).toEqual([1, 2, 1, 1, 2, 0, 0, 0, 0]);
	});
});

describe('subsampling', () => {
	it("keeps a word with word2vec.c's probability (sqrt(f/t) + 1) t/f, capped at 1", () => {
		const t = 1e-3;
		const f = 0.066;
		expect(keepProbability(66, 1000, t)).toBeCloseTo((Math.sqrt(f / t) + 1) * (t / f), 12);
		expect(keepProbability(66, 1000, t)).toBeCloseTo(0.1384, 3);
		expect(keepProbability(1, 10_000, t)).toBe(1);
		expect(keepProbability(5, 10, 0)).toBe(1);
	});

	it('a subsampled stream keeps each word at its probability', () => {
		const ids = new Int32Array(200_000).map((_, i) => (i % 4 === 0 ? 1 : 0));
		const vocabulary = buildVocabulary(Array.from(ids, String), 1);
		const keep = keepProbabilities(vocabulary, 0.01);
		const kept = subsample(encodeTokens(Array.from(ids, String), vocabulary), keep, createRng(1));
		const zeros = kept.filter((id) => id === 0).length;
		expect(zeros / 150_000).toBeCloseTo(keep[0], 2);
		expect(kept.length / expectedKept(vocabulary, keep)).toBeCloseTo(1, 2);
	});
});

describe('noise distribution', () => {
	it('is unigram^0.75, and the table draws words at those rates', () => {
		const counts = Int32Array.from([1000, 100, 10, 1]);
		const p = noiseDistribution(counts);
		const z = 1000 ** 0.75 + 100 ** 0.75 + 10 ** 0.75 + 1;
		expect(p[1]).toBeCloseTo(100 ** 0.75 / z, 12);
		const table = noiseTable(counts, 1_000_000);
		for (let w = 0; w < 4; w++) {
			const share = table.filter((id) => id === w).length / table.length;
			expect(Math.abs(share - p[w])).toBeLessThan(2e-5 + p[w] * 1e-3);
		}
	});
});
