import { baseLocale, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';

/**
 * The page's locale comes from its URL (`/zh/...`), set by the layout. Paraglide's message
 * functions call getLocale(); reading this $state there makes every translated string in a
 * template update when the locale changes during client-side navigation.
 */
let current = $state<Locale>(baseLocale);

overwriteGetLocale(() => current);

export function setPageLocale(locale: Locale): void {
	current = locale;
}
