import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: ['build/', '.svelte-kit/', 'src/lib/paraglide/', 'test-results/', 'playwright-report/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript itself reports undefined names, and knows the DOM and worker globals better.
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	},
	{
		// The page never loads tfjs: it lives in the training workers, so pages start fast.
		files: [
			'src/routes/**',
			'src/lib/{charts,content,i18n,site,training,widgets}/**',
			'lessons/**'
		],
		ignores: ['**/*.worker.ts', '**/*.test.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							allowTypeImports: true,
							group: [
								'@tensorflow/*',
								'$lib/engine/tf',
								'$lib/engine/backend',
								'$lib/engine/worker-host',
								'$lib/engine/compute-host',
								'$lib/engine/worker-runtime',
								'$lib/engine/vision/convolve',
								'$lib/engine/models/*',
								'!$lib/engine/models/*-spec',
								'$lib/engine/playground/network-model',
								'$lib/engine/playground/webgpu-engine',
								'$lib/engine/playground/tfjs-network',
								'$lib/engine/playground/engine-check',
								'$lib/engine/optimizers/optimizers',
								'$lib/engine/optimizers/surface-ops',
								'$lib/engine/optimizers/network-race',
								'$lib/engine/optimizers/race-model',
								'$lib/engine/initialization/deep-mlp',
								'$lib/engine/initialization/initializers',
								'$lib/engine/initialization/layer-stats'
							],
							message:
								'tfjs belongs in a worker; import the tfjs-free *-spec or backend-info module.'
						}
					]
				}
			]
		}
	},
	{
		// Clients and URL helpers keep bookkeeping (pending replies, a query being built) in plain
		// Maps and URLSearchParams on purpose: none of it is UI state.
		files: ['src/lib/training/**'],
		rules: { 'svelte/prefer-svelte-reactivity': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
