/**
 * The Content-Security-Policy of the site: everything from its own origin, nothing inline but
 * styles. The pages carry it as a <meta> tag (SvelteKit adds the hashes of its own inline
 * bootstrap script); a server should also send it as a header, which is what covers the Web
 * Workers (a worker takes its policy from its own response, not from the page) and allows
 * `frame-ancestors`. `vite preview` sends that header, so every e2e test runs under it.
 *
 * Beyond 'self', the lessons need:
 * - style-src 'unsafe-inline': Svelte's style: directives and KaTeX's typeset math set inline
 *   styles (no script can be injected through a style attribute);
 * - font-src data:: the build inlines KaTeX's smallest fonts into the CSS as data: URLs;
 * - img-src data: blob:: canvases and charts export data: URLs, uploaded and bundled photos are shown
 *   from blob: URLs made on this device;
 * - connect-src https://storage.googleapis.com: Google's copy of COCO-SSD, fetched only when the
 *   reader presses the button offered after our own copy failed to load.
 * tfjs itself needs nothing more: no eval, no WebAssembly on the backends we use.
 * @type {Record<string, string[]>}
 */
export const cspDirectives = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self', 'unsafe-inline'],
	'img-src': ['self', 'data:', 'blob:'],
	'font-src': ['self', 'data:'],
	'connect-src': ['self', 'https://storage.googleapis.com'],
	'worker-src': ['self'],
	'media-src': ['self', 'blob:'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self']
};

const keywords = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'strict-dynamic']);

/**
 * The policy as an HTTP header value (keywords quoted), with what only a header can say. A page
 * obeys both its header and its meta tag; the header cannot list the hash of each page's inline
 * bootstrap script, so it allows inline scripts and the meta tag, which lists them, is what forbids
 * any other. Workers, which have no inline scripts, get script-src 'self' in effect.
 */
export function cspHeader() {
	const directives = {
		...cspDirectives,
		'script-src': [...cspDirectives['script-src'], 'unsafe-inline'],
		'frame-ancestors': ['none']
	};
	return Object.entries(directives)
		.map(([name, values]) =>
			[name, ...values.map((v) => (keywords.has(v) ? `'${v}'` : v))].join(' ')
		)
		.join('; ');
}
