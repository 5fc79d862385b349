/**
 * Keyboard shortcuts for presenters. Each live model on a page has a scope; the keys go to the
 * scope the reader last touched (pointer or focus), or to the first one on the page.
 */
type Handler = () => void;

const scopes: ShortcutScope[] = [];
let active: ShortcutScope | null = null;
let listening = false;

/** Keys typed into a field belong to the field. */
function isTextEntry(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	if (target.isContentEditable) return true;
	if (target instanceof HTMLInputElement)
		return !['button', 'submit', 'reset'].includes(target.type);
	return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function keyName(event: KeyboardEvent): string {
	return event.key === ' ' ? 'Space' : event.key.length === 1 ? event.key.toLowerCase() : event.key;
}

function onKeydown(event: KeyboardEvent): void {
	if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
	if (isTextEntry(event.target)) return;
	const handler = (active ?? scopes[0])?.handlerFor(keyName(event));
	if (!handler) return;
	// Also stops Space from clicking whichever button happens to have focus.
	event.preventDefault();
	handler();
}

export class ShortcutScope {
	#handlers = new Map<string, Handler>();

	/** Registers the scope; call on mount (never during server rendering). */
	attach(root: HTMLElement): () => void {
		scopes.push(this);
		if (!listening) {
			window.addEventListener('keydown', onKeydown);
			listening = true;
		}
		// eslint-disable-next-line @typescript-eslint/no-this-alias -- the module tracks the active scope
		const activate = () => (active = this);
		root.addEventListener('pointerdown', activate);
		root.addEventListener('focusin', activate);
		return () => {
			root.removeEventListener('pointerdown', activate);
			root.removeEventListener('focusin', activate);
			scopes.splice(scopes.indexOf(this), 1);
			if (active === this) active = null;
		};
	}

	/** `key` is 'Space', 'ArrowRight', 'Escape' or a lower-case letter. */
	on(key: string, handler: Handler): () => void {
		this.#handlers.set(key, handler);
		return () => this.#handlers.delete(key);
	}

	handlerFor(key: string): Handler | undefined {
		return this.#handlers.get(key);
	}
}

export const shortcutScopeKey = Symbol('shortcut-scope');
