import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import remarkMath from 'remark-math';
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
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;
