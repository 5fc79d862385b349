import { localeFromSegment } from '$lib/i18n/routing';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = ({ params }) => ({ locale: localeFromSegment(params.lang) });
