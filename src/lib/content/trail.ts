/**
 * The deep-learning roadmap, in order. A stop is numbered by its place here (1-based), and its
 * lesson, once written, lives in `lessons/NN-slug/` with that number. Plain data: the build's
 * lesson check imports it too.
 */
export const trailParts = [
	{ id: 'neurons', stops: ['perceptron'] },
	{ id: 'ann', stops: ['neural-networks', 'optimizers', 'initialization'] },
	{ id: 'cnn', stops: ['convolution', 'cnn', 'augmentation'] },
	{ id: 'transfer', stops: ['transfer-learning'] },
	{ id: 'detection', stops: ['object-detection'] },
	{ id: 'rnn', stops: ['lstm-text', 'rnn-variants'] },
	{ id: 'embeddings', stops: ['word2vec'] },
	{ id: 'transformers', stops: ['attention', 'transformers', 'bert'] },
	{ id: 'deploy', stops: ['deploy'] }
] as const;

export type PartId = (typeof trailParts)[number]['id'];
export type StopSlug = (typeof trailParts)[number]['stops'][number];

export const stopSlugs: readonly StopSlug[] = trailParts.flatMap((part) => part.stops);

/** 1-based position of a stop on the trail. */
export function stopNumber(slug: StopSlug): number {
	return stopSlugs.indexOf(slug) + 1;
}
