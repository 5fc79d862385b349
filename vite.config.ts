import { readFileSync } from 'node:fs';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { stopSlugs } from './src/lib/content/trail.ts';
import { cspHeader } from './scripts/csp.js';
import { lessonCatalog } from './scripts/vite-plugin-lessons.ts';

const { locales } = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
	locales: string[];
};

/**
 * `vite preview` sends the site's policy as a header too, so the tests run the workers under it
 * (SvelteKit's preview ignores Vite's preview.headers; a middleware ahead of it does not).
 */
function cspPreviewHeader(): Plugin {
	const policy = cspHeader();
	return {
		name: 'tensor-trail-csp-preview-header',
		configurePreviewServer(server) {
			server.middlewares.use((_request, response, next) => {
				response.setHeader('Content-Security-Policy', policy);
				next();
			});
		}
	};
}

export default defineConfig({
	plugins: [lessonCatalog({ locales, trailSlugs: stopSlugs }), cspPreviewHeader(), sveltekit()],
	server: { fs: { allow: ['lessons'] } },
	worker: {
		format: 'es',
		// tfjs carries ~1300 licence comments; the licences are listed in the README instead.
		rolldownOptions: { output: { comments: { legal: false } } }
	},
	test: {
		include: ['src/**/*.test.ts', 'lessons/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['src/lib/engine/vitest.setup.ts'],
		testTimeout: 30_000
	}
});
