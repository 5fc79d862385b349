import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import remarkMath from 'remark-math';
import { cspDirectives } from './scripts/csp.js';
import { remarkKatex } from './scripts/remark-katex.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [
		mdsvex({ extensions: ['.md'], remarkPlugins: [remarkMath, remarkKatex] }),
		vitePreprocess()
	],
	kit: {
		adapter: adapter({ strict: true }),
		alias: { $lessons: 'lessons' },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// As a <meta> tag in every page; see scripts/csp.js for why each source is there.
		csp: {
			mode: 'hash',
			directives:
				/** @type {NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']} */ (
					cspDirectives
				)
		},
		typescript: {
			// Lessons, build scripts and e2e tests are type-checked like src/.
			config: (tsconfig) => {
				tsconfig.include.push(
					'../lessons/**/*.ts',
					'../lessons/**/*.svelte',
					'../scripts/**/*.ts',
					'../scripts/**/*.js',
					'../e2e/**/*.ts',
					'../playwright.config.ts',
					'../svelte.config.js',
					'../eslint.config.js'
				);
			}
		}
	}
};

export default config;
