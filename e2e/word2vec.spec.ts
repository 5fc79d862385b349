import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, openOnWebGpu, statusOf, test } from './fixtures';

// A small model and one epoch: Moby-Dick's 137 thousand subsampled words train in seconds.
const lesson = '/lessons/word2vec/?dimensions=50&epochs=1&window=5&negatives=5&speed=5';

async function trainToTheEnd(page: Page): Promise<void> {
	await page.getByTestId('train').click();
	await expect(page.getByTestId('status')).toHaveAttribute('data-finished', 'true', {
		timeout: 90_000
	});
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'false');
}

/** The words and scores of a result list, checked best first with real scores. */
async function scoredWords(list: Locator, atLeast: number): Promise<string[]> {
	await expect.poll(() => list.locator('li').count()).toBeGreaterThanOrEqual(atLeast);
	const items = await list
		.locator('li')
		.evaluateAll((lis) =>
			lis.map((li) => ({ word: li.dataset.word!, score: Number(li.dataset.score) }))
		);
	const scores = items.map((item) => item.score);
	expect(scores.every((s) => Number.isFinite(s) && s > -1 && s <= 1)).toBe(true);
	expect(scores).toEqual([...scores].sort((a, b) => b - a));
	// Zeros or one constant cannot fake this: trained vectors give distinct cosines.
	expect(new Set(scores).size).toBeGreaterThan(1);
	return items.map((item) => item.word);
}

test('trains on Moby-Dick on WebGPU: the loss falls, the projection moves, neighbours and analogies have scores; bad input keeps state', async ({
	page
}) => {
	test.setTimeout(150_000);
	await openOnWebGpu(page, lesson);
	const summary = page.getByTestId('corpus-summary');
	await expect(summary).toHaveAttribute('data-tokens', '212251');
	await expect(summary).toHaveAttribute('data-vocabulary', '4155');
	// Step: one example with its numbers; every score is 0 before training, so σ = 0.5.
	await page.getByTestId('step').click();
	const pair = page.getByTestId('pair-explainer');
	await expect(pair.locator('tbody tr')).toHaveCount(6);
	await expect(pair.locator('tbody tr[data-label="1"]')).toHaveAttribute('data-sigmoid', '0.5');
	// Each counted term is log 2 (a noise word equal to the target is skipped, as in word2vec.c).
	const terms = await pair.locator('tbody tr[data-skipped="false"]').count();
	expect(Number(await page.getByTestId('pair-loss').getAttribute('data-loss'))).toBeCloseTo(
		terms * Math.log(2),
		5
	);
	const before = await statusOf(page);
	// Output vectors start at zero: each example costs (1 + 5) log 2 ≈ 4.16.
	expect(before.loss).toBeCloseTo(6 * Math.log(2), 1);
	const projection = page.getByTestId('projection');
	await expect(projection).toHaveAttribute('data-points', '300');
	const dotsBefore = await projection.locator('circle').first().getAttribute('cx');

	await trainToTheEnd(page);
	const after = await statusOf(page);
	expect(after.loss).toBeLessThan(before.loss! - 0.6);
	expect(
		Number(await page.getByTestId('status').getAttribute('data-words-per-second'))
	).toBeGreaterThan(1000);
	await expect(page.getByTestId('finished')).toBeVisible();
	expect(await projection.locator('circle').first().getAttribute('cx')).not.toBe(dotsBefore);
	await page.getByTestId('zoom-in').click();
	await expect(projection).toHaveAttribute('data-zoom', '1.5');

	await page.getByTestId('neighbours-input').fill('Whale');
	await page.getByTestId('neighbours-input').press('Enter');
	const neighbours = await scoredWords(page.getByTestId('neighbours'), 10);
	expect(neighbours).not.toContain('whale');

	await page.getByTestId('neighbours-input').fill('whaale');
	await page.getByTestId('neighbours-find').click();
	await expect(page.getByTestId('neighbours-unknown')).toContainText('whale');
	await expect(page.getByTestId('neighbours').locator('li')).toHaveCount(0);

	await page.getByTestId('analogy-a').fill('ahab');
	await page.getByTestId('analogy-b').fill('captain');
	await page.getByTestId('analogy-c').fill('ship');
	await page.getByTestId('analogy-find').click();
	const answers = await scoredWords(page.getByTestId('analogy'), 5);
	expect(answers).not.toContain('ship');

	await page.getByTestId('similarity-find').click();
	const similarity = Number(await page.getByTestId('similarity').getAttribute('data-score'));
	expect(similarity).toBeGreaterThan(0);
	expect(similarity).toBeLessThan(1);

	const downloads = new Map<string, Download>();
	page.on('download', (download) => downloads.set(download.suggestedFilename(), download));
	await page.getByTestId('export-projector').click();
	await expect
		.poll(() => [...downloads.keys()].sort())
		.toEqual(['word2vec-metadata.tsv', 'word2vec-vectors.tsv']);
	const file = async (name: string) =>
		(await readFile((await downloads.get(name)!.path())!, 'utf8')).trimEnd().split('\n');
	const rows = await file('word2vec-vectors.tsv');
	expect(rows).toHaveLength(4155);
	expect(rows[0].split('\t')).toHaveLength(50);
	expect((await file('word2vec-metadata.tsv')).slice(0, 3)).toEqual(['the', 'of', 'and']);
	await expect(page.getByTestId('export-message')).toContainText('4,155');

	// An empty text and one with too few distinct words: messages, and Moby-Dick stays.
	const text = await summary.textContent();
	await page.getByTestId('corpus-text').fill('');
	await page.getByTestId('corpus-use').click();
	await expect(page.getByTestId('corpus-message')).toContainText('empty');
	await page.getByTestId('corpus-text').fill('one two three '.repeat(40));
	await page.getByTestId('corpus-use').click();
	await expect(page.getByTestId('vocabulary-message')).toContainText('only 3 words');
	expect(await summary.textContent()).toBe(text);
	await expect(page.getByTestId('corpus-select')).toHaveValue('moby-dick');
});

test('the Chinese page trains on the Analects, character by character', async ({ page }) => {
	test.setTimeout(120_000);
	await openOnWebGpu(page, '/zh/lessons/word2vec/?dimensions=50&epochs=10&speed=5');
	await expect(page.getByTestId('corpus-select')).toHaveValue('analects');
	await expect(page.getByTestId('corpus-summary')).toHaveAttribute('data-vocabulary', '456');
	const before = await statusOf(page);
	await trainToTheEnd(page);
	expect((await statusOf(page)).loss).toBeLessThan(before.loss! - 0.6);
	await page.getByTestId('neighbours-find').click();
	const neighbours = await scoredWords(page.getByTestId('neighbours'), 10);
	expect(neighbours.every((word) => Array.from(word).length === 1)).toBe(true);
});
