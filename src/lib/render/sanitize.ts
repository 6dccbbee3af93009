/**
 * The one gate between bank HTML and the page. Bank content (bundled or imported) is
 * untrusted: DOMPurify removes scripts, event handlers and javascript: URLs, and links are
 * made to open safely in a new tab.
 */
import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';

let purifier: Purifier | null = null;

function instance(win: Window & typeof globalThis): Purifier {
	if (purifier) return purifier;
	const p = DOMPurify(win);
	p.addHook('afterSanitizeAttributes', (node) => {
		if (node.tagName === 'A' && node.getAttribute('href')) {
			node.setAttribute('target', '_blank');
			node.setAttribute('rel', 'noopener noreferrer');
		}
	});
	// An empty header cell (the corner of a Markdown comparison table) is not a header: render it
	// as a data cell so assistive technology does not announce an unnamed header.
	p.addHook('afterSanitizeElements', (node) => {
		if (node.nodeName === 'TH' && !node.textContent?.trim()) {
			const td = node.ownerDocument!.createElement('td');
			while (node.firstChild) td.appendChild(node.firstChild);
			node.parentNode?.replaceChild(td, node);
		}
	});
	purifier = p;
	return p;
}

/** Sanitized HTML, or '' where there is no DOM (prerendering), since bank content is client-only. */
export function sanitizeHtml(html: string): string {
	return sanitizeWith(typeof window === 'undefined' ? undefined : window, html);
}

export function sanitizeWith(win: (Window & typeof globalThis) | undefined, html: string): string {
	if (!win || !html) return '';
	return instance(win).sanitize(html, {
		USE_PROFILES: { html: true },
		FORBID_TAGS: [
			'style',
			'form',
			'input',
			'button',
			'textarea',
			'select',
			'iframe',
			'object',
			'embed'
		],
		FORBID_ATTR: ['style']
	});
}
