import { fetchBytes, type DownloadProgress } from './fetch-bytes';

/** Handwritten digits: one label byte and rows×cols pixel bytes (0 = paper, 255 = ink) per image. */
export interface DigitSet {
	count: number;
	rows: number;
	cols: number;
	labels: Uint8Array;
	images: Uint8Array;
}

const magic = [0x54, 0x54, 0x4d, 0x31]; // "TTM1", written by scripts/mnist-pack.js

/** Reads the lessons' MNIST subset format (see scripts/mnist-pack.js). */
export function parseDigitPack(bytes: Uint8Array): DigitSet {
	if (bytes.length < 12 || magic.some((b, i) => bytes[i] !== b)) {
		throw new Error('not a Tensor Trail MNIST file (bad header)');
	}
	const count = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
	const rows = bytes[8];
	const cols = bytes[9];
	const expected = 12 + count + count * rows * cols;
	if (bytes.length !== expected) {
		throw new Error(`MNIST file is ${bytes.length} bytes, expected ${expected}: truncated?`);
	}
	return {
		count,
		rows,
		cols,
		labels: bytes.subarray(12, 12 + count),
		images: bytes.subarray(12 + count)
	};
}

export async function loadDigits(url: string, onProgress?: DownloadProgress): Promise<DigitSet> {
	return parseDigitPack(await fetchBytes(url, onProgress));
}

/** One image's pixels, scaled to [0, 1]. */
export function digitPixels(set: DigitSet, index: number): Float32Array {
	const size = set.rows * set.cols;
	return Float32Array.from(set.images.subarray(index * size, (index + 1) * size), (v) => v / 255);
}

/** Both halves of a lesson's digit subset, with one progress figure for the two downloads. */
export async function loadDigitSplits(
	urls: { train: string; test: string },
	onProgress?: (fraction: number) => void
): Promise<{ train: DigitSet; test: DigitSet }> {
	const loaded = { train: 0, test: 0 };
	const totals = { train: 0, test: 0 };
	const report = (split: 'train' | 'test') => (bytes: number, total: number | null) => {
		loaded[split] = bytes;
		totals[split] = total ?? bytes;
		const all = totals.train + totals.test;
		if (all > 0) onProgress?.(Math.min(0.99, (loaded.train + loaded.test) / all));
	};
	const [train, test] = await Promise.all([
		loadDigits(urls.train, report('train')),
		loadDigits(urls.test, report('test'))
	]);
	return { train, test };
}

/** The first `count` digits of a set, without copying. */
export function firstDigits(set: DigitSet, count: number): DigitSet {
	const n = Math.min(count, set.count);
	const size = set.rows * set.cols;
	return {
		...set,
		count: n,
		labels: set.labels.subarray(0, n),
		images: set.images.subarray(0, n * size)
	};
}
