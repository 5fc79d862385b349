export type Theme = 'light' | 'dark';

const storageKey = 'tensor-trail-theme';

/** The colour theme; static/theme-init.js has already applied the stored one before first paint. */
class ThemeState {
	current = $state<Theme>('light');

	/** Reads what theme-init.js chose; call once on the client. */
	sync(): void {
		this.current = document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
	}

	toggle(): void {
		this.current = this.current === 'dark' ? 'light' : 'dark';
		document.documentElement.dataset.theme = this.current;
		try {
			localStorage.setItem(storageKey, this.current);
		} catch {
			// Private mode can refuse storage; the choice then lasts for this page only.
		}
	}
}

export const theme = new ThemeState();
