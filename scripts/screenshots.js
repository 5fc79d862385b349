// Takes the screenshots we look at before calling UI work done, and the README's picture:
// node scripts/screenshots.js [outDir], with `npm run preview` running (BASE_URL for another
// port). Every lab in English/light and Chinese/dark, the home page, one presenter view and one
// narrow page. ONLY=prefix takes just the shots whose names start with it.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser.js';

const outDir = process.argv[2] ?? 'tmp/screenshots';
const base = process.env.BASE_URL ?? 'http://localhost:4173';

/**
 * Each lab with a query that shows it at work; `minStep` > 0 trains until that step first,
 * `detect` waits for the first detection instead (a model that runs rather than trains), `ready`
 * for a selector (a lab that computes without a Train button).
 * @type {{ slug: string, query: string, minStep?: number, detect?: boolean, generate?: boolean, ready?: string }[]}
 */
const labs = [
	{ slug: 'perceptron', query: 'data=separable&act=sigmoid&lr=0.5&batch=1&seed=1', minStep: 40 },
	{
		slug: 'neural-networks',
		query: 'data=spiral&features=x1,x2,sinX1,sinX2&hidden=8,8,4&noise=10',
		minStep: 300
	},
	{ slug: 'optimizers', query: 'speed=5', minStep: 150 },
	{ slug: 'initialization', query: 'depth=8&width=32&batch=32&speed=5', minStep: 20 },
	{ slug: 'convolution', query: '', ready: '[data-testid=feature-map][data-checksum]' },
	{ slug: 'cnn', query: 'speed=5' },
	{ slug: 'augmentation', query: 'speed=5' },
	{ slug: 'object-detection', query: 'score=0.3&iou=0.5&max=20&photo=astronaut', detect: true },
	{ slug: 'lstm-text', query: 'units=32&seq=20&batch=16&speed=5', minStep: 15, generate: true },
	{ slug: 'rnn-variants', query: 'length=10&units=16&batch=16&speed=5', minStep: 8 }
];

const browser = await chromium.launch(chromiumLaunchOptions());

/**
 * @param {string} name
 * @param {string} path
 * @param {{ theme?: 'light' | 'dark', width?: number, minStep?: number, detect?: boolean, generate?: boolean, present?: boolean, page?: boolean, ready?: string }} [options]
 */
async function shoot(name, path, options = {}) {
	if (process.env.ONLY && !name.startsWith(process.env.ONLY)) return;
	try {
		await take(name, path, options);
	} catch (error) {
		// One slow lab (SwiftShader on a busy machine) should not cost the other shots.
		failed.push(name);
		console.error(`${name}: ${/** @type {Error} */ (error).message.split('\n')[0]}`);
	}
}

/** @type {string[]} */
const failed = [];

/** @param {string} name @param {string} path @param {Parameters<typeof shoot>[2]} options */
async function take(name, path, options = {}) {
	const context = await browser.newContext({
		viewport: { width: options.width ?? 1440, height: 1000 },
		colorScheme: options.theme ?? 'light',
		deviceScaleFactor: 1
	});
	try {
		const page = await context.newPage();
		await page.goto(base + path);
		const status = (/** @type {string} */ name) =>
			Number(document.querySelector('[data-testid=status]')?.getAttribute(`data-${name}`));
		if (options.ready) {
			await page.waitForSelector(options.ready, { timeout: 170_000 });
		} else if (options.detect) {
			await page.waitForFunction(status, 'step', { timeout: 170_000 });
		} else if (path.includes('/lessons/')) {
			await page.waitForSelector('[data-testid=train]:not([disabled])', { timeout: 170_000 });
			if (options.minStep) {
				await page.getByTestId('train').click();
				await page.waitForFunction(
					(minStep) =>
						Number(document.querySelector('[data-testid=status]')?.getAttribute('data-step')) >=
						minStep,
					options.minStep,
					{ timeout: 170_000 }
				);
				if (options.generate) {
					await page.getByTestId('generate').click();
					await page.waitForTimeout(3000);
				}
			}
		}
		if (options.present) await page.keyboard.press('f');
		await page.waitForTimeout(1500);
		const lab = page.getByTestId('live-model');
		if (options.page || options.present || !(await lab.count()))
			await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: !options.present });
		else await lab.screenshot({ path: `${outDir}/${name}.png` });
	} finally {
		await context.close();
	}
}

await shoot('home-en-light', '/', { page: true });
await shoot('home-zh-dark', '/zh/', { theme: 'dark', page: true });
for (const lab of labs) {
	const path = `/lessons/${lab.slug}/?${lab.query}`;
	await shoot(`${lab.slug}-en-light`, path, lab);
	await shoot(`${lab.slug}-zh-dark`, `/zh${path}`, { ...lab, theme: 'dark' });
}
const perceptron = `/lessons/perceptron/?${labs[0].query}`;
await shoot('perceptron-zh-dark-present', `/zh${perceptron}`, {
	theme: 'dark',
	minStep: 20,
	present: true
});
await shoot('perceptron-zh-narrow', `/zh${perceptron}`, { width: 420, page: true });
await browser.close();
if (failed.length) {
	console.error(`not taken: ${failed.join(' ')} (ONLY=<name> takes one again)`);
	process.exitCode = 1;
}
