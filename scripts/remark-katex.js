// Renders the `math` and `inlineMath` nodes of remark-math with KaTeX at build time.
// The HTML is handed to Svelte through {@html "..."} so that KaTeX's braces are not
// read as Svelte expressions; a TeX error fails the build instead of shipping red text.
import katex from 'katex';

/** @param {string} tex @param {boolean} displayMode */
function render(tex, displayMode) {
	const html = katex.renderToString(tex, { displayMode, throwOnError: true, strict: 'error' });
	const expression = `{@html ${JSON.stringify(html)}}`;
	return displayMode ? `<div class="math-display">${expression}</div>` : expression;
}

/** @typedef {{ type: string, value?: string, data?: unknown, children?: MdastNode[] }} MdastNode */

/** @param {MdastNode} node */
function renderMathNodes(node) {
	if ((node.type === 'math' || node.type === 'inlineMath') && node.value !== undefined) {
		node.value = render(node.value, node.type === 'math');
		node.type = 'html';
		delete node.data;
	}
	node.children?.forEach(renderMathNodes);
}

export function remarkKatex() {
	return renderMathNodes;
}
