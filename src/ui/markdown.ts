// Policy Markdown to safe HTML. The text comes from a SharePoint list that an
// admin edits, so it is untrusted: marked renders it, DOMPurify removes
// scripts, inline handlers and javascript: URLs before it reaches the DOM.
// Heading ids come from the same slugger as splitSections, so the table of
// contents, the "what changed" view and deep links agree.
import { Marked, type Tokens } from 'marked';
import DOMPurify from 'dompurify';
import { createSlugger } from '../policy/index';

export interface TocEntry {
  readonly id: string;
  readonly text: string;
  readonly depth: number;
}

export interface RenderedPolicy {
  /** Sanitised HTML, safe for dangerouslySetInnerHTML. */
  readonly html: string;
  /** The title and section headings (`#`, `##`) in reading order. */
  readonly toc: readonly TocEntry[];
}

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function sanitiseHtml(html: string): string {
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'button'] });
}

export function renderPolicyMarkdown(markdown: string): RenderedPolicy {
  const slug = createSlugger();
  const toc: TocEntry[] = [];
  const marked = new Marked({
    gfm: true,
    async: false,
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Heading): string {
        const id = slug(token.text);
        if (token.depth <= 2) toc.push({ id, text: token.text, depth: token.depth });
        return `<h${token.depth} id="${escapeAttr(id)}" tabindex="-1">${this.parser.parseInline(token.tokens)}</h${token.depth}>\n`;
      },
    },
  });
  const raw = marked.parse(markdown, { async: false });
  // TOC text is plain text taken from the heading source, so strip any markup from it too.
  const plainToc = toc.map((e) => ({ ...e, text: e.text.replace(/<[^>]*>/g, '').replace(/[*_`]/g, '') }));
  return { html: sanitiseHtml(raw), toc: plainToc };
}
