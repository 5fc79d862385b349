import type { EngineData, NetworkEngine, TrainingRule } from './engine';
import { planEpochs, shuffleRng } from './layout';

/** Timing blocks double until one takes this long. */
const blockMs = 60;

/**
 * Epochs per second of `engine` (a fresh copy, disposed here) on `data`: one epoch to compile,
 * then blocks that double until one takes `blockMs`. For the start-up race between engines.
 */
export async function epochsPerSecond(
	engine: NetworkEngine,
	data: EngineData,
	rule: TrainingRule,
	plan: { batchSize: number; seed: number }
): Promise<number> {
	try {
		engine.setTrainingData(data);
		const rng = shuffleRng(plan.seed);
		const run = async (epochs: number) => {
			const started = performance.now();
			engine.train(planEpochs(data.count, plan.batchSize, epochs, rng), 0, rule);
			await engine.sync();
			return performance.now() - started;
		};
		await run(1);
		for (let epochs = 4; ; epochs *= 2) {
			const ms = await run(epochs);
			if (ms >= blockMs || epochs >= 4096) return (1000 * epochs) / Math.max(ms, 1e-3);
		}
	} finally {
		engine.dispose();
	}
}
