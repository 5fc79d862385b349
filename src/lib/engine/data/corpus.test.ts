import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import {
	buildVocabulary,
	checkCorpus,
	corpusLimits,
	decode,
	decodeText,
	encode,
	sampleIndex,
	softmaxWithTemperature,
	topChoices,
	unknownChar
} from './corpus';

describe('checking a corpus', () => {
	it('names what is wrong with an empty, short or binary text', () => {
		expect(checkCorpus('x', '')).toEqual({ kind: 'empty' });
		expect(checkCorpus('x', ' \n\t ')).toEqual({ kind: 'empty' });
		expect(checkCorpus('x', 'too short')).toEqual({ kind: 'too-short', chars: 9 });
		expect(checkCorpus('x', 'a\u0000b'.repeat(100))).toEqual({ kind: 'binary' });
		expect(checkCorpus('x', '\uFFFD'.repeat(300))).toEqual({ kind: 'binary' });
	});

	it('counts characters, not UTF-16 units, and keeps Chinese text whole', () => {
		const text = '学而时习之，不亦说乎？'.repeat(20);
		expect(checkCorpus('论语', text)).toEqual({ name: '论语', text, truncatedFrom: null });
		// 199 emoji are 398 UTF-16 units but still too short.
		expect(checkCorpus('x', '😀'.repeat(199))).toEqual({ kind: 'too-short', chars: 199 });
	});

	it('cuts a huge text at the limit and says how long it was', () => {
		const huge = 'ab'.repeat(corpusLimits.maxChars);
		const checked = checkCorpus('big', huge);
		expect(checked).toMatchObject({ truncatedFrom: 2 * corpusLimits.maxChars });
		expect('text' in checked && checked.text.length).toBe(corpusLimits.maxChars);
	});

	it('turns Windows line endings into \\n', () => {
		const checked = checkCorpus('x', 'line one\r\nline two\r'.repeat(20));
		expect('text' in checked && checked.text.includes('\r')).toBe(false);
	});

	it('decodes UTF-8 (with a BOM too) and refuses bytes that are not UTF-8', () => {
		const bytes = new TextEncoder().encode('\uFEFF子曰');
		expect(decodeText(bytes)).toBe('子曰');
		expect(decodeText(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe))).toBeNull();
	});
});

describe('vocabulary and encoding', () => {
	it('ranks characters by frequency after the unknown symbol, the same way every time', () => {
		expect(buildVocabulary('abracadabra')).toEqual([unknownChar, 'a', 'b', 'r', 'c', 'd']);
	});

	it('maps characters beyond the limit to the unknown symbol', () => {
		const vocabulary = buildVocabulary('aaabbc', 3);
		expect(vocabulary).toEqual([unknownChar, 'a', 'b']);
		expect(Array.from(encode('abc', vocabulary))).toEqual([1, 2, 0]);
	});

	it('encodes and decodes any Unicode text back to itself', () => {
		const text = 'Call me Ishmael. 子曰：学而时习之 😀\n';
		const vocabulary = buildVocabulary(text);
		const ids = encode(text, vocabulary);
		expect(ids).toHaveLength(Array.from(text).length);
		expect(decode(ids, vocabulary)).toBe(text);
	});
});

describe('sampling with a temperature', () => {
	const logits = [1, 3, 2, 0.5];

	it('returns the argmax as the temperature goes to zero', () => {
		const rng = createRng(1);
		for (let i = 0; i < 200; i++) expect(sampleIndex(logits, 1e-4, rng)).toBe(1);
	});

	it('follows the softmax distribution at temperature 1', () => {
		const rng = createRng(42);
		const expected = softmaxWithTemperature(logits, 1);
		const counts = [0, 0, 0, 0];
		const draws = 20_000;
		for (let i = 0; i < draws; i++) counts[sampleIndex(logits, 1, rng)]++;
		// Each share within 4 standard errors of its probability.
		counts.forEach((count, i) => {
			const p = expected[i];
			expect(Math.abs(count / draws - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / draws));
		});
	});

	it('flattens the distribution as the temperature rises', () => {
		const cold = softmaxWithTemperature(logits, 0.5);
		const hot = softmaxWithTemperature(logits, 2);
		expect(cold[1]).toBeGreaterThan(softmaxWithTemperature(logits, 1)[1]);
		expect(hot[1]).toBeLessThan(softmaxWithTemperature(logits, 1)[1]);
		expect(hot.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
	});

	it('lists the likeliest characters first', () => {
		const choices = topChoices(logits, 1, ['w', 'x', 'y', 'z'], 2);
		expect(choices.map((c) => c.char)).toEqual(['x', 'y']);
	});
});
