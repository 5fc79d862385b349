import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface LessonEntry {
	number: number;
	slug: string;
	/** Folder name under lessons/, e.g. 01-perceptron. */
	dir: string;
	title: Record<string, string>;
	summary: Record<string, string>;
}

const folderPattern = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

function frontmatterOf(text: string): Record<string, unknown> | string {
	const match = frontmatterPattern.exec(text);
	if (!match) return 'has no frontmatter (a --- block at the top)';
	try {
		const data: unknown = parseYaml(match[1]);
		return data && typeof data === 'object'
			? (data as Record<string, unknown>)
			: 'has empty frontmatter';
	} catch (error) {
		return `has frontmatter that is not valid YAML (${(error as Error).message})`;
	}
}

/**
 * Checks one lesson folder: its name, its place on the trail, and a Markdown file per locale with a
 * non-empty title and summary. Returns the entry and every problem found, so one build run lists
 * them all.
 */
export function checkLessonFolder(
	dir: string,
	readText: (locale: string) => string | null,
	locales: readonly string[],
	trailSlugs: readonly string[]
): { entry: LessonEntry | null; problems: string[] } {
	const match = folderPattern.exec(dir);
	if (!match)
		return { entry: null, problems: [`lessons/${dir}: the folder must be named NN-slug`] };
	const number = Number(match[1]);
	const slug = match[2];
	const problems: string[] = [];
	const place = trailSlugs.indexOf(slug) + 1;
	if (place === 0)
		problems.push(
			`lessons/${dir}: "${slug}" is not a stop on the trail (src/lib/content/trail.ts)`
		);
	else if (place !== number)
		problems.push(
			`lessons/${dir}: "${slug}" is stop ${place} on the trail, so the folder must start with ${String(place).padStart(2, '0')}`
		);
	const entry: LessonEntry = { number, slug, dir, title: {}, summary: {} };
	for (const locale of locales) {
		const file = `lessons/${dir}/${locale}.md`;
		const text = readText(locale);
		if (text === null) {
			problems.push(
				`${file}: missing (every lesson needs a text in each locale: ${locales.join(', ')})`
			);
			continue;
		}
		const frontmatter = frontmatterOf(text);
		if (typeof frontmatter === 'string') {
			problems.push(`${file}: ${frontmatter}`);
			continue;
		}
		for (const key of ['title', 'summary'] as const) {
			const value = frontmatter[key];
			if (typeof value !== 'string' || value.trim() === '')
				problems.push(`${file}: frontmatter needs a non-empty "${key}"`);
			else entry[key][locale] = value.trim();
		}
	}
	return { entry: problems.length === 0 ? entry : null, problems };
}

/** Reads every lesson under `root`; throws one error listing all problems if any lesson is incomplete. */
export function readLessonCatalog(
	root: string,
	locales: readonly string[],
	trailSlugs: readonly string[]
): LessonEntry[] {
	const dirs = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory());
	const entries: LessonEntry[] = [];
	const problems: string[] = [];
	for (const dir of dirs.sort()) {
		const read = (locale: string) => {
			const path = join(root, dir, `${locale}.md`);
			return existsSync(path) ? readFileSync(path, 'utf8') : null;
		};
		const result = checkLessonFolder(dir, read, locales, trailSlugs);
		problems.push(...result.problems);
		if (result.entry) entries.push(result.entry);
	}
	const numbers = entries.map((e) => e.number);
	for (const n of numbers.filter((n, i) => numbers.indexOf(n) !== i))
		problems.push(`lessons: two folders are numbered ${n}`);
	if (problems.length > 0) throw new Error(`Lesson check failed:\n  - ${problems.join('\n  - ')}`);
	return entries;
}
