import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/browser.js';

// E2E_PORT lets several checkouts on one machine run their own preview side by side.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'e2e',
	// SwiftShader runs WebGPU on the CPU: shader compilation alone takes seconds.
	timeout: 180_000,
	expect: { timeout: 60_000 },
	// Two cores: one browser at a time keeps the GPU emulation from starving.
	workers: 1,
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	// The e2e tests assert on timing (no main-thread task over 50 ms) on a 2-core machine that
	// emulates the GPU on the same cores: in CI a test gets one retry, reported as flaky.
	retries: process.env.CI ? 1 : 0,
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		launchOptions: chromiumLaunchOptions(),
		trace: 'retain-on-failure'
	},
	webServer: {
		command: `npx vite preview --host localhost --port ${port} --strictPort`,
		url: `http://localhost:${port}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
