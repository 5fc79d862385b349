import { asset } from '$app/paths';
import type { CorpusSource } from '$lib/engine/data/corpus';
import { m } from '$lib/paraglide/messages';

/**
 * The books the site serves (built by scripts/prepare-assets.js into static/datasets/corpora/),
 * for every lesson that learns from text.
 */
export const bundledCorpora = ['moby-dick', 'analects'] as const;
export type BundledCorpus = (typeof bundledCorpora)[number];

const names: Record<BundledCorpus, () => string> = {
	'moby-dick': m.corpus_moby_dick,
	analects: m.corpus_analects
};

/** Each bundled book as a corpus picker lists it, in the reader's language. */
export function bundledCorpusChoices(): { id: BundledCorpus; name: string }[] {
	return bundledCorpora.map((id) => ({ id, name: names[id]() }));
}

/** The name of a corpus as the reader sees it: a bundled book's title, or a file's own name. */
export function corpusDisplayName(name: string): string {
	return name in names ? names[name as BundledCorpus]() : name;
}

/** What a worker loads for a bundled book. */
export function bundledCorpusSource(id: BundledCorpus): CorpusSource {
	return { kind: 'bundled', name: id, url: asset(`/datasets/corpora/${id}.txt.gz`) };
}
