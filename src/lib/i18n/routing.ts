import { baseLocale, locales, type Locale } from '$lib/paraglide/runtime';

/** The first path segment of each locale; English, the base, has none. */
const segments: Record<Locale, string> = { en: '', 'zh-CN': 'zh' };

export const localeNames: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export function localeFromSegment(segment: string | undefined): Locale {
	return (
		locales.find((locale) => segments[locale] !== '' && segments[locale] === segment) ?? baseLocale
	);
}

/** `/lessons/perceptron/` in a locale: `/zh/lessons/perceptron/` for Chinese. */
export function localizePath(path: string, locale: Locale): string {
	const segment = segments[locale];
	return segment ? `/${segment}${path}` : path;
}

/** The locale a path is in, and the path without its locale segment. */
export function splitLocalePath(pathname: string): { locale: Locale; path: string } {
	const match = /^\/([^/]+)(\/.*)?$/.exec(pathname);
	const locale = localeFromSegment(match?.[1]);
	if (locale === baseLocale) return { locale, path: pathname };
	return { locale, path: match?.[2] ?? '/' };
}
