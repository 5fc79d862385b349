import {
	kernelPresets,
	presetKernel,
	type Kernel,
	type KernelPreset,
	type Padding
} from '$lib/engine/vision/conv-math';

export const inputSources = ['digit', 'photo', 'draw', 'webcam'] as const;
export type InputSource = (typeof inputSources)[number];
export const poolTypes = ['none', 'max', 'avg'] as const;
export type PoolChoice = (typeof poolTypes)[number];

/** Everything that defines a convolution-lab view; all of it lives in the URL. */
export interface ConvSettings {
	source: InputSource;
	/** Index into the MNIST test subset. */
	digit: number;
	preset: KernelPreset | 'custom';
	size: 3 | 5;
	/** The kernel's numbers when preset is 'custom'. */
	custom: number[];
	padding: Padding;
	stride: number;
	pool: PoolChoice;
	poolSize: number;
	poolStride: number;
}

export const defaultSettings: ConvSettings = {
	source: 'digit',
	digit: 0,
	preset: 'sobel-x',
	size: 3,
	custom: presetKernel('sobel-x', 3).values,
	padding: 'valid',
	stride: 1,
	pool: 'max',
	poolSize: 2,
	poolStride: 2
};

const oneOf = <T extends string | number>(
	options: readonly T[],
	value: T | undefined,
	fallback: T
): T => (value !== undefined && options.includes(value) ? value : fallback);

function integer(value: string | null): number | undefined {
	const n = Number(value);
	return value !== null && value !== '' && Number.isInteger(n) ? n : undefined;
}

export function kernelOf(settings: ConvSettings): Kernel {
	return settings.preset === 'custom'
		? { size: settings.size, values: [...settings.custom] }
		: presetKernel(settings.preset, settings.size);
}

export function parseSettings(params: URLSearchParams): ConvSettings {
	const size = oneOf([3, 5] as const, integer(params.get('size')) as 3 | 5, defaultSettings.size);
	const preset = oneOf<KernelPreset | 'custom'>(
		[...kernelPresets, 'custom'],
		(params.get('kernel') ?? undefined) as KernelPreset | undefined,
		defaultSettings.preset
	);
	const weights = (params.get('w') ?? '').split(',').map(Number);
	const customOk =
		weights.length === size * size &&
		weights.every((w) => Number.isFinite(w) && Math.abs(w) <= 100);
	const digit = integer(params.get('digit'));
	return {
		source: oneOf(
			inputSources,
			(params.get('src') ?? undefined) as InputSource,
			defaultSettings.source
		),
		digit: digit !== undefined && digit >= 0 && digit < 100_000 ? digit : defaultSettings.digit,
		preset: preset === 'custom' && !customOk ? defaultSettings.preset : preset,
		size,
		custom: customOk
			? weights
			: presetKernel(preset === 'custom' ? 'identity' : preset, size).values,
		padding: oneOf(
			['valid', 'same'] as const,
			(params.get('pad') ?? undefined) as Padding,
			defaultSettings.padding
		),
		stride: oneOf([1, 2, 3], integer(params.get('stride')), defaultSettings.stride),
		pool: oneOf(poolTypes, (params.get('pool') ?? undefined) as PoolChoice, defaultSettings.pool),
		poolSize: oneOf([2, 3], integer(params.get('psize')), defaultSettings.poolSize),
		poolStride: oneOf([1, 2, 3], integer(params.get('pstride')), defaultSettings.poolStride)
	};
}

export function settingsToQuery(
	settings: ConvSettings,
	extra: Record<string, string> = {}
): string {
	const params = new URLSearchParams({
		src: settings.source,
		digit: String(settings.digit),
		kernel: settings.preset,
		size: String(settings.size),
		pad: settings.padding,
		stride: String(settings.stride),
		pool: settings.pool,
		psize: String(settings.poolSize),
		pstride: String(settings.poolStride)
	});
	if (settings.preset === 'custom')
		params.set('w', settings.custom.map((w) => +w.toFixed(4)).join(','));
	for (const [key, value] of Object.entries(extra)) params.set(key, value);
	return params.toString().replaceAll('%2C', ',');
}
