// node scripts/word2vec-gensim.js: the word2vec lesson's trainer against gensim (Debian's
// python3-gensim, one worker) on Moby-Dick with the same settings: words per second, and the
// overlap of the top-10 neighbours of the 30 most frequent content words, next to gensim's overlap
// with itself under another seed (the noise floor). Not part of CI; prints a Markdown table.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createServer } from 'vite';

const settings = {
	architecture: 'skipgram',
	dimensions: 100,
	window: 5,
	negatives: 5,
	learningRate: 0.025,
	epochs: Number(process.env.W2V_EPOCHS ?? 5),
	sample: 1e-3,
	seed: 1
};
const minCount = 5;
const server = await createServer({ configFile: false, logLevel: 'error', appType: 'custom' });
/** @param {string} path */
const load = (path) => server.ssrLoadModule(path);
const { tokenize, buildVocabulary } = await load('/src/lib/engine/word2vec/text.ts');
const { SgnsTrainer } = await load('/src/lib/engine/word2vec/trainer.ts');
const { normalizedRows, neighboursOf } = await load('/src/lib/engine/word2vec/query.ts');

const dir = mkdtempSync(join(tmpdir(), 'w2v-gensim-'));
const text = gunzipSync(readFileSync('static/datasets/corpora/moby-dick.txt.gz')).toString('utf8');
const tokens = tokenize(text);
const vocabulary = buildVocabulary(tokens, minCount);
// Lines of 10,000 tokens: gensim cuts longer sentences there anyway.
const lines = [];
for (let i = 0; i < tokens.length; i += 10_000) lines.push(tokens.slice(i, i + 10_000).join(' '));
writeFileSync(join(dir, 'tokens.txt'), lines.join('\n') + '\n');

/** @type {Record<number, { wordsPerSecond: number; neighbours: Record<string, string[]> }>} */
const ours = {};
for (const seed of [1, 2]) {
	const trainer = new SgnsTrainer(vocabulary, tokens, { ...settings, seed });
	const started = performance.now();
	while (!trainer.finished) trainer.train(20_000);
	const seconds = (performance.now() - started) / 1000;
	const unit = normalizedRows(trainer.embeddings);
	/** @type {Record<string, string[]>} */
	const neighbours = {};
	for (let id = 0; id < Math.min(2000, vocabulary.words.length); id++)
		neighbours[vocabulary.words[id]] = neighboursOf(unit, vocabulary.words, 100, id, 10).map(
			(/** @type {{ word: string }} */ n) => n.word
		);
	ours[seed] = { wordsPerSecond: trainer.wordsTrained / seconds, neighbours };
}
await server.close();
writeFileSync(join(dir, 'ours.json'), JSON.stringify(ours));

const python = String.raw`
import json, sys, time
from gensim.models import Word2Vec
from gensim.parsing.preprocessing import STOPWORDS
d = sys.argv[1]; s = json.loads(sys.argv[2])
sentences = [line.split() for line in open(d + '/tokens.txt')]
runs = {}
for seed in (1, 2):
    m = Word2Vec(vector_size=s['dimensions'], window=s['window'], negative=s['negatives'], alpha=s['learningRate'],
                 min_alpha=s['learningRate'] * 1e-4, sample=s['sample'], min_count=5, sg=1, hs=0, workers=1, seed=seed)
    m.build_vocab(sentences)
    t = time.perf_counter()
    effective, raw = m.train(sentences, total_examples=m.corpus_count, epochs=s['epochs'])
    runs[seed] = (effective / (time.perf_counter() - t), m)
ours = json.load(open(d + '/ours.json'))
m1 = runs[1][1]
content = [w for w in m1.wv.index_to_key if w not in STOPWORDS and len(w) > 2][:30]
top = lambda m, w: [x for x, _ in m.wv.most_similar(w, topn=10)]
overlap = lambda a, b: sum(len(set(a[w]) & set(b[w])) for w in content) / (10 * len(content))
g1 = {w: top(runs[1][1], w) for w in content}
g2 = {w: top(runs[2][1], w) for w in content}
print(json.dumps({'content': content, 'gensimWordsPerSecond': [runs[1][0], runs[2][0]],
  'oursWordsPerSecond': [ours['1']['wordsPerSecond'], ours['2']['wordsPerSecond']],
  'gensimVsGensim': overlap(g1, g2), 'oursVsGensim': overlap(ours['1']['neighbours'], g1),
  'oursVsOurs': overlap(ours['1']['neighbours'], ours['2']['neighbours'])}))
`;
const result = JSON.parse(
	execFileSync('/usr/bin/python3', ['-c', python, dir, JSON.stringify(settings)], {
		encoding: 'utf8'
	})
);
/** @param {number[]} values */
const rate = (values) => values.map((v) => Math.round(v).toLocaleString('en')).join(', ');
console.log(`Moby-Dick, skip-gram, ${settings.dimensions} dimensions, window ${settings.window}, ${settings.negatives} negatives, ${settings.epochs} epochs, min count ${minCount}, t = ${settings.sample}, seeds 1 and 2

| trainer | words/s (seed 1, 2) |
| --- | --- |
| the lesson's typed-array loop (Node, 1 thread) | ${rate(result.oursWordsPerSecond)} |
| gensim ${'4.2'} (workers=1) | ${rate(result.gensimWordsPerSecond)} |

Top-10 neighbour overlap over the 30 most frequent content words (${result.content.slice(0, 8).join(', ')}, …):
ours vs gensim ${result.oursVsGensim.toFixed(3)}; gensim vs gensim under another seed (noise floor) ${result.gensimVsGensim.toFixed(3)}; ours vs ours under another seed ${result.oursVsOurs.toFixed(3)}.`);
