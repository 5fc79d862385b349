// npm run bench: measures every live model in headless Chromium against a bare tfjs loop and
// writes docs/benchmarks.md and docs/benchmarks.json. Not part of CI: timings are noisy.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser.js';

const port = 4175;
const base = `http://localhost:${port}`;

/**
 * Block sizes that finish in a few minutes on SwiftShader (a CPU emulating the GPU) and are still
 * long enough to hold at least one of the lesson's reports: each block restarts the report clock,
 * and on SwiftShader the CNN's reports come a minute apart (150 steps take about 80 s).
 * @type {{ name: string, options: Record<string, unknown> }[]}
 */
const cases = [
	{ name: 'perceptron', options: { steps: 1000, rounds: 4, batchSize: 8 } },
	{ name: 'cnn', options: { steps: 150, rounds: 3, batchSize: 8, evalSize: 100 } },
	{ name: 'augmentation', options: { steps: 30, rounds: 3, batchSize: 8, evalSize: 100 } },
	{
		name: 'char-lstm',
		options: { steps: 20, rounds: 3, batchSize: 16, units: 64, sequenceLength: 40 }
	},
	{
		name: 'rnn-race',
		options: { steps: 6, rounds: 3, batchSize: 16, units: 16, sequenceLength: 20 }
	}
];

/** COCO-SSD: frames per block and block pairs, a few minutes on SwiftShader WebGPU (~10 s a frame). */
const detectionCase = { name: 'coco-ssd', options: { frames: 3, rounds: 3 } };

/**
 * The neural-networks playground on each backend: three networks, alternating blocks of about
 * half a second (tfjs: at most 2 s), about a minute per backend on SwiftShader.
 */
const playgroundCase = {
	name: 'playground',
	options: { rounds: 3, blockMs: 500, sessionMs: 1200, tfjsBlockMs: 2000, tfjsMaxEpochs: 200 }
};

/** @param {number[]} values */
const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** @param {number[]} values */
const spread = (values) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;

/** @param {import('node:child_process').ChildProcess} server */
async function waitForServer(server) {
	for (let i = 0; i < 100; i++) {
		if (server.exitCode !== null) throw new Error(`vite preview exited: is port ${port} in use?`);
		try {
			if ((await fetch(`${base}/bench/`)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error('the preview server did not start');
}

if (!existsSync('build/bench/index.html')) {
	console.error('bench: run `npm run build` first');
	process.exit(1);
}
/**
 * Vite's own process (not npx, whose child would outlive kill()), on a port nothing else serves:
 * a leftover server would answer with an older build's file list.
 */
async function startServer() {
	if (
		await fetch(`${base}/`).then(
			() => true,
			() => false
		)
	) {
		throw new Error(`port ${port} is already served by another process: stop it first`);
	}
	const args = ['preview', '--host', 'localhost', '--port', String(port), '--strictPort'];
	const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', ...args], {
		stdio: 'ignore'
	});
	await waitForServer(child);
	return child;
}
let server = await startServer();

/**
 * A fresh bench page, ready. The machine is shared: if something else stopped the preview server
 * between cases, it is started again (a case already running in a page does not need it).
 * @param {import('@playwright/test').Browser} browser
 */
async function openBenchPage(browser) {
	if (server.exitCode !== null || server.signalCode !== null) {
		console.warn('bench: the preview server was stopped from outside; starting it again');
		server = await startServer();
	}
	const page = await browser.newPage();
	await page.goto(`${base}/bench/`);
	await page.getByTestId('bench-status').filter({ hasText: 'ready' }).waitFor();
	return page;
}
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
		console.log(`bench: ${name} ratio ${median(result.ratios).toFixed(2)} on ${result.backend}`);
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
				{ ...detectionCase.options, backend: detectionBackend }
			);
			detection.push({
				...result,
				options: detectionCase.options,
				measured: new Date().toISOString().slice(0, 10)
			});
			const ratio = result.ratios.length
				? median(result.ratios).toFixed(2)
				: 'n/a (detect() failed)';
			console.log(`bench: coco-ssd ratio ${ratio} on ${result.backend}`);
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
	server.kill();
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
	return `| ${r.name} | ${r.backend} (${r.adapter || '–'}) | ${median(r.lessonStepsPerSecond).toFixed(1)} | ${median(r.referenceStepsPerSecond).toFixed(1)} | **${median(r.ratios).toFixed(2)}** (${spread(r.ratios)}) | ${median(r.calibration).toFixed(2)} (${spread(r.calibration)}) | ${Number.isFinite(r.firstStepMs) ? Math.round(r.firstStepMs) : '–'} | ${Math.round(r.firstLossMs)} | ${r.kernelsPerStep.lesson} / ${r.kernelsPerStep.reference} | ${r.readsPerStep.toFixed(3)} (${median(r.reportsPerBlock)} reports/block) | ${leaked / Math.max(1, r.tensorsAtEpochs.length - 2)} | ${r.longTasks.length} | ${r.peakGpuBytes === null ? '–' : (r.peakGpuBytes / 2 ** 20).toFixed(1)} |`;
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

COCO-SSD on \`chelsea.png\` (451×300), in a worker, ${d.backend} (${d.adapter || '–'}), measured ${d.measured}. Our pipeline (\`executeAsync\`, two \`await data()\`, \`nonMaxSuppressionAsync\`) against \`@tensorflow-models/coco-ssd\`'s \`detect()\` on the same pixels, model files and backend, in alternating blocks of ${d.options.frames} frames (${d.options.rounds} pairs). ${ratio} Model load: ours ${Math.round(d.loadMs.ours)} ms (first, so it compiles the shaders), the package's ${Number.isFinite(d.loadMs.package) ? Math.round(d.loadMs.package) : '–'} ms (second, reusing them). Tensors before/after our ${d.options.frames * d.options.rounds} timed frames: ${d.tensors.before}/${d.tensors.after}. Main-thread long tasks: ${d.longTasks.length}.

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
	return `| ${r.description} | ${r.backend} (${r.adapter || '–'}) | ${engine} | ${withRange(ours, epochRate)} | ${withRange(session, epochRate)} (${median(r.reportsPerSession)} reports/block) | ${withRange(style, epochRate)} | ${withRange(styleWithLoss, epochRate)} | ${withRange(tfjs, epochRate)} | **${ratio(ours, style)}** | **${ratio(session, styleWithLoss)}** | **${ratio(ours, tfjs)}** | ${dispatches} | ${leaked} / ${Number(tfjsLeaked.toFixed(2))} | ${Math.round(r.warmUpMs.ours)} / ${Math.round(r.warmUpMs.tfjs)} | ${accuracy(r.testAccuracy.ours)} / ${accuracy(r.testAccuracy.style)} |`;
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
run, a check that both engines learn.

| network | backend | our engine | ours epochs/s | lesson loop epochs/s | playground-style epochs/s | playground-style, loss every epoch | tfjs epochs/s | ours ÷ playground-style | lesson loop ÷ playground-style with loss | ours ÷ tfjs | GPU dispatches per epoch: ours / lesson loop / tfjs | tensors leaked per epoch: ours / tfjs | warm-up ms: ours / tfjs | test accuracy: ours / playground-style |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
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

Measured with \`npm run bench\` (last run ${date}; each row's date is in the JSON) in headless Chromium (\`--enable-unsafe-webgpu\`). Each lesson's own
loop (its TrainingSession at full speed, with its reports, read-backs and charts on the page) is timed
against a bare tfjs loop training the same model on the same batches and backend, in the same page, in
alternating blocks; the calibration column is the reference timed against itself, the noise floor.

| model | backend | lesson steps/s | bare steps/s | lesson ÷ bare (spread) | bare ÷ bare | Train → first step done (ms) | first loss (ms) | kernels per step, lesson / bare | GPU reads per step | tensors leaked per epoch | main-thread long tasks | GPU MiB |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${table.join('\n')}

Block sizes and settings: ${rows.map((r) => `${r.name} ${JSON.stringify(r.options)}`).join('; ')}.
Raw numbers: [benchmarks.json](benchmarks.json).

${playground ? playgroundSection(playground) : ''}
${detection ? `## Object detection: frame latency\n\n${detection.map(detectionTable).join('\n')}` : ''}`
);
// Written as the repository's formatter writes them, so that `npm run lint` stays clean.
execFileSync('npx', ['prettier', '--write', 'docs/benchmarks.md', 'docs/benchmarks.json'], {
	stdio: 'ignore'
});
console.log('bench: wrote docs/benchmarks.md');
