import { stopSlugs } from '../src/lib/content/trail';
import { expect, test, waitUntilReady } from './fixtures';

test('the trail lists every stop in order; built lessons link, the rest are upcoming', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('The deep-learning trail');
	const stops = page.locator('[data-stop]');
	await expect(stops).toHaveCount(stopSlugs.length);
	expect(await stops.evaluateAll((items) => items.map((i) => i.getAttribute('data-stop')))).toEqual(
		[...stopSlugs]
	);

	const perceptron = page.locator('[data-stop="perceptron"]');
	await expect(perceptron).toHaveAttribute('data-status', 'open');
	await expect(perceptron.getByRole('link')).toHaveAttribute('href', /lessons\/perceptron\/$/);

	const upcoming = page.locator('[data-status="upcoming"]');
	expect(await upcoming.count()).toBeGreaterThan(0);
	await expect(upcoming.getByRole('link')).toHaveCount(0);
	await expect(upcoming.first()).toContainText('Coming soon');

	await perceptron.getByRole('link').click();
	await expect(page).toHaveURL(/\/lessons\/perceptron\/(\?.*)?$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Neurons and the perceptron');
});

test('the Chinese trail and lesson render in Chinese, with math typeset', async ({ page }) => {
	await page.goto('/zh/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('深度学习之路');
	await expect(page.locator('[data-stop="bert"]')).toContainText('即将推出');

	await page.locator('[data-stop="perceptron"]').getByRole('link').click();
	await expect(page).toHaveURL(/\/zh\/lessons\/perceptron\/(\?.*)?$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('神经元与感知机');
	await expect(page.getByRole('heading', { name: '反向传播' })).toBeVisible();
	await expect(page.getByTestId('train')).toContainText('训练');
	// KaTeX renders at build time: formulas arrive as markup, not as $...$ source.
	expect(await page.locator('.katex').count()).toBeGreaterThan(5);
	await expect(page.locator('.prose')).not.toContainText('$$');
});

test('the language switch keeps the page and its settings; the theme toggle sticks', async ({
	page
}) => {
	await page.goto('/lessons/perceptron/?data=xor&act=step&lr=0.1&batch=4&seed=3&speed=2');
	await waitUntilReady(page);
	await page.getByRole('link', { name: '简体中文' }).click();
	await expect(page).toHaveURL(/\/zh\/lessons\/perceptron\/\?.*data=xor/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect(page.getByTestId('preset-xor')).toHaveAttribute('aria-pressed', 'true');

	const theme = page.getByRole('button', { name: '深色主题' });
	const before = await page.locator('html').getAttribute('data-theme');
	await theme.click();
	const after = before === 'dark' ? 'light' : 'dark';
	await expect(page.locator('html')).toHaveAttribute('data-theme', after);
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', after);
});
