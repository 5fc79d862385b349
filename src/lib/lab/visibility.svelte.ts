/** Something that runs while the reader watches: a training session, a camera loop. */
export interface Pausable {
	readonly running: boolean;
	pause(): void;
	resume(): void;
}

/**
 * A hidden tab throttles timers and animation frames: rather than crawl unnoticed, pause openly
 * while hidden and go on when the tab is shown again. `state` says which, for a notice:
 * 'paused' while hidden, 'resumed' after coming back, null once dismissed or never needed.
 * Call during component set-up; `target` may be null until the lab has its worker.
 */
export class HiddenPause {
	state = $state<'paused' | 'resumed' | null>(null);

	constructor(target: () => Pausable | null) {
		$effect(() => {
			const watched = target();
			if (!watched) return;
			const onVisibility = () => {
				if (document.hidden && watched.running) {
					watched.pause();
					this.state = 'paused';
				} else if (!document.hidden && this.state === 'paused') {
					this.state = 'resumed';
					if (!watched.running) watched.resume();
				}
			};
			document.addEventListener('visibilitychange', onVisibility);
			return () => document.removeEventListener('visibilitychange', onVisibility);
		});
	}

	dismiss(): void {
		this.state = null;
	}

	/** Forget a pause (the reader stopped the thing themselves while the tab was hidden). */
	forget(): void {
		if (this.state === 'paused') this.state = null;
	}
}
