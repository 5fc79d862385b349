import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Every page of the site: the home page and each lesson, in both languages. */
const lessonSlugs = readdirSync('lessons', { withFileTypes: true })
	.filter((entry) => entry.isDirectory() && /^\d\d-/.test(entry.name))
	.map((entry) => entry.name.slice(3));
const pages = ['', ...lessonSlugs.map((slug) => `lessons/${slug}/`)].flatMap((path) => [
	`/${path}`,
	`/zh/${path}`
]);

/** WCAG 2.1 A and AA, the rules axe-core tags so; what fails the test is serious or critical. */
async function seriousViolations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${node.target.join(' ')}`));
}

for (const path of pages) {
	test(`axe, light and dark: ${path}`, async ({ page }) => {
		// The DOM is the same on every backend; the CPU backend has the lab ready soonest.
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto(`${path}${path.includes('/lessons/') ? '?backend=cpu' : ''}`);
		if (path.includes('/lessons/')) {
			await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'cpu');
			// Ready: a lab that trains has Train enabled; one that computes has answered once.
			await page.waitForFunction(
				() =>
					document.querySelector('[data-testid=train]:enabled') ||
					Number(document.querySelector('[data-testid=status]')?.getAttribute('data-step')) > 0,
				null,
				{ timeout: 120_000 }
			);
		}
		expect(await seriousViolations(page), 'light theme').toEqual([]);

		await page.locator('.theme-toggle').click();
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		expect(await seriousViolations(page), 'dark theme').toEqual([]);
	});
}

test('the keyboard reaches Train with a visible focus ring on every stop, and operates it', async ({
	page
}) => {
	await page.goto('/lessons/perceptron/?backend=cpu');
	await expect(page.getByTestId('train')).toBeEnabled();
	const unringed: string[] = [];
	for (let presses = 0; presses < 80; presses++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const element = document.activeElement as HTMLElement | null;
			if (!element || element === document.body) return null;
			const style = getComputedStyle(element);
			// A ring of its own, or one drawn around the label that holds a hidden radio.
			const around = element.closest('label') ?? element;
			const ringed = [style, getComputedStyle(around)].some(
				(s) => s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
			);
			return {
				name: `${element.tagName.toLowerCase()} ${element.textContent?.trim().slice(0, 30) ?? ''}`,
				testid: element.dataset.testid ?? null,
				ringed
			};
		});
		if (!focused) continue;
		if (!focused.ringed) unringed.push(focused.name);
		if (focused.testid === 'train') break;
	}
	expect(unringed, 'focused without a visible ring').toEqual([]);
	await expect(page.getByTestId('train')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'true');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'false');
});

test('reduced motion: no animation, and the sliding window waits for →', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/lessons/convolution/?backend=cpu');
	await expect(page.getByTestId('animate')).toBeDisabled();
	await expect(page.getByTestId('reduced-motion')).toBeVisible();
	const durations = await page.evaluate(() =>
		[...document.querySelectorAll('*')].flatMap((element) => {
			const style = getComputedStyle(element);
			return [style.animationDuration, style.transitionDuration].map(parseFloat);
		})
	);
	expect(Math.max(...durations), 'longest animation or transition, s').toBeLessThan(0.001);

	await page.emulateMedia({ reducedMotion: 'no-preference' });
	await expect(page.getByTestId('animate')).toBeEnabled();
});
