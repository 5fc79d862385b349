import { page } from '$app/state';
import { afterNavigate, replaceState } from '$app/navigation';

/**
 * Keeps a lesson's settings in the page's query string, so a link reproduces the demo. Call during
 * component setup with a function that builds the query (null: nothing to write yet). A
 * `?backend=` override already in the URL is kept.
 */
export function keepSettingsInUrl(query: () => string | null): void {
	// SvelteKit's router accepts replaceState only once the page has finished navigating in.
	let routerReady = $state(false);
	afterNavigate(() => (routerReady = true));
	$effect(() => {
		const text = query();
		if (!routerReady || text === null) return;
		const backend = new URLSearchParams(location.search).get('backend');
		const search = backend ? `${text}&backend=${encodeURIComponent(backend)}` : text;
		// Only the query changes: this page's own path, base path included, stays as it is.
		// eslint-disable-next-line svelte/no-navigation-without-resolve
		replaceState(`${location.pathname}?${search}`, page.state);
	});
}
