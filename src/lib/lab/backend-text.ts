import type { BackendName, FallbackCode } from '$lib/engine/backend-info';
import { m } from '$lib/paraglide/messages';

export const backendLabel: Record<BackendName, string> = {
	webgpu: 'WebGPU',
	webgl: 'WebGL',
	cpu: 'CPU',
	wasm: 'WASM'
};

/** The reader's-language sentence for why a backend was passed over. */
export const fallbackText: Record<FallbackCode, () => string> = {
	'no-webgpu-api': m.fallback_no_webgpu_api,
	'no-adapter': m.fallback_no_adapter,
	'init-failed': m.fallback_init_failed,
	'self-test-failed': m.fallback_self_test_failed,
	'not-bundled': m.fallback_not_bundled,
	'device-lost': m.fallback_device_lost
};
