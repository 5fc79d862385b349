import type { RnnKind } from '$lib/engine/models/rnn-race-spec';
import type { SeriesMarker } from '$lib/charts/config';
import { m } from '$lib/paraglide/messages';

export const variantNames: Record<RnnKind, () => string> = {
	simpleRnn: m.rnn_simple,
	lstm: m.rnn_lstm,
	gru: m.rnn_gru,
	biLstm: m.rnn_bilstm
};

/**
 * A colour and a marker each, so the lines differ without colour too (a dash would read as test
 * data: dashed lines are test data on every chart of the site).
 */
export const variantStyles: Record<RnnKind, { colorVar: string; marker: SeriesMarker }> = {
	simpleRnn: { colorVar: '--series-3', marker: 'crossRot' },
	lstm: { colorVar: '--series-1', marker: 'rect' },
	gru: { colorVar: '--series-2', marker: 'rectRot' },
	biLstm: { colorVar: '--series-4', marker: 'triangle' }
};
