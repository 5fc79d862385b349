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
const server = spawn(
	'npx',
	['vite', 'preview', '--host', 'localhost', '--port', String(port), '--strictPort'],
	{
		stdio: 'ignore'
	}
);
const backend = process.env.BENCH_BACKEND ?? null;
// BENCH_CASES=cnn,char-lstm measures only those (the table then has only their rows).
const only = process.env.BENCH_CASES?.split(',');
const rows = [];
/** @type {any} */
let detection = null;
try {
	await waitForServer(server);
	const browser = await chromium.launch(chromiumLaunchOptions());
	for (const { name, options } of cases.filter((c) => !only || only.includes(c.name))) {
		const page = await browser.newPage();
		await page.goto(`${base}/bench/`);
		await page.getByTestId('bench-status').filter({ hasText: 'ready' }).waitFor();
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
			const page = await browser.newPage();
			await page.goto(`${base}/bench/`);
			await page.getByTestId('bench-status').filter({ hasText: 'ready' }).waitFor();
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
	await browser.close();
} finally {
	server.kill();
}

const date = new Date().toISOString().slice(0, 10);
// Rows of cases not measured this time are kept from the last full run.
if (only && existsSync('docs/benchmarks.json')) {
	const last = JSON.parse(readFileSync('docs/benchmarks.json', 'utf8'));
	detection ??= last.detection ?? null;
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

mkdirSync('docs', { recursive: true });
writeFileSync('docs/benchmarks.json', JSON.stringify({ date, rows, detection }, null, '\t') + '\n');
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

${detection ? `## Object detection: frame latency\n\n${detection.map(detectionTable).join('\n')}` : ''}`
);
// Written as the repository's formatter writes them, so that `npm run lint` stays clean.
execFileSync('npx', ['prettier', '--write', 'docs/benchmarks.md', 'docs/benchmarks.json'], {
	stdio: 'ignore'
});
console.log('bench: wrote docs/benchmarks.md');
