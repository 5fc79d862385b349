import { expect, test } from './fixtures';

test('pages and workers run under the Content-Security-Policy; an injected inline script does not run', async ({
	page,
	consoleErrors
}) => {
	const response = await page.goto('/lessons/perceptron/');
	const header = response!.headers()['content-security-policy'];
	expect(header).toContain("script-src 'self' 'unsafe-inline'");
	expect(header).toContain("frame-ancestors 'none'");
	const meta = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content');
	// The meta tag lists the hash of SvelteKit's one inline script: no other inline script runs.
	const metaScripts = meta!.split(';').find((d) => d.trim().startsWith('script-src'));
	expect(metaScripts).toMatch(/^ ?script-src 'self'( 'sha256-[^']+')+$/);
	for (const policy of [header, meta!]) {
		expect(policy).not.toContain('unsafe-eval');
		expect(policy).toContain("object-src 'none'");
	}

	const outcome = await page.evaluate(
		() =>
			new Promise<{ ran: boolean; blocked: string }>((resolve) => {
				document.addEventListener('securitypolicyviolation', (event) =>
					resolve({
						ran: 'injected' in window,
						blocked: event.violatedDirective
					})
				);
				const script = document.createElement('script');
				script.textContent = 'window.injected = true';
				document.body.append(script);
			})
	);
	expect(outcome).toEqual({ ran: false, blocked: 'script-src-elem' });
	// The browser reports the refusal on the console: expected here, and only here.
	const refusal = consoleErrors.findIndex((text) => text.includes('Content Security Policy'));
	expect(refusal).toBeGreaterThanOrEqual(0);
	consoleErrors.splice(refusal, 1);
	// The lesson's worker started under the policy and trains.
	await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgpu');
	await expect(page.getByTestId('train')).toBeEnabled();
});
