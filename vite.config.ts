import { readFileSync } from 'node:fs';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { stopSlugs } from './src/lib/content/trail.ts';
import { lessonCatalog } from './scripts/vite-plugin-lessons.ts';

const { locales } = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
	locales: string[];
};

export default defineConfig({
	plugins: [lessonCatalog({ locales, trailSlugs: stopSlugs }), sveltekit()],
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
