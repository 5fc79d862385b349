// npm run soak: trains every lesson for SOAK_MINUTES (10 unless set) in headless Chromium and
// checks that its live tensors and the GPU memory tfjs holds stay flat. Writes docs/soak.md and
// docs/soak.json. Not part of CI: ten minutes a lesson is well over an hour.
// SOAK_CASES=cnn,playground soaks only those (rows of the others are kept from the last run);
// SOAK_PARALLEL=3 soaks three lessons at a time (same minutes each, fewer steps).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser.js';
import { cases, mebibytes, serveBench } from './bench-common.js';

const minutes = Number(process.env.SOAK_MINUTES ?? 10);
const backend = process.env.BENCH_BACKEND ?? null;
const parallel = Math.max(1, Number(process.env.SOAK_PARALLEL ?? 1));

/**
 * Steps per block: the loop pauses after each block (as a reader pressing Pause would) and memory
 * is sampled, at most every 5 s. Smaller than the bench's blocks, so that samples come often.
 * @type {Record<string, number>}
 */
const blockSteps = {
	perceptron: 200,
	optimizers: 50,
	initialization: 20,
	convolution: 5,
	cnn: 30,
	augmentation: 10,
	'char-lstm': 5,
	'rnn-race': 2,
	playground: 500,
	'coco-ssd': 1
};
const names = Object.keys(blockSteps);
const only = process.env.SOAK_CASES?.split(',');
for (const name of only ?? []) {
	if (!names.includes(name))
		throw new Error(`soak: no case ${name}; there are ${names.join(', ')}`);
}

/**
 * Flat: after the first fifth of the run (warm-up: shaders, buffer pools, the session settling),
 * the second half of the samples never goes above the most the first half held.
 * @param {{ seconds: number, tensors: number, gpuBytes: number | null }[]} samples
 * @param {'tensors' | 'gpuBytes'} key
 */
function judge(samples, key) {
	const end = samples[samples.length - 1].seconds;
	const values = samples.filter((s) => s.seconds >= end / 5).map((s) => s[key]);
	if (values.length < 2 || values.some((v) => v === null)) return null;
	const warm = /** @type {number[]} */ (values);
	const half = Math.ceil(warm.length / 2);
	const first = Math.max(...warm.slice(0, half));
	const second = Math.max(...warm.slice(half));
	return { start: samples[0][key], firstHalf: first, secondHalf: second, flat: second <= first };
}

/** @type {any[]} */
const runs = [];
// Rows of lessons not soaked this time are kept from the last run.
if (only && existsSync('docs/soak.json')) {
	const last = JSON.parse(readFileSync('docs/soak.json', 'utf8'));
	runs.push(...last.runs.filter((/** @type {{ name: string }} */ r) => !only.includes(r.name)));
}
const runsInOrder = () => runs.sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name));

/** @param {any} j @param {(v: number) => string} format */
const verdict = (j, format) =>
	j === null
		? '– (no GPU memory on this backend)'
		: `${format(j.start)} → ${format(j.firstHalf)} → ${format(j.secondHalf)}: **${j.flat ? 'flat' : 'grows'}**`;
/** Writes docs/soak.md and .json: after every lesson, so that a run cut short keeps its rows. */
function writeReport() {
	runsInOrder();
	const rows = runs.map((r) => {
		const last = r.samples.at(-1);
		return `| ${r.name} | ${r.parallel ?? 1} | ${r.backend} (${r.adapter || '–'}) | ${(last.seconds / 60).toFixed(1)} | ${last.steps} | ${r.samples.length} | ${verdict(r.tensors, String)} | ${verdict(r.gpu, (bytes) => mebibytes(bytes, 2))} | ${r.longTasks.length} | ${r.stopped ?? ''} | ${r.measured} |`;
	});
	mkdirSync('docs', { recursive: true });
	writeFileSync('docs/soak.json', JSON.stringify({ runs }, null, '\t') + '\n');
	writeFileSync(
		'docs/soak.md',
		`# Soak

\`npm run soak\` (after \`npm run build\`) runs each lesson's own loop, as the lesson runs it at full
speed with its reports, for \`SOAK_MINUTES\` (10 unless set) in headless Chromium, pausing after each
block of steps, and samples the live tensor count and the GPU bytes tfjs holds (its buffer pool
included) at most every 5 s. The convolution lab answers requests over and over; COCO-SSD detects on
the photo frame after frame, as its webcam loop does. Each lesson runs in its own page and worker;
with \`SOAK_PARALLEL\` several run at once (same minutes, fewer steps each: the steps column says how
many). Raw samples: [soak.json](soak.json).

Each verdict reads: at the start → the most in the first half → the most in the second half, both halves
taken after the first fifth of the run (warm-up: shaders, buffer pools, the loop settling). **Flat**: the
second half never holds more than the first.

| lesson | lessons at once | backend | minutes | steps | samples | live tensors | GPU MiB | main-thread long tasks | stopped early | measured |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
`
	);
	execFileSync('npx', ['prettier', '--write', 'docs/soak.md', 'docs/soak.json'], {
		stdio: 'ignore'
	});
}

/**
 * One lesson's soak in its own page and worker (tensors and GPU memory are counted per worker).
 * @param {import('@playwright/test').Browser} browser @param {string} name
 */
async function soakOne(browser, name) {
	const page = await server.open(browser);
	console.log(`soak: ${name} for ${minutes} min…`);
	const options = {
		...(cases.find((c) => c.name === name)?.options ?? {}),
		steps: blockSteps[name],
		backend
	};
	const result = await page.evaluate(
		({ name, options, minutes }) =>
			/** @type {any} */ (window).tensorTrailBench.soak(name, options, minutes),
		{ name, options, minutes }
	);
	const tensors = judge(result.samples, 'tensors');
	const gpu = judge(result.samples, 'gpuBytes');
	runs.push({ ...result, parallel, tensors, gpu, measured: new Date().toISOString().slice(0, 10) });
	console.log(
		`soak: ${name} on ${result.backend}: ${result.samples.at(-1).steps} steps, tensors ${tensors?.flat ? 'flat' : 'NOT flat'}, GPU bytes ${gpu === null ? 'n/a' : gpu.flat ? 'flat' : 'NOT flat'}${result.stopped ? ` (${result.stopped})` : ''}`
	);
	await page.close();
	writeReport();
}

const server = await serveBench('soak');
try {
	const browser = await chromium.launch(chromiumLaunchOptions());
	const queue = names.filter((n) => !only || only.includes(n));
	// SOAK_PARALLEL lessons at a time, each in its own page: fewer steps each, the same minutes.
	const lanes = Array.from({ length: parallel }, async () => {
		for (let name = queue.shift(); name; name = queue.shift()) {
			// One lesson failing (a page that would not load) does not end the others' soaks.
			await soakOne(browser, name).catch((error) => {
				console.error(`soak: ${name} failed: ${error}`);
				process.exitCode = 1;
			});
		}
	});
	await Promise.all(lanes);
	await browser.close();
} finally {
	server.stop();
}

const grows = runs.filter((r) => !r.tensors?.flat || r.gpu?.flat === false);
if (grows.length) {
	console.error(`soak: not flat: ${grows.map((r) => r.name).join(', ')}`);
	process.exitCode = 1;
}
