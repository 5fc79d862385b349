import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stopSlugs } from '../src/lib/content/trail';
import { checkLessonFolder, readLessonCatalog } from './lesson-catalog';

const locales = ['en', 'zh-CN'];
const trail = ['perceptron', 'neural-networks'];
const page = (title: string, summary = 'A summary.') =>
	`---\ntitle: ${title}\nsummary: ${summary}\n---\n\nText.\n`;

describe('lesson check', () => {
	it('accepts a complete lesson and reads its titles and summaries', () => {
		const texts: Record<string, string> = { en: page('Neurons'), 'zh-CN': page('神经元', '摘要') };
		const { entry, problems } = checkLessonFolder(
			'01-perceptron',
			(l) => texts[l] ?? null,
			locales,
			trail
		);
		expect(problems).toEqual([]);
		expect(entry).toEqual({
			number: 1,
			slug: 'perceptron',
			dir: '01-perceptron',
			title: { en: 'Neurons', 'zh-CN': '神经元' },
			summary: { en: 'A summary.', 'zh-CN': '摘要' }
		});
	});

	it('names the missing translation, the missing title and the misplaced folder', () => {
		const missingTranslation = checkLessonFolder(
			'01-perceptron',
			(l) => (l === 'en' ? page('N') : null),
			locales,
			trail
		);
		expect(missingTranslation.entry).toBeNull();
		expect(missingTranslation.problems).toEqual([
			'lessons/01-perceptron/zh-CN.md: missing (every lesson needs a text in each locale: en, zh-CN)'
		]);

		const noTitle = checkLessonFolder(
			'01-perceptron',
			() => '---\nsummary: s\n---\n',
			locales,
			trail
		);
		expect(noTitle.problems).toContain(
			'lessons/01-perceptron/en.md: frontmatter needs a non-empty "title"'
		);

		const wrongNumber = checkLessonFolder('05-neural-networks', () => page('T'), locales, trail);
		expect(wrongNumber.problems[0]).toMatch(
			/stop 2 on the trail, so the folder must start with 02/
		);
		expect(checkLessonFolder('03-unknown', () => page('T'), locales, trail).problems[0]).toMatch(
			/not a stop/
		);
		expect(checkLessonFolder('Perceptron', () => page('T'), locales, trail).problems[0]).toMatch(
			/NN-slug/
		);
		expect(
			checkLessonFolder('01-perceptron', () => 'no frontmatter', locales, trail).problems[0]
		).toMatch(/no frontmatter/);
	});

	it('fails the whole catalog, listing every problem, when one lesson is incomplete', () => {
		const root = mkdtempSync(join(tmpdir(), 'lessons-'));
		mkdirSync(join(root, '01-perceptron'));
		writeFileSync(join(root, '01-perceptron', 'en.md'), page('Neurons'));
		writeFileSync(join(root, '01-perceptron', 'zh-CN.md'), page('神经元'));
		expect(readLessonCatalog(root, locales, trail).map((l) => l.slug)).toEqual(['perceptron']);

		mkdirSync(join(root, '02-neural-networks'));
		writeFileSync(join(root, '02-neural-networks', 'en.md'), page(''));
		expect(() => readLessonCatalog(root, locales, trail)).toThrow(
			/02-neural-networks\/en\.md: frontmatter needs a non-empty "title"[\s\S]*02-neural-networks\/zh-CN\.md: missing/
		);
	});

	it('passes on the real lessons folder', () => {
		const lessons = readLessonCatalog('lessons', locales, stopSlugs);
		expect(lessons.map((l) => l.slug)).toContain('perceptron');
	});
});
