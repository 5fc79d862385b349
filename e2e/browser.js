import { existsSync } from 'node:fs';

/**
 * Debian's Chromium where there is one (CI, this project's machines); Playwright's own otherwise.
 * @returns {string | undefined}
 */
export function systemChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	return candidates.find((path) => !!path && existsSync(path));
}

/** Flags that make headless Chromium run WebGPU (on SwiftShader when there is no GPU) and stay offline. */
export const chromiumArgs = [
	'--enable-unsafe-webgpu',
	'--no-sandbox',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--disable-background-timer-throttling',
	'--disable-renderer-backgrounding',
	'--disable-backgrounding-occluded-windows'
];

/**
 * @param {string[]} [extraArgs]
 * @returns {import('@playwright/test').LaunchOptions}
 */
export function chromiumLaunchOptions(extraArgs = []) {
	return { executablePath: systemChromium(), args: [...chromiumArgs, ...extraArgs] };
}
