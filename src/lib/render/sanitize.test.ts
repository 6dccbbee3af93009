// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../bank/markdown';
import { sanitizeHtml, sanitizeWith } from './sanitize';

/** Parses sanitized output and lists anything that could run code. */
function activeContent(html: string): string[] {
	const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
	const found: string[] = [];
	for (const el of doc.body.querySelectorAll('*')) {
		const tag = el.tagName.toLowerCase();
		if (['script', 'iframe', 'object', 'embed', 'style', 'form'].includes(tag))
			found.push(`<${tag}>`);
		for (const attr of el.attributes) {
			if (attr.name.startsWith('on')) found.push(`${tag}[${attr.name}]`);
			if (
				/^\s*(javascript|vbscript|data):/i.test(attr.value) &&
				['href', 'src', 'xlink:href', 'action'].includes(attr.name)
			) {
				found.push(`${tag}[${attr.name}=${attr.value}]`);
			}
		}
	}
	return found;
}

describe('sanitizeHtml on Markdown from a bank', () => {
	const attacks = [
		'<script>alert(1)</script>**ok**',
		'text <script>alert(1)</script>',
		'<img src=x onerror="alert(1)">',
		'[click](javascript:alert(1))',
		'<a href="JaVaScRiPt:alert(1)">x</a>',
		'<a href="  javascript:alert(1)">x</a>',
		'<iframe src="https://example.com"></iframe>',
		'<div onclick="steal()">text</div>',
		'<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">x</a></svg>',
		'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
		'![x](javascript:alert(1))',
		'<form action="javascript:alert(1)"><button>go</button></form>'
	];
	it.each(attacks)('leaves no active content in %s', (md) => {
		const raw = renderMarkdown(md);
		const clean = sanitizeHtml(raw);
		expect(activeContent(clean)).toEqual([]);
	});

	it('detects active content in unsanitized output (the check can fail)', () => {
		expect(activeContent(renderMarkdown('<img src=x onerror="alert(1)">'))).toEqual([
			'img[onerror]'
		]);
	});

	it('keeps ordinary formatting and makes links open safely', () => {
		const html = sanitizeHtml(
			renderMarkdown('See [the docs](https://docs.aws.amazon.com/), **bold** and `code`.')
		);
		const doc = new DOMParser().parseFromString(html, 'text/html');
		const a = doc.querySelector('a')!;
		expect(a.getAttribute('href')).toBe('https://docs.aws.amazon.com/');
		expect(a.getAttribute('target')).toBe('_blank');
		expect(a.getAttribute('rel')).toBe('noopener noreferrer');
		expect(doc.querySelector('strong')?.textContent).toBe('bold');
		expect(doc.querySelector('code')?.textContent).toBe('code');
	});

	it('renders the empty corner of a comparison table as a data cell, not an unnamed header', () => {
		const html = sanitizeHtml(renderMarkdown('| | Cost |\n|---|---|\n| S3 | low |'));
		const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
		expect([...doc.querySelectorAll('thead tr > *')].map((c) => c.tagName)).toEqual(['TD', 'TH']);
	});

	it('returns nothing without a DOM (prerendering)', () => {
		expect(sanitizeWith(undefined, '<p>x</p>')).toBe('');
	});
});
