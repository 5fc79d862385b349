// npm run bench: measures every live model in headless Chromium against a bare tfjs loop and
// writes docs/benchmarks.md and docs/benchmarks.json. Not part of CI: timings are noisy.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser.js';
import {
	cases,
	detectionCase,
	fullBlocks,
	mebibytes,
	median,
	playgroundCase,
	serveBench
} from './bench-common.js';

/** @param {number[]} values */
const spread = (values) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s in`;
const server = await serveBench('bench');
/** @param {import('@playwright/test').Browser} browser */
const openBenchPage = (browser) => server.open(browser);
const backend = process.env.BENCH_BACKEND ?? null;
// BENCH_CASES=cnn,char-lstm measures only those (the table then has only their rows).
const only = process.env.BENCH_CASES?.split(',');
const rows = [];
/** @type {any} */
let detection = null;
/** @type {any} */
let playground = null;
try {
	const browser = await chromium.launch(chromiumLaunchOptions());
	for (const { name, options } of cases.filter((c) => !only || only.includes(c.name))) {
		const page = await openBenchPage(browser);
		console.log(`bench: ${name}…`);
		const result = await page.evaluate(
			({ name, options }) => /** @type {any} */ (window).tensorTrailBench.run(name, options),
			{ name, options: { ...options, backend } }
		);
		rows.push({ ...result, options, measured: new Date().toISOString().slice(0, 10) });
		console.log(
			`bench: ${name} ratio ${median(result.ratios).toFixed(2)} on ${result.backend} (${elapsed()})`
		);
		await page.close();
	}
	if (!only || only.includes(detectionCase.name)) {
		// WebGPU, where the package's detect() cannot work here, and WebGL, where both run.
		detection = [];
		for (const detectionBackend of backend ? [backend] : ['webgpu', 'webgl']) {
			const page = await openBenchPage(browser);
			console.log(`bench: ${detectionCase.name} on ${detectionBackend}…`);
			const result = await page.evaluate(
				(options) => /** @type {any} */ (window).tensorTrailBench.runDetection(options),
				{
					...detectionCase.options,
					backend: detectionBackend,
					// Here detect() finds nothing on WebGPU and the device is lost after it: only the
					// long run tries it again, and its failure costs a minute.
					skipPackage:
						detectionBackend === 'webgpu' && !fullBlocks
							? 'not tried in the short run (BENCH_FULL=1 tries it: on SwiftShader it finds nothing and the device is lost after it)'
							: undefined
				}
			);
			detection.push({
				...result,
				options: detectionCase.options,
				measured: new Date().toISOString().slice(0, 10)
			});
			const ratio = result.ratios.length
				? median(result.ratios).toFixed(2)
				: 'n/a (detect() failed)';
			console.log(`bench: coco-ssd ratio ${ratio} on ${result.backend} (${elapsed()})`);
			await page.close();
		}
	}
	if (!only || only.includes(playgroundCase.name)) {
		playground = [];
		for (const playgroundBackend of backend ? [backend] : ['webgpu', 'webgl', 'cpu']) {
			const page = await openBenchPage(browser);
			console.log(`bench: playground on ${playgroundBackend}…`);
			const result = await page.evaluate(
				(options) => /** @type {any} */ (window).tensorTrailBench.runPlayground(options),
				{ ...playgroundCase.options, backend: playgroundBackend }
			);
			if (result.backend !== playgroundBackend)
				console.warn(`bench: playground asked for ${playgroundBackend}, ran on ${result.backend}`);
			playground.push({
				...result,
				options: playgroundCase.options,
				measured: new Date().toISOString().slice(0, 10)
			});
			for (const row of result.rows) {
				const rate = (/** @type {{ epochs: number, ms: number }[]} */ blocks) =>
					median(blocks.map((b) => (b.epochs * 1000) / b.ms)).toFixed(1);
				console.log(
					`bench: playground ${row.network} on ${result.backend}: ours ${rate(row.ours)}, lesson loop ${rate(row.session)}, playground-style ${rate(row.style)}, tfjs ${rate(row.tfjs)} epochs/s`
				);
			}
			await page.close();
		}
	}
	await browser.close();
} finally {
	server.stop();
}

const date = new Date().toISOString().slice(0, 10);
// Rows of cases not measured this time are kept from the last full run.
if (only && existsSync('docs/benchmarks.json')) {
	const last = JSON.parse(readFileSync('docs/benchmarks.json', 'utf8'));
	detection ??= last.detection ?? null;
	playground ??= last.playground ?? null;
	const kept = last.rows.filter((/** @type {{ name: string }} */ row) => !only.includes(row.name));
	rows.unshift(...kept);
	rows.sort(
		(a, b) => cases.findIndex((c) => c.name === a.name) - cases.findIndex((c) => c.name === b.name)
	);
}
const table = rows.map((r) => {
	const leaked = r.tensorsAtEpochs.at(-1) - r.tensorsAtEpochs[1];
	const compute = r.kind === 'compute';
	const reads = compute
		? r.readsPerStep.toFixed(1)
		: `${r.readsPerStep.toFixed(3)} (${median(r.reportsPerBlock)} reports/block)`;
	return `| ${r.name}${compute ? ' (compute)' : ''} | ${r.backend} (${r.adapter || '–'}) | ${median(r.lessonStepsPerSecond).toFixed(1)} | ${median(r.referenceStepsPerSecond).toFixed(1)} | **${median(r.ratios).toFixed(2)}** (${spread(r.ratios)}) | ${median(r.calibration).toFixed(2)} (${spread(r.calibration)}) | ${Number.isFinite(r.firstStepMs) ? Math.round(r.firstStepMs) : '–'} | ${r.firstLossMs === null || !Number.isFinite(r.firstLossMs) ? '> 40 000' : Math.round(r.firstLossMs)} | ${r.kernelsPerStep.lesson} / ${r.kernelsPerStep.reference} | ${reads} | ${leaked / Math.max(1, r.tensorsAtEpochs.length - 2)} | ${r.longTasks.length} | ${mebibytes(r.peakGpuBytes ?? null)} |`;
});
/** @param {any} d */
const detectionTable = (d) => {
	const ms = (/** @type {number[]} */ values) => Math.round(median(values));
	/** @param {string} name @param {any} p */
	const row = (name, p) =>
		p.error
			? `| ${name} | could not run: ${p.error} | – | – | – |`
			: `| ${name} | ${ms(p.latencies)} (${Math.round(Math.min(...p.latencies))}–${Math.round(Math.max(...p.latencies))}) | ${(p.readsPerFrame - d.graphReads.reads).toFixed(1)} | ${(p.syncReadsPerFrame - d.graphReads.syncReads).toFixed(1)} | ${p.found.join(', ') || 'nothing'} |`;
	const ratio = d.ratios.length
		? `**Ours ÷ detect(): ${median(d.ratios).toFixed(2)}** (${spread(d.ratios)}); below 1 is faster.`
		: '**detect() could not run on this backend**, so ours was timed alone.';
	return `### ${d.backend}

COCO-SSD on \`chelsea.png\` (451×300), in a worker, ${d.backend} (${d.adapter || '–'}), measured ${d.measured}. Our pipeline (\`executeAsync\`, two \`await data()\`, \`nonMaxSuppressionAsync\`) against \`@tensorflow-models/coco-ssd\`'s \`detect()\` on the same pixels, model files and backend, in alternating blocks of ${d.options.frames} frames (${d.options.rounds} pairs). ${ratio} Model load: ours ${Math.round(d.loadMs.ours)} ms (first, so it compiles the shaders), the package's ${Number.isFinite(d.loadMs.package) ? Math.round(d.loadMs.package) : '–'} ms (second, reusing them). Tensors before/after our ${d.options.frames * d.options.rounds} timed frames: ${d.tensors.before}/${d.tensors.after}. Peak GPU memory over our warm-up frames, our model alone loaded: ${mebibytes(d.peakGpuBytes ?? null)} MiB. Main-thread long tasks: ${d.longTasks.length}.

| pipeline | ms per frame, median (range) | its own read-backs per frame | of them synchronous | found (score ≥ 0.5) |
| --- | --- | --- | --- | --- |
${row('ours', d.ours)}
${row('detect()', d.package)}

Both run the same graph, whose executor makes ${d.graphReads.reads} read calls per frame of its own (${d.graphReads.syncReads} of them synchronous: shapes and loop conditions, mostly small CPU-side values): they are left out above, so the read-back columns show what each pipeline adds. Ours adds two asynchronous GPU reads plus NMS reading the CPU copies it is given; detect() adds \`dataSync()\` calls that block until the GPU is done.
`;
};

/** Epochs per second: whole numbers above 100, two significant digits below 1. @param {number} v */
const epochRate = (v) =>
	v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toPrecision(2);
/** @param {{ epochs: number, ms: number }[]} blocks */
const rates = (blocks) => blocks.map((b) => (b.epochs * 1000) / b.ms);
/** Median (min–max). @param {number[]} values @param {(v: number) => string} format */
const withRange = (values, format) =>
	`${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
/** @param {number | null} v (NaN comes back from JSON as null) */
const accuracy = (v) => (v === null || !Number.isFinite(v) ? '–' : v.toFixed(3));
/** @param {any} r */
const playgroundRow = (r) => {
	const ours = rates(r.ours);
	const session = rates(r.session);
	const style = rates(r.style);
	const styleWithLoss = rates(r.styleWithLoss);
	const tfjs = rates(r.tfjs);
	/** @param {number[]} a @param {number[]} b */
	const ratio = (a, b) =>
		withRange(
			a.map((v, i) => v / b[i]),
			(v) => epochRate(v)
		);
	const engine = r.engine === 'webgpu-fused' ? 'fused WebGPU program' : 'CPU typed arrays';
	const d = r.dispatchesPerEpoch;
	const dispatches = d
		? `${d.ours.toFixed(3)} / ${d.sessionTraining.toFixed(3)} + ${d.sessionEvaluation.toFixed(3)} / ${Math.round(d.tfjs)}`
		: '– (no GPU)';
	const t = r.tensorsAtEpochs;
	const leaked = (t.at(-1) - t[1]) / Math.max(1, t.length - 2);
	const tfjsLeaked = (r.tfjsTensors.after - r.tfjsTensors.before) / r.tfjsTensors.epochs;
	return `| ${r.description} | ${r.backend} (${r.adapter || '–'}) | ${engine} | ${withRange(ours, epochRate)} | ${withRange(session, epochRate)} (${median(r.reportsPerSession)} reports/block) | ${withRange(style, epochRate)} | ${withRange(styleWithLoss, epochRate)} | ${withRange(tfjs, epochRate)} | **${ratio(ours, style)}** | **${ratio(session, styleWithLoss)}** | **${ratio(ours, tfjs)}** | ${dispatches} | ${leaked} / ${Number(tfjsLeaked.toFixed(2))} | ${Math.round(r.warmUpMs.ours)} / ${Math.round(r.warmUpMs.tfjs)} | ${accuracy(r.testAccuracy.ours)} / ${accuracy(r.testAccuracy.style)} | ${mebibytes(r.gpuBytes ?? null)} |`;
};
/** @param {any[]} runs */
const playgroundSection = (runs) => {
	const options = runs[0].options;
	return `## Neural-networks playground: epochs per second

The playground's engine (\`PlaygroundNetwork\`, one step = one epoch) in a worker, against two references
on the same data, network shape and backend, in the same worker, in ${options.rounds} rounds of alternating blocks:
a plain-JavaScript engine written in TensorFlow Playground's style (\`src/lib/bench/playground-style.ts\`:
neuron and link objects, every point forward and back on its own, accumulated derivatives applied every
batch; one tanh output with ±1 targets and square error where ours has two softmax outputs and
cross-entropy; points in a fixed order where ours shuffles every epoch), and the bare tfjs loop
(\`LayersTrainer\`: \`optimizer.minimize\` per batch on the same kind of batches). Every network trains on
250 points (250 more are the test set), learning rate 0.03, no noise, seed 1 (hidden biases start at 0.1, as in
TensorFlow Playground, so that no ReLU unit starts dead).

- **ours**: \`trainStep()\` × N, then \`await sync()\` (blocks of about ${options.blockMs} ms). On WebGPU that is
  the fused program, one dispatch for up to 64 queued epochs; **on webgl and cpu our engine is the CPU
  typed-array engine** (it does not use tfjs's backend at all), so those rows time the same code twice.
- **lesson loop**: the lesson's own loop, a \`TrainingSession\` at full speed for ${options.sessionMs} ms
  of wall time, with its reports (\`evaluate()\`: losses, accuracy and every heatmap, drawn as a chart on the
  bench page).
- **playground-style**: epochs without and with the train and test loss after every epoch (TensorFlow
  Playground computes both after every epoch, for its chart).
- **tfjs**: time-boxed (it is 3 to 4 orders of magnitude slower here), a block is at most ${options.tfjsBlockMs / 1000} s or ${options.tfjsMaxEpochs} epochs,
  synced by a small read about every 300 ms; epochs/s = epochs done (fractions count) ÷ time.

Medians of the rounds, (min–max); ratios are taken round by round. Dispatches: WebGPU compute dispatches
per epoch of the \`trainStep\` × N blocks / of the lesson loop (training + evaluation) / of tfjs.
Tensors leaked per epoch: ours epoch by epoch with a report after each, after warm-up; tfjs over all its
blocks. Warm-up: ours is a burst and a report on a throwaway copy (what the lesson's worker does before
Train), tfjs its first two steps; both compile shaders on the GPU backends. Test accuracy at the end of the
run, a check that both engines learn. GPU MiB: what the backend holds after our warm-up and first lesson-loop
block, before the tfjs reference exists (its buffer pool included).

| network | backend | our engine | ours epochs/s | lesson loop epochs/s | playground-style epochs/s | playground-style, loss every epoch | tfjs epochs/s | ours ÷ playground-style | lesson loop ÷ playground-style with loss | ours ÷ tfjs | GPU dispatches per epoch: ours / lesson loop / tfjs | tensors leaked per epoch: ours / tfjs | warm-up ms: ours / tfjs | test accuracy: ours / playground-style | GPU MiB held by ours |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${runs.flatMap((run) => run.rows.map(playgroundRow)).join('\n')}

Measured ${[...new Set(runs.map((run) => run.measured))].join(', ')}; settings ${JSON.stringify(options)}. Main-thread long tasks: ${runs.map((run) => `${run.backend} ${run.longTasks.length}`).join(', ')}.

What the lesson runs: with the engine left to "Fastest (measured)", the lesson races the fused program
against the CPU engine on the reader's network when it starts on WebGPU and keeps the faster, and says so
with both rates. The fused program is one workgroup of 64 invocations (a sample each, then a share of the
parameters each, with barriers between); on SwiftShader, a GPU emulated on this machine's CPU, it loses to
plain loops (most of all at batch 1, where each SGD step is two barriers for one sample), so here the race
picks the CPU engine, which is the webgl/cpu rows' engine. How the fused program does on a real GPU is not
measured: no GPU machine was available to this project's runs so far.
`;
};

mkdirSync('docs', { recursive: true });
writeFileSync(
	'docs/benchmarks.json',
	JSON.stringify({ date, rows, detection, playground }, null, '\t') + '\n'
);
writeFileSync(
	'docs/benchmarks.md',
	`# Benchmarks

Measured with \`npm run bench\` (last run ${date}, ${only ? `cases ${only.join(', ')}` : 'every case'} in ${((Date.now() - started) / 60000).toFixed(1)} minutes; each row's date is in the JSON) in headless Chromium (\`--enable-unsafe-webgpu\`). Each lesson's own
loop (its TrainingSession at full speed, with its reports, read-backs and charts on the page) is timed
against a bare tfjs loop training the same model on the same batches and backend, in the same page, in
alternating blocks; the calibration column is the reference timed against itself, the noise floor.

| model | backend | lesson steps/s | bare steps/s | lesson ÷ bare (spread) | bare ÷ bare | Train → first step done (ms) | first loss (ms) | kernels per step, lesson / bare | GPU reads per step | tensors leaked per epoch | main-thread long tasks | peak GPU MiB |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${table.join('\n')}

The convolution lab computes and does not train: a step there is one request answered as the lab's
worker answers it (a Sobel convolution of the photo and a max pool, both read back), against the same two
ops written as bare tfjs; "first loss" is its first answer, cold (shaders compiled on the way), reads are
per request and tensors are counted after each block of requests. Peak GPU memory is tfjs's count of the
bytes the backend holds, its buffer pool included, sampled at every report and block end.

Blocks: ${fullBlocks ? "long (`BENCH_FULL=1`: each block holds at least one of the lesson's reports)" : "short (the default, so that the whole bench runs in under 10 minutes here: a block may hold none of the lesson's reports; `BENCH_FULL=1` runs long ones)"}. Block sizes and settings: ${rows.map((r) => `${r.name} ${JSON.stringify(r.options)}`).join('; ')}.
Raw numbers: [benchmarks.json](benchmarks.json).

${playground ? playgroundSection(playground) : ''}
${detection ? `## Object detection: frame latency\n\n${detection.map(detectionTable).join('\n')}` : ''}`
);
// Written as the repository's formatter writes them, so that `npm run lint` stays clean.
execFileSync('npx', ['prettier', '--write', 'docs/benchmarks.md', 'docs/benchmarks.json'], {
	stdio: 'ignore'
});
console.log('bench: wrote docs/benchmarks.md');
