// Every page is prerendered to static HTML; data comes from IndexedDB in the browser.
export const prerender = true;
export const trailingSlash = 'never';
