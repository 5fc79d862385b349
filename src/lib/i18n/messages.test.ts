import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const { locales } = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
	locales: string[];
};
const messages = Object.fromEntries(
	locales.map((locale) => [
		locale,
		JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>
	])
);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
	const [base, ...others] = locales;
	it.each(others)('%s translates every English string, with the same placeholders', (locale) => {
		const keys = Object.keys(messages[base]);
		expect(Object.keys(messages[locale]).sort()).toEqual(keys.sort());
		for (const key of keys) {
			if (key === '$schema') continue;
			expect(messages[locale][key].trim(), key).not.toBe('');
			expect(placeholders(messages[locale][key]), key).toEqual(placeholders(messages[base][key]));
		}
	});
});
