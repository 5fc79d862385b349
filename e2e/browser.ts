import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium where there is one (CI, this project's machines); Playwright's own otherwise. */
export function systemChromium(): string | undefined {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	return candidates.find((path): path is string => !!path && existsSync(path));
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

export function chromiumLaunchOptions(extraArgs: string[] = []): LaunchOptions {
	return { executablePath: systemChromium(), args: [...chromiumArgs, ...extraArgs] };
}
