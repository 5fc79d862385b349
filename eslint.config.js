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
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'@tensorflow/*',
								'$lib/engine/tf',
								'$lib/engine/backend',
								'$lib/engine/worker-host',
								'$lib/engine/models/*',
								'!$lib/engine/models/*-spec'
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
