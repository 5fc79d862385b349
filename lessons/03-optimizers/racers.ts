import type { OptimizerKind } from '$lib/engine/optimizers/optimizer-spec';
import { m } from '$lib/paraglide/messages';

/** One colour per optimiser, distinct on a projector in both themes. */
export const racerColors: Record<OptimizerKind, { light: string; dark: string }> = {
	gd: { light: '#52525b', dark: '#d4d4d8' },
	sgd: { light: '#a16207', dark: '#facc15' },
	momentum: { light: '#2563eb', dark: '#60a5fa' },
	nesterov: { light: '#0891b2', dark: '#22d3ee' },
	adagrad: { light: '#16a34a', dark: '#4ade80' },
	rmsprop: { light: '#c026d3', dark: '#e879f9' },
	adam: { light: '#dc2626', dark: '#f87171' }
};

export const racerName: Record<OptimizerKind, () => string> = {
	gd: m.opt_gd,
	sgd: m.opt_sgd,
	momentum: m.opt_momentum,
	nesterov: m.opt_nesterov,
	adagrad: () => 'Adagrad',
	rmsprop: () => 'RMSprop',
	adam: () => 'Adam'
};

/** CSS custom properties naming each racer's colour, for the charts (colorVar). */
export function racerColorVars(theme: 'light' | 'dark'): string {
	return Object.entries(racerColors)
		.map(([kind, color]) => `--racer-${kind}: ${color[theme]}`)
		.join('; ');
}
