import type { NetworkShape } from './engine';

/**
 * The shader keys of the fused engine's two programs. tfjs's WebGPU backend caches one compiled
 * pipeline per key, so a key names everything the generated WGSL depends on; the bench counts
 * dispatches by them (`programKindOf`), so both sides read the same definitions.
 */
export const programKeys = {
	network: (shape: NetworkShape) =>
		`playground-${shape.layout.sizes.join('x')}-${shape.activation}-${shape.problem}`,
	train: (network: string, rows: number) => `${network}-train-${rows}`,
	evaluate: (network: string) => `${network}-evaluate`
};

/** Which program a dispatch ran: one of ours, or a tfjs kernel. */
export function programKindOf(shaderKey: string): 'train' | 'evaluate' | 'tfjs' {
	if (!shaderKey.startsWith('playground-')) return 'tfjs';
	if (/-train-\d+$/.test(shaderKey)) return 'train';
	if (shaderKey.endsWith('-evaluate')) return 'evaluate';
	return 'tfjs';
}
