import type { BenchResult } from '../src/lib/bench/bench-spec';
import { expect, test } from './fixtures';

/**
 * The bench's counters, which do not drift with the machine's load, checked in CI on every live
 * model with small blocks: no tensor leaked per epoch, no more kernels per step than the bare tfjs
 * loop (give or take a few), no read-back per step beyond the lesson's reports, GPU memory counted.
 * The timings themselves stay in `npm run bench`.
 */
// The CNN cases compile and run two convolutional networks (lesson and bare loop) on SwiftShader:
// minutes on a 2-core machine, past the default three.
const cases: { name: string; options: Record<string, number>; minutes?: number }[] = [
	{ name: 'perceptron', options: { steps: 100, rounds: 1, batchSize: 8 } },
	{ name: 'optimizers', options: { steps: 30, rounds: 1, batchSize: 1 } },
	{ name: 'initialization', options: { steps: 10, rounds: 1, batchSize: 32 } },
	{ name: 'convolution', options: { steps: 3, rounds: 2, batchSize: 1 } },
	{ name: 'cnn', options: { steps: 4, rounds: 1, batchSize: 8, evalSize: 100 }, minutes: 5 },
	{
		name: 'augmentation',
		options: { steps: 2, rounds: 1, batchSize: 8, evalSize: 100 },
		minutes: 6
	},
	{
		name: 'char-lstm',
		options: { steps: 2, rounds: 1, batchSize: 8, units: 16, sequenceLength: 10 }
	},
	{
		name: 'rnn-race',
		options: { steps: 1, rounds: 1, batchSize: 8, units: 8, sequenceLength: 5 }
	}
];

for (const { name, options, minutes } of cases) {
	test(`bench counters: ${name}`, async ({ page }) => {
		if (minutes) test.setTimeout(minutes * 60_000);
		await page.goto('/bench/');
		await expect(page.getByTestId('bench-status')).toHaveText('ready');
		const result: BenchResult = await page.evaluate(
			({ name, options }) =>
				(
					window as unknown as {
						tensorTrailBench: { run(name: string, options: unknown): Promise<BenchResult> };
					}
				).tensorTrailBench.run(name, { ...options, backend: 'webgpu' }),
			{ name, options }
		);
		expect(result.backend).toBe('webgpu');

		const counts = result.tensorsAtEpochs;
		expect(counts.length, 'tensor counts').toBeGreaterThanOrEqual(3);
		expect(counts.at(-1), `tensors by epoch ${counts.join(', ')}`).toBe(counts[1]);

		const { lesson, reference } = result.kernelsPerStep;
		expect(reference).toBeGreaterThan(0);
		expect(lesson, `kernels per step, lesson / bare: ${lesson} / ${reference}`).toBeLessThanOrEqual(
			Math.ceil(reference * 1.05) + 4
		);

		const steps = options.steps * options.rounds;
		const reads = Math.round(result.readsPerStep * steps);
		if (result.kind === 'compute') {
			// The feature map and the pooled map, read together: two reads a request, no more.
			expect(reads).toBe(2 * steps);
		} else {
			// A read per report (its numbers for the charts) and one wait on the GPU per block.
			const reports = result.reportsPerBlock.reduce((a, b) => a + b, 0);
			expect(reads, `reads ${reads}, reports ${reports}`).toBeLessThanOrEqual(
				reports + options.rounds
			);
		}
		expect(result.peakGpuBytes, 'GPU bytes held').toBeGreaterThan(0);
	});
}
