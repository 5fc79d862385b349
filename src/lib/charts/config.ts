import type { ChartConfiguration } from 'chart.js';
import type { Point } from './series';

export interface ChartPalette {
	text: string;
	muted: string;
	grid: string;
	fontSize: number;
	fontFamily: string;
}

export interface SeriesStyle {
	label: string;
	color: string;
	dashed?: boolean;
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
				pointRadius: 0,
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
