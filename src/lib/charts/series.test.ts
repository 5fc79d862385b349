import { describe, expect, it } from 'vitest';
import { lineChartConfig } from './config';
import { SeriesBuffer } from './series';

describe('SeriesBuffer', () => {
	it('keeps points in order, replaces a repeated x and skips non-finite values', () => {
		const buffer = new SeriesBuffer();
		buffer.push(0, 1);
		buffer.push(1, 0.5);
		buffer.push(1, 0.4);
		buffer.push(2, NaN);
		buffer.push(3, Infinity);
		expect(buffer.points).toEqual([
			{ x: 0, y: 1 },
			{ x: 1, y: 0.4 }
		]);
	});

	it('stays within its capacity, keeping the first and the newest point', () => {
		const buffer = new SeriesBuffer(100);
		for (let x = 0; x < 10_000; x++) buffer.push(x, x * 2);
		expect(buffer.points.length).toBeLessThanOrEqual(100);
		expect(buffer.points.length).toBeGreaterThan(50);
		expect(buffer.points[0]).toEqual({ x: 0, y: 0 });
		expect(buffer.points.at(-1)).toEqual({ x: 9999, y: 19998 });
		const xs = buffer.points.map((p) => p.x);
		expect(xs).toEqual([...xs].sort((a, b) => a - b));
	});
});

describe('lineChartConfig', () => {
	const palette = {
		text: '#000',
		muted: '#555',
		grid: '#eee',
		fontSize: 12,
		fontFamily: 'sans-serif'
	};

	it('builds a live-data line chart: no animation, pre-parsed, decimated', () => {
		const config = lineChartConfig({
			series: [
				{ label: 'train', color: 'red' },
				{ label: 'test', color: 'blue', dashed: true }
			],
			xTitle: 'step',
			yTitle: 'loss',
			palette
		});
		expect(config.options?.animation).toBe(false);
		expect(config.options?.parsing).toBe(false);
		expect(config.options?.normalized).toBe(true);
		expect(config.options?.plugins?.decimation?.enabled).toBe(true);
		expect(config.data.datasets.map((d) => d.label)).toEqual(['train', 'test']);
		expect(config.data.datasets[0].borderDash).toEqual([]);
		expect(config.data.datasets[1].borderDash).toEqual([6, 4]);
		expect(config.data.datasets[0].pointRadius).toBe(0);
	});

	it('marks a line with a shape on about every tenth point, without a dash', () => {
		const config = lineChartConfig({
			series: [{ label: 'bi', color: 'red', marker: 'triangle' }],
			xTitle: 'x',
			yTitle: 'y',
			palette
		});
		const dataset = config.data.datasets[0];
		expect(dataset.pointStyle).toBe('triangle');
		expect(dataset.borderDash).toEqual([]);
		const radius = dataset.pointRadius as (context: unknown) => number;
		const at = (dataIndex: number) => radius({ dataIndex, dataset: { data: new Array(100) } });
		const shown = Array.from({ length: 100 }, (_, i) => at(i)).filter((r) => r > 0);
		expect(shown).toHaveLength(10);
		expect(at(0)).toBeGreaterThanOrEqual(4);
	});

	it('scales lines and text for a projector', () => {
		const big = lineChartConfig({
			series: [{ label: 'w', color: 'red' }],
			xTitle: 'x',
			yTitle: 'y',
			palette: { ...palette, fontSize: 24 }
		});
		expect(big.data.datasets[0].borderWidth).toBe(4);
	});
});
