import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { readLessonCatalog } from './lesson-catalog.ts';

const publicId = 'virtual:lessons';
const resolvedId = '\0' + publicId;

/**
 * Serves `virtual:lessons`, the checked list of lessons (number, slug, title and summary per
 * locale). The check runs at build start, so a lesson without its title or a translation fails the
 * build with a message naming the file.
 */
export function lessonCatalog(options: {
	locales: readonly string[];
	trailSlugs: readonly string[];
}): Plugin {
	const root = resolve('lessons');
	const read = () => readLessonCatalog(root, options.locales, options.trailSlugs);
	return {
		name: 'tensor-trail:lessons',
		buildStart() {
			read();
		},
		resolveId(source) {
			return source === publicId ? resolvedId : undefined;
		},
		load(id) {
			if (id !== resolvedId) return undefined;
			this.addWatchFile(root);
			return `export const lessons = ${JSON.stringify(read())};`;
		},
		configureServer(server) {
			server.watcher.on('all', (_event, file) => {
				if (!file.startsWith(root) || !file.endsWith('.md')) return;
				const module = server.moduleGraph.getModuleById(resolvedId);
				if (module) server.moduleGraph.invalidateModule(module);
			});
		}
	};
}
