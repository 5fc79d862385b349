import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	boldPhrases,
	keysNamed,
	labelIndex,
	labelNames,
	literalNames,
	normalizeLabel,
	referencedKeys
} from './control-names';

const locales = ['en', 'zh-CN'] as const;
type Locale = (typeof locales)[number];
const messages = Object.fromEntries(
	locales.map((locale) => [
		locale,
		JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>
	])
) as Record<Locale, Record<string, string>>;
const lessons = readdirSync('lessons').filter((name) => /^\d\d-/.test(name));
const text = (lesson: string, locale: Locale) =>
	readFileSync(`lessons/${lesson}/${locale}.md`, 'utf8');
const sourcesIn = (dir: string): string[] =>
	readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((file) => /\.(svelte|ts)$/.test(file) && !file.endsWith('.test.ts'))
		.map((file) => readFileSync(`${dir}/${file}`, 'utf8'));
/** The UI every lesson shares: the lab kit (training controls, fields), widgets, charts. */
const sharedSources = [
	'src/lib/lab',
	'src/lib/widgets',
	'src/lib/charts',
	'src/lib/training'
].flatMap(sourcesIn);
/** The labels a lesson's page can show: messages its components or the shared ones use. */
const indexes = Object.fromEntries(
	lessons.map((lesson) => {
		const keys = referencedKeys([...sourcesIn(`lessons/${lesson}`), ...sharedSources]);
		return [lesson, Object.fromEntries(locales.map((l) => [l, labelIndex(messages[l], keys)]))];
	})
) as Record<string, Record<Locale, Map<string, string[]>>>;
const allLabels = Object.fromEntries(locales.map((l) => [l, labelIndex(messages[l])])) as Record<
	Locale,
	Map<string, string[]>
>;
/** What the lesson's own components show without a message (names such as 'Rosenbrock'). */
const literals = (lesson: string) => literalNames(sourcesIn(`lessons/${lesson}`));

/**
 * Bold phrases of a "Try it" section that are not controls: what the reader looks at or reads,
 * not what they press. Keep it short; a control belongs in the messages, not here.
 */
const notControls: Record<string, Partial<Record<Locale, string[]>>> = {
	'02-neural-networks': { en: ['confusion matrix'], 'zh-CN': ['混淆矩阵'] },
	'06-cnn': { en: ['feature maps', 'confusion matrix'], 'zh-CN': ['特征图', '混淆矩阵'] },
	'11-rnn-variants': { en: ['gate heatmaps'], 'zh-CN': ['门控热力图'] }
};

/** English bold terms that happen to equal a UI string but name a concept: the GRU's gates. */
const conceptTerms: Record<string, string[]> = { '11-rnn-variants': ['update', 'reset'] };

/** The bold phrases of a Try-it section that name no UI string of the language, as "line: text". */
function unnamedControls(
	markdown: string,
	labels: Map<string, string[]>,
	allowed: string[] = [],
	shown = new Set<string>()
): string[] {
	const allowedNames = new Set([...allowed.map(normalizeLabel), ...shown]);
	return boldPhrases(markdown)
		.filter((phrase) => phrase.inTryIt && !allowedNames.has(normalizeLabel(phrase.text)))
		.filter((phrase) => {
			const keys = keysNamed(phrase.text, labels);
			return keys !== 'key-or-value' && keys.length === 0;
		})
		.map((phrase) => `${phrase.line}: ${phrase.text}`);
}

describe('lesson texts name the controls as the UI labels them', () => {
	const files = lessons.flatMap((lesson) => locales.map((locale) => [lesson, locale] as const));

	it.each(files)('%s (%s): every bold phrase of "Try it" is a UI label', (lesson, locale) => {
		const unnamed = unnamedControls(
			text(lesson, locale),
			indexes[lesson][locale],
			notControls[lesson]?.[locale],
			literals(lesson)
		);
		expect(unnamed).toEqual([]);
	});

	it.each(lessons)('%s: a control the English text names, the Chinese one names too', (lesson) => {
		const zhNames = new Set(boldPhrases(text(lesson, 'zh-CN')).map((p) => normalizeLabel(p.text)));
		const missing: string[] = [];
		const concepts = new Set(conceptTerms[lesson] ?? []);
		for (const phrase of boldPhrases(text(lesson, 'en'))) {
			if (concepts.has(normalizeLabel(phrase.text))) continue;
			const keys = keysNamed(phrase.text, indexes[lesson].en);
			if (keys === 'key-or-value' || keys.length === 0) continue;
			const zhLabels = keys.flatMap((key) => labelNames(messages['zh-CN'][key]));
			if (!zhLabels.some((name) => zhNames.has(name)))
				missing.push(`en ${phrase.line}: ${phrase.text} → ${zhLabels.join(' / ')}`);
		}
		expect(missing).toEqual([]);
	});

	it('finds a misnamed control, and accepts labels with values, keys and ellipses', () => {
		const sample = [
			'## Try it',
			'- Press **Trian**, then **Train** (**Space**), pick **XOR** and **Step function**.',
			'- Watch **left at step …** and set the **training share** to **10%**.',
			'## Elsewhere',
			'- **Anything** goes here.'
		].join('\n');
		expect(unnamedControls(sample, allLabels.en)).toEqual(['2: Trian']);
		expect(unnamedControls(sample.replace('Trian', 'Train'), allLabels['zh-CN'])).toContain(
			'2: Train'
		);
		// A label of another lesson's page does not count: 圆形 is lesson 4's circle, 圆 lesson 2's.
		const circle = '## 动手试试\n- 选择**圆形**。';
		expect(unnamedControls(circle, indexes['02-neural-networks']['zh-CN'])).toEqual(['2: 圆形']);
		expect(unnamedControls(circle, indexes['04-initialization']['zh-CN'])).toEqual([]);
	});
});
