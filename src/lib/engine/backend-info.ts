/** Backend names and what the page is told about them: no tfjs here, so the page can import it. */
export const backendNames = ['webgpu', 'webgl', 'cpu', 'wasm'] as const;
export type BackendName = (typeof backendNames)[number];

/** Why a backend was not used. The UI turns the code into a sentence in the reader's language. */
export type FallbackCode =
	| 'no-webgpu-api'
	| 'no-adapter'
	| 'init-failed'
	| 'self-test-failed'
	| 'not-bundled'
	| 'device-lost';

export interface FallbackReason {
	backend: BackendName;
	code: FallbackCode;
	/** The browser's or tfjs's own words, for the curious; not translated. */
	detail: string;
}

export interface AdapterSummary {
	vendor: string;
	architecture: string;
	device: string;
	description: string;
}

export interface BackendInfo {
	name: BackendName;
	/** What `?backend=` asked for, if anything. */
	requested: BackendName | null;
	/** Backends tried before this one, in order, each with the reason it was passed over. */
	fallbacks: FallbackReason[];
	adapter: AdapterSummary | null;
}

export function parseBackendName(value: string | null | undefined): BackendName | null {
	const lower = value?.trim().toLowerCase();
	return backendNames.find((name) => name === lower) ?? null;
}
