import type { RnnKind } from '$lib/engine/models/rnn-race-spec';
import { m } from '$lib/paraglide/messages';

export const variantNames: Record<RnnKind, () => string> = {
	simpleRnn: m.rnn_simple,
	lstm: m.rnn_lstm,
	gru: m.rnn_gru,
	biLstm: m.rnn_bilstm
};

/** A colour each, and a dash for the bidirectional one, so the lines differ without colour too. */
export const variantStyles: Record<RnnKind, { colorVar: string; dashed?: boolean }> = {
	simpleRnn: { colorVar: '--series-3' },
	lstm: { colorVar: '--series-1' },
	gru: { colorVar: '--series-2' },
	biLstm: { colorVar: '--series-4', dashed: true }
};
