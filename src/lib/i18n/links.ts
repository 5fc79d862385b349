import { resolve } from '$app/paths';
import type { Pathname } from '$app/types';
import type { Locale } from '$lib/paraglide/runtime';
import { localizePath } from './routing';

/** The href of a site path in a locale, with the base path applied. */
export function localeHref(path: string, locale: Locale) {
	return resolve(localizePath(path, locale) as Pathname);
}
