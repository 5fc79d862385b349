import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/browser.js';
const browser = await chromium.launch(chromiumLaunchOptions());
async function shot(name, path, theme, action) {
	const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, colorScheme: theme });
	const page = await context.newPage();
	await page.goto('http://localhost:4173' + path);
	await page.waitForSelector('[data-testid=backend][data-backend]', { timeout: 120000 });
	if (action) await action(page);
	await page.getByTestId('live-model').scrollIntoViewIfNeeded();
	await page.screenshot({ path: `/tmp/shots/${name}.png` });
	await context.close();
}
await shot('conv-zh-dark', '/zh/lessons/convolution/?src=photo&kernel=laplacian&stride=1&pool=max', 'dark', (p) => p.waitForSelector('[data-testid=status][data-output-size]'));
await shot('cnn-zh-dark', '/zh/lessons/cnn/?batch=8&eval=100', 'dark', async (p) => { await p.waitForSelector('[data-testid=train]:not([disabled])', { timeout: 120000 }); await p.getByTestId('train').click(); await p.waitForFunction(() => Number(document.querySelector('[data-testid=status]')?.getAttribute('data-step')) > 20, null, { timeout: 120000 }); });
await browser.close();
