// What `npm run bench` and `npm run soak` share: the cases and their settings, the built site
// served on a port of their own, and the bench page opened in headless Chromium.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const port = 4175;
const base = `http://localhost:${port}`;

/**
 * BENCH_FULL=1: long blocks, each holding at least one of the lesson's reports (on SwiftShader the
 * CNN's come about a minute apart) and the recurrent lessons at their full sequence lengths, about
 * 40 minutes in all on SwiftShader. Otherwise short blocks and shorter sequences that fit the whole
 * bench in under 10 minutes here; a block may then hold no report, so the lesson loop's report cost
 * (kept under 5% of its time by the session) is only partly in its rate.
 */
export const fullBlocks = process.env.BENCH_FULL === '1';

/** @param {Record<string, unknown>} quick @param {Record<string, unknown>} full */
const pick = (quick, full) => (fullBlocks ? full : quick);

/** @type {{ name: string, options: Record<string, unknown> }[]} */
export const cases = [
	{
		name: 'perceptron',
		options: pick({ steps: 300, rounds: 3, batchSize: 8 }, { steps: 1000, rounds: 4, batchSize: 8 })
	},
	{
		name: 'optimizers',
		options: pick({ steps: 100, rounds: 3, batchSize: 1 }, { steps: 200, rounds: 3, batchSize: 1 })
	},
	{
		name: 'initialization',
		options: pick({ steps: 20, rounds: 3, batchSize: 32 }, { steps: 100, rounds: 3, batchSize: 32 })
	},
	{
		name: 'convolution',
		options: pick({ steps: 6, rounds: 3, batchSize: 1 }, { steps: 20, rounds: 3, batchSize: 1 })
	},
	{
		name: 'cnn',
		options: {
			batchSize: 8,
			evalSize: 100,
			...pick({ steps: 6, rounds: 3 }, { steps: 150, rounds: 3 })
		}
	},
	{
		name: 'augmentation',
		options: {
			batchSize: 8,
			evalSize: 100,
			...pick({ steps: 2, rounds: 3 }, { steps: 30, rounds: 3 })
		}
	},
	{
		name: 'char-lstm',
		options: {
			batchSize: 16,
			...pick(
				{ steps: 3, rounds: 3, units: 32, sequenceLength: 20 },
				{ steps: 20, rounds: 3, units: 64, sequenceLength: 40 }
			)
		}
	},
	{
		name: 'rnn-race',
		options: {
			batchSize: 16,
			units: 16,
			...pick(
				{ steps: 1, rounds: 3, sequenceLength: 10 },
				{ steps: 6, rounds: 3, sequenceLength: 20 }
			)
		}
	}
];

/** COCO-SSD: frames per block and block pairs (on SwiftShader WebGPU a frame takes about 10 s). */
export const detectionCase = {
	name: 'coco-ssd',
	options: pick({ frames: 1, rounds: 2 }, { frames: 3, rounds: 3 })
};

/** The neural-networks playground on each backend: three networks, alternating blocks. */
export const playgroundCase = {
	name: 'playground',
	options: pick(
		{ rounds: 2, blockMs: 250, sessionMs: 600, tfjsBlockMs: 800, tfjsMaxEpochs: 100 },
		{ rounds: 3, blockMs: 500, sessionMs: 1200, tfjsBlockMs: 2000, tfjsMaxEpochs: 200 }
	)
};

/** Bytes as MiB, '–' for none. @param {number | null} bytes @param {number} [digits] */
export const mebibytes = (bytes, digits = 1) =>
	bytes === null ? '–' : (bytes / 2 ** 20).toFixed(digits);

/** @param {number[]} values */
export const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

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

/**
 * Serves the build for as long as the caller needs it. `open` gives a fresh bench page, ready;
 * the machine is shared, so if something else stopped the server between cases, it is started
 * again (a case already running in a page does not need it).
 * @param {string} tool the command's name, for its messages
 */
export async function serveBench(tool) {
	if (!existsSync('build/bench/index.html')) {
		console.error(`${tool}: run \`npm run build\` first`);
		process.exit(1);
	}
	let server = await startServer();
	return {
		/** @param {import('@playwright/test').Browser} browser */
		async open(browser) {
			if (server.exitCode !== null || server.signalCode !== null) {
				console.warn(`${tool}: the preview server was stopped from outside; starting it again`);
				server = await startServer();
			}
			const page = await browser.newPage();
			await page.goto(`${base}/bench/`);
			// Slow when the machine is busy (a soak runs several lessons at once).
			await page
				.getByTestId('bench-status')
				.filter({ hasText: 'ready' })
				.waitFor({ timeout: 120_000 });
			return page;
		},
		stop: () => server.kill()
	};
}
