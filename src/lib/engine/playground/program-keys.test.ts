import { describe, expect, it } from 'vitest';
import { parameterLayout } from './layout';
import { programKeys, programKindOf } from './program-keys';

describe('the fused engine’s shader keys', () => {
	const network = programKeys.network({
		layout: parameterLayout([2, 4, 2]),
		activation: 'tanh',
		problem: 'classification'
	});

	it('file a training dispatch as training, whatever its row count', () => {
		for (const rows of [1, 10, 500])
			expect(programKindOf(programKeys.train(network, rows))).toBe('train');
	});

	it('file an evaluation as evaluation, and tfjs’s own kernels as tfjs', () => {
		expect(programKindOf(programKeys.evaluate(network))).toBe('evaluate');
		expect(programKindOf('MatMulPackedProgram_1_2_3')).toBe('tfjs');
		expect(programKindOf('binary_0_1')).toBe('tfjs');
	});

	it('differ for every change the generated WGSL depends on', () => {
		const other = programKeys.network({
			layout: parameterLayout([2, 4, 2]),
			activation: 'relu',
			problem: 'classification'
		});
		expect(other).not.toBe(network);
		expect(programKeys.train(network, 10)).not.toBe(programKeys.train(network, 11));
	});
});
