/**
 * Markdown to HTML for bank content, through one private marked instance (GFM). The HTML is
 * NOT trusted: it is sanitized with DOMPurify where it is displayed (src/lib/render).
 */
import { Marked, type Token, type TokensList } from 'marked';

const md = new Marked({ gfm: true, breaks: false, async: false });

export function lex(markdown: string): TokensList {
	return md.lexer(markdown);
}

export function renderMarkdown(markdown: string): string {
	return (md.parse(markdown) as string).trim();
}

export function renderTokens(tokens: Token[]): string {
	const list = Object.assign([...tokens], { links: {} }) as TokensList;
	return (md.parser(list) as string).trim();
}

export function renderInline(markdown: string): string {
	return (md.parseInline(markdown) as string).trim();
}

/** Plain text of rendered HTML, for search and length comparisons. */
export function htmlToText(html: string): string {
	return html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
}
