import { planeExtent, type DataPoint, type Dataset } from '$lib/engine/playground/spec';
import { hex, mix, type HeatmapColors } from './heatmap';
import { markerVertices, toPixels } from './plane';

/** Theme tokens the plane's canvas paints with. */
export interface PlaneTokens {
	fg: string;
	muted: string;
	grid: string;
	surface: string;
}

/** What every layer of the playground's plane is painted with: a square canvas of `size` px. */
export interface PlanePaint {
	ctx: CanvasRenderingContext2D;
	size: number;
	tokens: PlaneTokens;
	colors: HeatmapColors;
	problem: Dataset['problem'];
}

export function paintGrid({ ctx, size, tokens }: PlanePaint): void {
	ctx.lineWidth = 1;
	for (let v = -planeExtent + 2; v < planeExtent; v += 2) {
		const { x, y } = toPixels(v, v, size);
		ctx.strokeStyle = v === 0 ? tokens.muted : tokens.grid;
		ctx.globalAlpha = v === 0 ? 0.45 : 1;
		ctx.beginPath();
		ctx.moveTo(x, 0);
		ctx.lineTo(x, size);
		ctx.moveTo(0, y);
		ctx.lineTo(size, y);
		ctx.stroke();
	}
	ctx.globalAlpha = 1;
}

/** Tick labels along the bottom and the left edge, with a halo to read over the colours. */
export function paintTicks({ ctx, size, tokens }: PlanePaint): void {
	ctx.font = '13px system-ui, sans-serif';
	ctx.lineWidth = 3;
	ctx.strokeStyle = tokens.surface;
	ctx.fillStyle = tokens.fg;
	const text = (s: string, x: number, y: number) => {
		ctx.strokeText(s, x, y);
		ctx.fillText(s, x, y);
	};
	ctx.textAlign = 'center';
	ctx.textBaseline = 'bottom';
	for (let v = -planeExtent + 2; v < planeExtent; v += 2) {
		if (v !== 0) text(String(v), toPixels(v, 0, size).x, size - 3);
	}
	ctx.textAlign = 'left';
	ctx.textBaseline = 'middle';
	for (let v = -planeExtent + 2; v < planeExtent; v += 2) {
		if (v !== 0) text(String(v), 4, toPixels(0, v, size).y);
	}
	ctx.textAlign = 'right';
	ctx.textBaseline = 'bottom';
	text('x₁', size - 5, size - 3);
	ctx.textAlign = 'left';
	ctx.textBaseline = 'top';
	text('x₂', toPixels(0, 0, size).x + 5, 4);
}

function pointColor(p: DataPoint, { colors, problem }: PlanePaint): string {
	if (problem === 'regression') {
		const t = Math.max(-1, Math.min(1, p.label));
		return hex(mix(colors.background, colors.classes[t < 0 ? 0 : 1], Math.abs(t)));
	}
	return hex(colors.classes[p.label % colors.classes.length] ?? colors.classes[0]);
}

/** A class's marker shape (circle for regression), as a path to fill or stroke. */
function marker({ ctx, size, problem }: PlanePaint, p: DataPoint, r: number): void {
	const { x, y } = toPixels(p.x1, p.x2, size);
	const corners = problem === 'classification' ? markerVertices(p.label, r) : null;
	ctx.beginPath();
	if (!corners) {
		ctx.arc(x, y, r, 0, Math.PI * 2);
		return;
	}
	corners.forEach(([dx, dy], i) => (i ? ctx.lineTo(x + dx, y + dy) : ctx.moveTo(x + dx, y + dy)));
	ctx.closePath();
}

/** Training points filled, test points hollow. */
export function paintPoints(
	paint: PlanePaint,
	train: readonly DataPoint[],
	test: readonly DataPoint[]
): void {
	const { ctx, size, tokens, problem } = paint;
	const r = Math.max(3.5, size / 110);
	// Regression targets near 0 are pale: they get a dark outline instead of a white one.
	const outline = problem === 'regression' ? tokens.fg : '#ffffff';
	ctx.globalAlpha = 1;
	for (const p of test) {
		// Hollow: a halo, then the class colour.
		marker(paint, p, r);
		ctx.strokeStyle = outline;
		ctx.globalAlpha = problem === 'regression' ? 0.6 : 1;
		ctx.lineWidth = 4.5;
		ctx.stroke();
		ctx.globalAlpha = 1;
		ctx.strokeStyle = pointColor(p, paint);
		ctx.lineWidth = 2.25;
		ctx.stroke();
	}
	ctx.lineWidth = 1.25;
	ctx.strokeStyle = outline;
	for (const p of train) {
		marker(paint, p, r);
		ctx.fillStyle = pointColor(p, paint);
		ctx.fill();
		ctx.stroke();
	}
}

/** The keyboard's cross-hair, ringed in the colour of the class Enter would add. */
export function paintCursor(
	{ ctx, size, tokens, colors, problem }: PlanePaint,
	cursor: { x1: number; x2: number },
	addClass: number
): void {
	const { x, y } = toPixels(cursor.x1, cursor.x2, size);
	const arm = Math.max(10, size / 40);
	ctx.lineWidth = 4;
	ctx.strokeStyle = tokens.surface;
	ctx.beginPath();
	ctx.moveTo(x - arm, y);
	ctx.lineTo(x + arm, y);
	ctx.moveTo(x, y - arm);
	ctx.lineTo(x, y + arm);
	ctx.stroke();
	ctx.lineWidth = 2;
	ctx.strokeStyle = tokens.fg;
	ctx.stroke();
	ctx.beginPath();
	ctx.arc(x, y, arm * 0.6, 0, Math.PI * 2);
	ctx.strokeStyle =
		problem === 'classification'
			? hex(colors.classes[addClass % colors.classes.length])
			: tokens.fg;
	ctx.lineWidth = 2.5;
	ctx.stroke();
}
