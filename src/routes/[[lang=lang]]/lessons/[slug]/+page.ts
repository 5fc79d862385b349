import { error } from '@sveltejs/kit';
import { lessonBySlug, lessons, loadLessonPage } from '$lib/content/lessons';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () =>
	lessons.flatMap((lesson) => [{ slug: lesson.slug }, { lang: 'zh', slug: lesson.slug }]);

export const load: PageLoad = async ({ params, parent }) => {
	const lesson = lessonBySlug(params.slug);
	if (!lesson) error(404, `There is no lesson "${params.slug}" yet.`);
	const { locale } = await parent();
	return { lesson, content: await loadLessonPage(lesson, locale) };
};
