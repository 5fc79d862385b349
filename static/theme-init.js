// Runs before the first paint so a dark-theme reader never sees a white flash.
(function () {
	var theme = null;
	try {
		theme = localStorage.getItem('tensor-trail-theme');
	} catch {
		// Storage can be blocked; the system preference still applies.
	}
	if (theme !== 'light' && theme !== 'dark') {
		theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
	}
	document.documentElement.dataset.theme = theme;
})();
