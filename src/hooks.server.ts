import type { Handle } from '@sveltejs/kit';
import { splitLocalePath } from '$lib/i18n/routing';

/** Fills `<html lang="%lang%">` in app.html with the page's locale. */
export const handle: Handle = ({ event, resolve }) => {
	const { locale } = splitLocalePath(event.url.pathname);
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
};
