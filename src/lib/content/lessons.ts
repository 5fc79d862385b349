import type { Component } from 'svelte';
import { lessons } from 'virtual:lessons';
import type { Locale } from '$lib/paraglide/runtime';
import type { LessonEntry } from '../../../scripts/lesson-catalog';
import { stopSlugs, trailParts, type PartId, type StopSlug } from './trail';

export type { LessonEntry };
export { lessons };

const pages = import.meta.glob<{ default: Component }>('/lessons/*/*.md');

export function lessonBySlug(slug: string): LessonEntry | undefined {
	return lessons.find((lesson) => lesson.slug === slug);
}

/** The lesson text (with its live widgets) of one locale, loaded on demand. */
export async function loadLessonPage(lesson: LessonEntry, locale: Locale): Promise<Component> {
	const load = pages[`/lessons/${lesson.dir}/${locale}.md`];
	if (!load) throw new Error(`lessons/${lesson.dir}/${locale}.md is missing`);
	return (await load()).default;
}

export interface Stop {
	slug: StopSlug;
	number: number;
	part: PartId;
	lesson: LessonEntry | undefined;
}

export const stops: Stop[] = trailParts.flatMap((part) =>
	part.stops.map((slug) => ({
		slug,
		number: stopSlugs.indexOf(slug) + 1,
		part: part.id,
		lesson: lessonBySlug(slug)
	}))
);
