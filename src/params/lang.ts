import type { ParamMatcher } from '@sveltejs/kit';

/** Locale segments other than the base locale's (English has none). */
export const match: ParamMatcher = (param) => param === 'zh';
