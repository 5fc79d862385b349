import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/browser.js';
const browser = await chromium.launch(chromiumLaunchOptions());
const t0 = Date.now();
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
page.on('console', (m) =>
	console.log('console', ((Date.now() - t0) / 1000).toFixed(1), m.text().slice(0, 150))
);
page.on('pageerror', (e) => console.log('pageerror', e.message));

await page.goto(
	'http://localhost:4173/lessons/' + (process.env.LESSON ?? 'cnn') + '/' + (process.argv[2] ?? '')
);
await page.waitForSelector('[data-testid=backend][data-backend]', { timeout: 60000 });
console.log(
	'backend',
	await page.getAttribute('[data-testid=backend]', 'data-backend'),
	(Date.now() - t0) / 1000
);
await page.waitForSelector('[data-testid=train]:not([disabled])', { timeout: 180000 });
console.log('ready', (Date.now() - t0) / 1000);
const s = page.getByTestId('status');
const show = async (label) =>
	console.log(
		label,
		(Date.now() - t0) / 1000,
		'step',
		await s.getAttribute('data-step'),
		'loss',
		await s.getAttribute('data-loss'),
		'testacc',
		await s.getAttribute('data-test-accuracy'),
		'tensors',
		await s.getAttribute('data-tensors')
	);
await show('initial');
await page.getByTestId('train').click();
for (let i = 0; i < 3; i++) {
	await page.waitForTimeout(10000);
	await show('t');
}
await page.getByTestId('train').click();
await page.waitForTimeout(3000);
await page.getByTestId('live-model').scrollIntoViewIfNeeded();
await page.screenshot({
	path: '/tmp/shots/' + (process.env.LESSON ?? 'cnn') + '.png',
	fullPage: false
});
await page.screenshot({
	path: '/tmp/shots/' + (process.env.LESSON ?? 'cnn') + '-full.png',
	fullPage: true
});
await browser.close();
