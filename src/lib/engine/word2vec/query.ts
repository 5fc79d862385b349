/** Questions to trained word vectors: cosine neighbours, analogies, a 2-D PCA projection. */
import type { Embeddings } from './sgns';

export interface Scored {
	word: string;
	score: number;
}

/** Unit-length copies of the input vectors (a zero row stays zero). */
export function normalizedRows({ input, vocabulary, dimensions }: Embeddings): Float32Array {
	const unit = new Float32Array(input.length);
	for (let w = 0; w < vocabulary; w++) {
		const row = w * dimensions;
		let norm = 0;
		for (let d = 0; d < dimensions; d++) norm += input[row + d] ** 2;
		const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
		for (let d = 0; d < dimensions; d++) unit[row + d] = input[row + d] * scale;
	}
	return unit;
}

/** Cosine similarity of two words' vectors. */
export function cosine(embeddings: Embeddings, a: number, b: number): number {
	const { input, dimensions: dim } = embeddings;
	let dot = 0;
	let na = 0;
	let nb = 0;
	for (let d = 0; d < dim; d++) {
		const x = input[a * dim + d];
		const y = input[b * dim + d];
		dot += x * y;
		na += x * x;
		nb += y * y;
	}
	return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** The `count` words whose unit vectors are nearest (by cosine) to `query`, leaving out `exclude`. */
export function nearest(
	unit: Float32Array,
	words: readonly string[],
	dimensions: number,
	query: Float32Array,
	count: number,
	exclude: ReadonlySet<number>
): Scored[] {
	let norm = 0;
	for (let d = 0; d < dimensions; d++) norm += query[d] ** 2;
	const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
	const best: { id: number; score: number }[] = [];
	for (let w = 0; w < words.length; w++) {
		if (exclude.has(w)) continue;
		let dot = 0;
		for (let d = 0; d < dimensions; d++) dot += unit[w * dimensions + d] * query[d];
		const score = dot * scale;
		if (best.length < count || score > best[best.length - 1].score) {
			best.push({ id: w, score });
			best.sort((a, b) => b.score - a.score);
			if (best.length > count) best.pop();
		}
	}
	return best.map(({ id, score }) => ({ word: words[id], score }));
}

/** Nearest neighbours of one word. */
export function neighboursOf(
	unit: Float32Array,
	words: readonly string[],
	dimensions: number,
	id: number,
	count: number
): Scored[] {
	const query = unit.slice(id * dimensions, (id + 1) * dimensions);
	return nearest(unit, words, dimensions, query, count, new Set([id]));
}

/** a − b + c (as in "king − man + woman"), on unit vectors, leaving out the three words (3CosAdd). */
export function analogy(
	unit: Float32Array,
	words: readonly string[],
	dimensions: number,
	[a, b, c]: [number, number, number],
	count: number
): Scored[] {
	const query = new Float32Array(dimensions);
	for (let d = 0; d < dimensions; d++)
		query[d] = unit[a * dimensions + d] - unit[b * dimensions + d] + unit[c * dimensions + d];
	return nearest(unit, words, dimensions, query, count, new Set([a, b, c]));
}

/** Edit distance, for suggesting a known word in place of an unknown one. */
export function editDistance(a: string, b: string): number {
	const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = previous[0];
		previous[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = previous[j];
			previous[j] = Math.min(
				above + 1,
				previous[j - 1] + 1,
				diagonal + (a[i - 1] === b[j - 1] ? 0 : 1)
			);
			diagonal = above;
		}
	}
	return previous[b.length];
}

/** Up to `count` vocabulary words spelt most like `word` (frequent words first among equals). */
export function suggestions(words: readonly string[], word: string, count = 3): string[] {
	return words
		.map((candidate, rank) => ({ candidate, rank, distance: editDistance(word, candidate) }))
		.filter(({ distance }) => distance <= Math.max(2, Math.floor(word.length / 2)))
		.sort((x, y) => x.distance - y.distance || x.rank - y.rank)
		.slice(0, count)
		.map(({ candidate }) => candidate);
}

/**
 * The first two principal components of the first `count` rows (the most frequent words), by power
 * iteration on the centred rows. `previous` keeps the axes' signs from one report to the next, so
 * the picture does not flip while it trains.
 */
export function pca2(
	{ input, dimensions: dim, vocabulary }: Embeddings,
	count: number,
	previous: [Float64Array, Float64Array] | null = null
): { x: Float32Array; y: Float32Array; axes: [Float64Array, Float64Array] } {
	const n = Math.min(count, vocabulary);
	const mean = new Float64Array(dim);
	for (let w = 0; w < n; w++) for (let d = 0; d < dim; d++) mean[d] += input[w * dim + d] / n;
	const centred = new Float64Array(n * dim);
	for (let w = 0; w < n; w++)
		for (let d = 0; d < dim; d++) centred[w * dim + d] = input[w * dim + d] - mean[d];
	const axes: Float64Array[] = [];
	const scores: Float32Array[] = [];
	for (let k = 0; k < 2; k++) {
		let v = previous
			? Float64Array.from(previous[k])
			: Float64Array.from({ length: dim }, (_, d) => Math.cos(d * (k + 1) + k) + 0.01);
		for (let iteration = 0; iteration < 40; iteration++) {
			const projected = new Float64Array(n);
			for (let w = 0; w < n; w++) {
				let s = 0;
				for (let d = 0; d < dim; d++) s += centred[w * dim + d] * v[d];
				projected[w] = s;
			}
			const next = new Float64Array(dim);
			for (let w = 0; w < n; w++)
				for (let d = 0; d < dim; d++) next[d] += centred[w * dim + d] * projected[w];
			// Deflate: stay orthogonal to the axes already found.
			for (const axis of axes) {
				let dot = 0;
				for (let d = 0; d < dim; d++) dot += next[d] * axis[d];
				for (let d = 0; d < dim; d++) next[d] -= dot * axis[d];
			}
			const norm = Math.hypot(...next);
			if (norm === 0) break;
			v = next.map((x) => x / norm);
		}
		if (previous) {
			let dot = 0;
			for (let d = 0; d < dim; d++) dot += v[d] * previous[k][d];
			if (dot < 0) v = v.map((x) => -x);
		}
		axes.push(v);
		const score = new Float32Array(n);
		for (let w = 0; w < n; w++) {
			let s = 0;
			for (let d = 0; d < dim; d++) s += centred[w * dim + d] * v[d];
			score[w] = s;
		}
		scores.push(score);
	}
	return { x: scores[0], y: scores[1], axes: [axes[0], axes[1]] };
}

/**
 * The Embedding Projector's TSV pair (projector.tensorflow.org, "Load"): vectors.tsv with one row
 * of tab-separated numbers per word, metadata.tsv with the words in the same order. A
 * single-column metadata file has no header line.
 */
export function projectorFiles(
	{ input, dimensions }: Embeddings,
	words: readonly string[]
): { vectors: string; metadata: string } {
	const rows: string[] = [];
	for (let w = 0; w < words.length; w++)
		rows.push(
			Array.from(input.subarray(w * dimensions, (w + 1) * dimensions), (x) =>
				x.toPrecision(6)
			).join('\t')
		);
	// A tab or newline inside a word would break the rows: the tokeniser never makes one, but a guard is cheap.
	return {
		vectors: rows.join('\n') + '\n',
		metadata: words.map((w) => w.replace(/\s/g, ' ')).join('\n') + '\n'
	};
}
