// Makes sure Playwright has a Chromium to drive: the system's (Debian's /usr/bin/chromium, or
// CHROMIUM_PATH) when there is one, otherwise Playwright's own, downloaded once.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const system = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
	(path) => path && existsSync(path)
);

if (system) {
	console.log(`e2e: using the system Chromium at ${system}`);
} else {
	console.log('e2e: no system Chromium found; installing Playwright’s own Chromium');
	execSync('npx playwright install chromium', { stdio: 'inherit' });
}
