import type { ChartConfiguration, ScriptableContext } from 'chart.js';
import type { Point } from './series';

export interface ChartPalette {
	text: string;
	muted: string;
	grid: string;
	fontSize: number;
	fontFamily: string;
}

/** Shapes that tell lines apart without colour; chart.js draws them as point styles. */
export type SeriesMarker = 'triangle' | 'rect' | 'rectRot' | 'crossRot';

/**
 * How a line looks. One convention holds across every chart of the site: solid is measured on
 * training data, dashed on test data. Lines told apart for another reason (optimisers,
 * initialisers, models) differ by colour and, where colour is not enough, by a marker.
 */
export interface SeriesStyle {
	label: string;
	color: string;
	/** Dashed: a test (held-out) series. */
	dashed?: boolean;
	marker?: SeriesMarker;
}

/** The same shapes as text, for a legend or table outside the chart. */
export const markerGlyph: Record<SeriesMarker, string> = {
	triangle: '▲',
	rect: '■',
	rectRot: '◆',
	crossRot: '×'
};

/** Markers on about every tenth point of a line, so that they mark it without hiding it. */
const markersShown = 10;
function markerRadius(radius: number) {
	return (context: ScriptableContext<'line'>) => {
		const every = Math.max(1, Math.round(context.dataset.data.length / markersShown));
		return context.dataIndex % every === 0 ? radius : 0;
	};
}

export interface LineChartOptions {
	series: SeriesStyle[];
	xTitle: string;
	yTitle: string;
	palette: ChartPalette;
}

/**
 * A line chart built for live training data: no animation, pre-parsed sorted points, decimation,
 * so an update costs one draw. Pure: the same options always give the same configuration.
 */
export function lineChartConfig(options: LineChartOptions): ChartConfiguration<'line', Point[]> {
	const { palette } = options;
	const font = { size: palette.fontSize, family: palette.fontFamily };
	const axis = (title: string) => ({
		type: 'linear' as const,
		title: { display: true, text: title, color: palette.muted, font },
		ticks: { color: palette.muted, font, maxTicksLimit: 6 },
		grid: { color: palette.grid }
	});
	return {
		type: 'line',
		data: {
			datasets: options.series.map((series) => ({
				label: series.label,
				data: [],
				borderColor: series.color,
				backgroundColor: series.color,
				borderWidth: Math.max(2, palette.fontSize / 6),
				borderDash: series.dashed ? [6, 4] : [],
				pointStyle: series.marker ?? 'circle',
				pointRadius: series.marker ? markerRadius(Math.max(4, palette.fontSize / 3)) : 0,
				tension: 0
			}))
		},
		options: {
			animation: false,
			parsing: false,
			normalized: true,
			responsive: true,
			maintainAspectRatio: false,
			interaction: { mode: 'nearest', axis: 'x', intersect: false },
			scales: { x: axis(options.xTitle), y: axis(options.yTitle) },
			plugins: {
				legend: { labels: { color: palette.text, font, boxWidth: palette.fontSize * 2 } },
				decimation: { enabled: true, algorithm: 'min-max' },
				tooltip: { titleFont: font, bodyFont: font }
			}
		}
	};
}
