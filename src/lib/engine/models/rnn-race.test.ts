import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { alphabetSize, recallBatch } from '../data/recall-task';
import { createRng } from '../random';
import * as tf from '../tf';
import { traceLstm } from './lstm-gates';
import { buildRecurrentClassifier, RnnRace, rnnKinds, type RnnRaceConfig } from './rnn-race';

const config: RnnRaceConfig = {
	sequenceLength: 6,
	units: 8,
	batchSize: 16,
	learningRate: 0.02,
	seed: 2
};

describe('the recall task', () => {
	it('asks for the first symbol of each sequence', () => {
		const batch = recallBatch(50, 7, createRng(1));
		expect(batch.symbols).toHaveLength(350);
		for (let i = 0; i < 50; i++) expect(batch.answers[i]).toBe(batch.symbols[i * 7]);
		expect(Math.max(...batch.symbols)).toBe(alphabetSize - 1);
		expect(Math.min(...batch.symbols)).toBe(0);
		expect(recallBatch(50, 7, createRng(1))).toEqual(batch);
	});
});

describe('LSTM gates recomputed on the CPU', () => {
	it('end in the hidden state tfjs computes for the same sequence', async () => {
		const model = buildRecurrentClassifier('lstm', 5, 4);
		const symbols = [3, 1, 4, 1, 5, 7, 2];
		const [kernel, recurrentKernel, bias] = await Promise.all(
			model
				.getLayer('lstm')
				.getWeights()
				.map((w) => w.data() as Promise<Float32Array>)
		);
		const trace = traceLstm(
			{ inputSize: alphabetSize, units: 5, kernel, recurrentKernel, bias },
			symbols
		);
		const lstmOnly = tfl.model({
			inputs: model.inputs,
			outputs: model.getLayer('lstm').output as tfl.SymbolicTensor
		});
		const x = tf.oneHot(tf.tensor2d([symbols], [1, 7], 'int32'), alphabetSize).toFloat();
		const expected = await (lstmOnly.predict(x) as tf.Tensor).data();
		const last = trace.hidden.subarray(6 * 5);
		expected.forEach((value, u) => expect(last[u]).toBeCloseTo(value, 5));
		for (const gate of [trace.input, trace.forget, trace.output]) {
			expect(gate).toHaveLength(35);
			expect(gate.every((g) => g > 0 && g < 1)).toBe(true);
		}
		model.dispose();
	});
});

describe('RnnRace', () => {
	it('trains all four networks on the same batches: every loss falls', async () => {
		const race = new RnnRace(config);
		const before = await race.evaluate();
		for (let i = 0; i < 60; i++) race.trainStep();
		const after = await race.evaluate();
		for (const kind of rnnKinds) {
			expect(after.snapshot.models[kind].trainLoss).toBeLessThan(
				before.snapshot.models[kind].trainLoss
			);
		}
		expect(after.metrics.loss).toBe(after.snapshot.models.lstm.trainLoss);
		expect(after.snapshot.gates.forget).toHaveLength(6 * 8);
		race.dispose();
	}, 120_000);

	it('counts parameters as the formulas say', async () => {
		const race = new RnnRace(config);
		const { models } = (await race.evaluate()).snapshot;
		const u = 8;
		const cell = u * (alphabetSize + u + 1);
		const dense = (units: number) => units * alphabetSize + alphabetSize;
		expect(models.simpleRnn.parameters).toBe(cell + dense(u));
		expect(models.lstm.parameters).toBe(4 * cell + dense(u));
		expect(models.gru.parameters).toBe(3 * cell + dense(u));
		expect(models.biLstm.parameters).toBe(8 * cell + dense(2 * u));
		race.dispose();
	});

	it('leaks no tensor per epoch and repeats with the same seed', async () => {
		const run = async () => {
			const race = new RnnRace({ ...config, batchSize: 128 });
			const counts: number[] = [];
			const losses: number[] = [];
			for (let epoch = 0; epoch < 3; epoch++) {
				for (let i = 0; i < 4; i++) race.trainStep();
				const { metrics } = await race.evaluate();
				losses.push(metrics.loss);
				counts.push(tf.memory().numTensors);
			}
			expect(race.epoch).toBe(3);
			race.dispose();
			return { counts, losses };
		};
		const first = await run();
		expect(new Set(first.counts.slice(1)).size).toBe(1);
		expect((await run()).losses).toEqual(first.losses);
	}, 120_000);

	it('keeps training after the sequence length changes', async () => {
		const race = new RnnRace(config);
		race.trainStep();
		race.configure({ ...config, sequenceLength: 12 });
		race.trainStep();
		const { snapshot } = await race.evaluate();
		expect(snapshot.gates.steps).toBe(12);
		expect(Number.isFinite(snapshot.models.gru.trainLoss)).toBe(true);
		race.dispose();
	});
});
