/** The bundled books for engine tests (built by scripts/prepare-assets.js at install). */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export const bundledText = (name: 'moby-dick' | 'analects'): string =>
	gunzipSync(readFileSync(`static/datasets/corpora/${name}.txt.gz`)).toString('utf8');
