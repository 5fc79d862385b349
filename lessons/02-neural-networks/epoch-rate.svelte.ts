/** Epochs per second while training, from the reports' epoch counts (smoothed over a few seconds). */
export class EpochRate {
	perSecond = $state<number | null>(null);
	#samples: { epoch: number; at: number }[] = [];

	record(epoch: number, running: boolean, now = performance.now()): void {
		if (!running) {
			this.#samples = [];
			return;
		}
		this.#samples.push({ epoch, at: now });
		while (this.#samples.length > 2 && now - this.#samples[0].at > 3000) this.#samples.shift();
		const first = this.#samples[0];
		const seconds = (now - first.at) / 1000;
		if (seconds > 0.25 && epoch >= first.epoch) this.perSecond = (epoch - first.epoch) / seconds;
	}
}
