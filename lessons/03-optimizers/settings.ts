import {
	defaultSettings as optimizerDefaults,
	learningRates,
	optimizerKinds,
	type OptimizerKind,
	type OptimizerSettings
} from '$lib/engine/optimizers/optimizer-spec';
import { surfaceIds, surfaces, type Point, type SurfaceId } from '$lib/engine/optimizers/surfaces';
import { speedLevels } from '$lib/engine/session';
import { choiceParam, integerParam, numberParam } from '$lib/training/query-params';

/** A racer's settings that the reader can change; the rest keep tfjs's defaults. */
export interface RacerChoice {
	enabled: boolean;
	/** null: the surface's default rate for this optimiser. */
	learningRate: number | null;
	momentum: number;
	beta1: number;
	beta2: number;
	decay: number;
}

export interface OptimizersSettings {
	surface: SurfaceId;
	/** null: the surface's own start. */
	start: Point | null;
	racers: Record<OptimizerKind, RacerChoice>;
	/** The optimiser and parameter the update-rule panel follows. */
	follow: OptimizerKind;
	parameter: 0 | 1;
	seed: number;
	/** 1-based index into speedLevels. */
	speed: number;
}

const defaultRacer = (): RacerChoice => ({
	enabled: true,
	learningRate: null,
	momentum: 0.9,
	beta1: 0.9,
	beta2: 0.999,
	decay: 0.9
});

export const defaultSettings: OptimizersSettings = {
	surface: 'rosenbrock',
	start: null,
	racers: Object.fromEntries(optimizerKinds.map((kind) => [kind, defaultRacer()])) as Record<
		OptimizerKind,
		RacerChoice
	>,
	follow: 'adam',
	parameter: 0,
	seed: 1,
	speed: 3
};

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Reads the settings from a query string; anything missing or malformed keeps its default. */
export function parseSettings(params: URLSearchParams): OptimizersSettings {
	const d = structuredClone(defaultSettings);
	const surface = choiceParam(surfaceIds, params.get('surface'), d.surface);
	const domain = surfaces[surface].domain;
	const start = params.get('start')?.split(',').map(Number);
	const off = new Set(params.get('off')?.split(',') ?? []);
	const racers = Object.fromEntries(
		optimizerKinds.map((kind) => {
			const racer = defaultRacer();
			const number = (key: string, min: number, max: number, fallback: number) =>
				numberParam(params.get(`${key}.${kind}`), min, max, fallback);
			const rate = number('lr', 1e-6, 100, NaN);
			return [
				kind,
				{
					enabled: !off.has(kind),
					learningRate: Number.isNaN(rate) ? null : rate,
					momentum: number('mu', 0, 0.999, racer.momentum),
					beta1: number('b1', 0, 0.999, racer.beta1),
					beta2: number('b2', 0, 0.99999, racer.beta2),
					decay: number('rho', 0, 0.999, racer.decay)
				}
			];
		})
	) as Record<OptimizerKind, RacerChoice>;
	const inside =
		start?.length === 2 &&
		start.every(Number.isFinite) &&
		start[0] >= domain.xMin &&
		start[0] <= domain.xMax &&
		start[1] >= domain.yMin &&
		start[1] <= domain.yMax;
	return {
		surface,
		start: inside ? [start[0], start[1]] : null,
		racers,
		follow: choiceParam(optimizerKinds, params.get('follow'), d.follow),
		parameter: params.get('param') === 'y' ? 1 : 0,
		seed: integerParam(params.get('seed'), 0, 2 ** 31 - 1, d.seed),
		speed: integerParam(params.get('speed'), 1, speedLevels.length, d.speed)
	};
}

/** The settings that differ from the defaults, as a query string (no `?`). */
export function settingsToQuery(settings: OptimizersSettings): string {
	const d = defaultSettings;
	const params = new URLSearchParams();
	if (settings.surface !== d.surface) params.set('surface', settings.surface);
	if (settings.start) params.set('start', settings.start.map(round).join(','));
	const off = optimizerKinds.filter((kind) => !settings.racers[kind].enabled);
	if (off.length) params.set('off', off.join(','));
	for (const kind of optimizerKinds) {
		const racer = settings.racers[kind];
		const base = defaultRacer();
		if (racer.learningRate !== null) params.set(`lr.${kind}`, String(racer.learningRate));
		if (racer.momentum !== base.momentum) params.set(`mu.${kind}`, String(racer.momentum));
		if (racer.beta1 !== base.beta1) params.set(`b1.${kind}`, String(racer.beta1));
		if (racer.beta2 !== base.beta2) params.set(`b2.${kind}`, String(racer.beta2));
		if (racer.decay !== base.decay) params.set(`rho.${kind}`, String(racer.decay));
	}
	if (settings.follow !== d.follow) params.set('follow', settings.follow);
	if (settings.parameter === 1) params.set('param', 'y');
	if (settings.seed !== d.seed) params.set('seed', String(settings.seed));
	if (settings.speed !== d.speed) params.set('speed', String(settings.speed));
	return params.toString().replaceAll('%2C', ',');
}

/** Every enabled racer's full settings for the engine, with the surface's default rates filled in. */
export function racersFor(settings: OptimizersSettings): OptimizerSettings[] {
	return optimizerKinds
		.filter((kind) => settings.racers[kind].enabled)
		.map((kind) => {
			const racer = settings.racers[kind];
			return {
				...optimizerDefaults(kind, settings.surface),
				learningRate: racer.learningRate ?? learningRates[settings.surface][kind],
				momentum: racer.momentum,
				beta1: racer.beta1,
				beta2: racer.beta2,
				decay: racer.decay
			};
		});
}

export const startOf = (settings: OptimizersSettings): Point =>
	settings.start ?? surfaces[settings.surface].start;
