import { SeriesBuffer } from './series';

/**
 * Named series recorded over training steps, shared by a lesson and its charts. `revision` is the
 * only reactive part: charts redraw when it changes, at most once per frame.
 */
export class MetricHistory<Name extends string> {
	revision = $state(0);
	readonly series: Record<Name, SeriesBuffer>;
	#lastX = -Infinity;

	constructor(names: readonly Name[], capacity?: number) {
		this.series = Object.fromEntries(
			names.map((name) => [name, new SeriesBuffer(capacity)])
		) as Record<Name, SeriesBuffer>;
	}

	/** Records values at step x; a step that goes backwards (a reset) starts the history over. */
	record(x: number, values: Partial<Record<Name, number>>): void {
		if (x < this.#lastX) this.#clearSeries();
		this.#lastX = x;
		for (const [name, value] of Object.entries(values) as [Name, number | undefined][]) {
			if (value !== undefined) this.series[name].push(x, value);
		}
		this.revision++;
	}

	clear(): void {
		this.#clearSeries();
		this.#lastX = -Infinity;
		this.revision++;
	}

	#clearSeries(): void {
		for (const buffer of Object.values<SeriesBuffer>(this.series)) buffer.clear();
	}
}
