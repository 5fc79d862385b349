import { onDestroy } from 'svelte';

/**
 * A canvas's redraw, at most once per animation frame however often it is asked for; cancelled
 * when the component goes. Call during component set-up; call the result to ask for a redraw.
 */
export function redrawOncePerFrame(draw: () => void): () => void {
	let frame = 0;
	// Server rendering has no animation frames; a frame is only ever asked for in the browser.
	onDestroy(() => {
		if (frame) cancelAnimationFrame(frame);
	});
	return () => {
		if (frame) return;
		frame = requestAnimationFrame(() => {
			frame = 0;
			draw();
		});
	};
}
