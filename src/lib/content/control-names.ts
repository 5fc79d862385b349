/**
 * Checks that a lesson text names the controls the way its language's UI labels them: every bold
 * phrase of a "Try it" section must be a UI string of that language (or listed as a term that is
 * not a control). Node-only helpers for the unit test; nothing here ships to the page.
 */

/** Headings of the sections where a bold phrase names a control. */
const tryItHeadings = /^##\s+(Try it|动手试试)/;

/** Keys of the keyboard, which the texts bold as they bold buttons. */
const keyNames = new Set(['space', '→', '←', 'r', 'f', 'esc', 'shift', '空格键']);

/**
 * Lower case, single spaces, no trailing colon, full stop or ellipsis, placeholders and ellipses
 * written as one "…": so that "Training share: {percent}%" and "training share …" compare.
 */
export function normalizeLabel(text: string): string {
	return text
		.replace(/\{\w+\}/g, '…')
		.replace(/\.\.\./g, '…')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[:：。.]+$/u, '')
		.trim()
		.toLowerCase();
}

/**
 * The names under which a UI string can appear in a text: the whole string, the part before a
 * colon that introduces a value ("Noise: {noise}%" → "noise"), and the part before a bracketed
 * gloss ("Sobel x (vertical edges)" → "sobel x").
 */
export function labelNames(value: string): string[] {
	const whole = normalizeLabel(value);
	const names = new Set([whole]);
	const colon = whole.search(/[:：]/u);
	if (colon > 0) names.add(whole.slice(0, colon).trim());
	const bracket = whole.search(/\s?[(（]/u);
	if (bracket > 0) names.add(whole.slice(0, bracket).trim());
	return [...names];
}

/**
 * Names a lesson's own components show without a message, because they read the same in every
 * language ('Rosenbrock', 'L1', '−'): quoted strings that start with a capital or a symbol (ids
 * such as 'xor' start lower case), and text between tags.
 */
export function literalNames(sources: string[]): Set<string> {
	const names = new Set<string>();
	for (const source of sources) {
		for (const [, quoted, between] of source.matchAll(/'([^'\n]*)'|>([^<>{}\n]{1,40})</g)) {
			if (between) names.add(normalizeLabel(between));
			else if (/^[^a-z{]/.test(quoted) && quoted.length <= 40) names.add(normalizeLabel(quoted));
		}
	}
	names.delete('');
	return names;
}

/** The message keys a set of sources shows (`m.key`): what a lesson's UI can label. */
export function referencedKeys(sources: string[]): Set<string> {
	return new Set(
		sources.flatMap((source) => [...source.matchAll(/\bm\.(\w+)\b/g)].map((m) => m[1]))
	);
}

/** Every name of the UI strings of one language (those of `keys`, or all), to their keys. */
export function labelIndex(
	messages: Record<string, string>,
	keys?: Set<string>
): Map<string, string[]> {
	const index = new Map<string, string[]>();
	for (const [key, value] of Object.entries(messages)) {
		if (key.startsWith('$') || (keys && !keys.has(key))) continue;
		for (const name of labelNames(value)) index.set(name, [...(index.get(name) ?? []), key]);
	}
	return index;
}

export interface BoldPhrase {
	text: string;
	line: number;
	/** Whether it stands in a "Try it" section, where bold phrases name controls. */
	inTryIt: boolean;
}

/** The bold phrases of a Markdown text, outside code and math, with their line numbers. */
export function boldPhrases(markdown: string): BoldPhrase[] {
	const phrases: BoldPhrase[] = [];
	let inTryIt = false;
	let inMath = false;
	markdown.split('\n').forEach((line, i) => {
		if (line.trim() === '$$') inMath = !inMath;
		if (inMath) return;
		if (line.startsWith('## ')) inTryIt = tryItHeadings.test(line);
		const prose = line.replace(/`[^`]*`/g, '').replace(/\$[^$]*\$/g, '');
		for (const match of prose.matchAll(/\*\*(.+?)\*\*/g))
			phrases.push({ text: match[1], line: i + 1, inTryIt });
	});
	return phrases;
}

/** The keys a bold phrase names, or none: numbers and keyboard keys name no message. */
export function keysNamed(phrase: string, index: Map<string, string[]>): string[] | 'key-or-value' {
	const name = normalizeLabel(phrase);
	if (keyNames.has(name) || /^[\d.,\s%°×]+$/u.test(name)) return 'key-or-value';
	return index.get(name) ?? [];
}
