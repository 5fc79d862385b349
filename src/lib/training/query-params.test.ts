import { describe, expect, it } from 'vitest';
import { learningRateParam, optionsWith } from './query-params';

describe('learning rates from the URL', () => {
	it('takes any positive rate up to 1000, listed or not, and nothing else', () => {
		expect(learningRateParam('0.003', 0.01)).toBe(0.003);
		expect(learningRateParam('1000', 0.01)).toBe(1000);
		expect(learningRateParam('1e-5', 0.01)).toBe(0.00001);
		for (const nonsense of ['0', '-1', '1001', 'abc', '', null, 'Infinity'])
			expect(learningRateParam(nonsense, 0.01)).toBe(0.01);
	});

	it('lists a rate that is not a preset among the choices, in order', () => {
		expect(optionsWith([0.001, 0.01], 0.01)).toEqual([0.001, 0.01]);
		expect(optionsWith([0.001, 0.01], 1000)).toEqual([0.001, 0.01, 1000]);
		expect(optionsWith([0.001, 0.01], 0.003)).toEqual([0.001, 0.003, 0.01]);
	});
});
