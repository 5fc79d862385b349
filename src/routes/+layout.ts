// A static site: every page is rendered at build time and served as path/index.html.
export const prerender = true;
export const trailingSlash = 'always';
