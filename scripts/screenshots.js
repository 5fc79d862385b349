// Takes the screenshots we look at before calling UI work done, and the README's picture:
// node scripts/screenshots.js [outDir], with `npm run preview` running. ONLY=prefix takes just
// the shots whose names start with it.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser.js';

const outDir = process.argv[2] ?? 'tmp/screenshots';
const base = process.env.BASE_URL ?? 'http://localhost:4173';
const lesson = '/lessons/perceptron/?data=separable&act=sigmoid&lr=0.5&batch=1&seed=1&speed=4';

const browser = await chromium.launch(chromiumLaunchOptions());

/**
 * @param {string} name
 * @param {string} path
 * @param {{ theme?: 'light' | 'dark', width?: number, train?: boolean, minStep?: number, present?: boolean, full?: boolean, generate?: boolean, detect?: boolean }} [options]
 */
async function shoot(name, path, options = {}) {
	if (process.env.ONLY && !name.startsWith(process.env.ONLY)) return;
	const context = await browser.newContext({
		viewport: { width: options.width ?? 1440, height: 1000 },
		colorScheme: options.theme ?? 'light',
		deviceScaleFactor: 1
	});
	const page = await context.newPage();
	await page.goto(base + path);
	if (options.detect) {
		// A model that runs rather than trains: wait for its first detection.
		await page.waitForFunction(
			() => Number(document.querySelector('[data-testid=status]')?.getAttribute('data-step')) > 0,
			null,
			{ timeout: 170_000 }
		);
		if (options.present) await page.keyboard.press('f');
		await page.waitForTimeout(1000);
		if (!options.full) await page.getByTestId('live-model').scrollIntoViewIfNeeded();
	} else if (path.includes('/lessons/')) {
		await page.getByTestId('train').waitFor({ state: 'visible' });
		await page.waitForSelector('[data-testid=train]:not([disabled])', { timeout: 120_000 });
		if (options.train) {
			await page.getByTestId('train').click();
			await page.waitForFunction(
				(minStep) =>
					Number(document.querySelector('[data-testid=status]')?.getAttribute('data-step')) >
					minStep,
				options.minStep ?? 40,
				{ timeout: 120_000 }
			);
			if (options.generate) {
				await page.getByTestId('generate').click();
				await page.waitForTimeout(3000);
			}
			if (options.present) await page.keyboard.press('f');
			await page.waitForTimeout(1500);
		}
		if (!options.full) await page.getByTestId('live-model').scrollIntoViewIfNeeded();
	}
	await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: options.full ?? false });
	await context.close();
}

await shoot('home-en-light', '/', { full: true });
await shoot('home-zh-dark', '/zh/', { theme: 'dark', full: true });
await shoot('lesson-en-light-training', lesson, { train: true });
await shoot('lesson-zh-dark-training', '/zh' + lesson, { train: true, theme: 'dark' });
await shoot('lesson-en-present', lesson, { train: true, present: true });
await shoot('lesson-zh-narrow', '/zh' + lesson, { width: 420, full: true });

const lstm = '/lessons/lstm-text/?units=32&seq=20&batch=16&speed=5';
await shoot('lstm-en-light', lstm, { train: true, minStep: 25, generate: true, full: true });
await shoot('lstm-zh-dark', '/zh' + lstm.replace('?', '?corpus=analects&'), {
	train: true,
	minStep: 15,
	generate: true,
	theme: 'dark',
	full: true
});
const rnn = '/lessons/rnn-variants/?length=10&units=16&batch=16&speed=5';
await shoot('rnn-en-light', rnn, { train: true, minStep: 10, full: true });
await shoot('rnn-zh-dark-present', '/zh' + rnn, {
	train: true,
	minStep: 8,
	theme: 'dark',
	present: true
});
const playground =
	'/lessons/neural-networks/?data=spiral&features=x1,x2,sinX1,sinX2&hidden=8,8,4&noise=10';
await shoot('nn-en-light', playground, { train: true, minStep: 300 });
await shoot('nn-zh-dark-present', '/zh' + playground.replace('spiral', 'blobs&classes=4'), {
	train: true,
	minStep: 200,
	theme: 'dark',
	present: true
});
await shoot('nn-zh-narrow', '/zh' + playground, { width: 420, full: true });
const init = '/lessons/initialization/?depth=8&width=32&batch=32&speed=5';
await shoot('init-en-light', init, { train: true, minStep: 30, full: true });
await shoot('init-zh-dark-present', '/zh' + init.replace('?', '?init=normal&std=0.1&'), {
	train: true,
	minStep: 20,
	theme: 'dark',
	present: true
});
const optimizers = '/lessons/optimizers/?speed=5';
await shoot('opt-en-light', optimizers, { train: true, minStep: 200 });
await shoot('opt-zh-dark-present', '/zh' + optimizers.replace('?', '?surface=saddle&'), {
	train: true,
	minStep: 150,
	theme: 'dark',
	present: true
});
const detection = '/lessons/object-detection/?score=0.3&iou=0.5&max=20&photo=astronaut';
await shoot('detect-en-light', detection, { detect: true, full: true });
await shoot('detect-zh-dark-present', '/zh' + detection.replace('astronaut', 'coffee'), {
	detect: true,
	theme: 'dark',
	present: true
});
await browser.close();
