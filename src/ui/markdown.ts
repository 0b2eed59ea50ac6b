// Policy Markdown to safe HTML. The text comes from a SharePoint list that an
// admin edits, so it is untrusted: marked renders it, DOMPurify removes
// scripts, inline handlers and javascript: URLs before it reaches the DOM.
// It also removes styles, classes, ids and images (issue #10): with those a
// policy could draw a fake sign-in box over the tab, a phishing page inside
// Teams. Heading ids come from the same slugger as splitSections, so the table
// of contents, the "what changed" view and deep links agree; they are set
// after sanitising, on the headings marked for this render only.
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

/** Tags a policy never needs: styling, forms, media and anything that embeds another document. */
const FORBIDDEN_TAGS = ['style', 'link', 'form', 'input', 'button', 'textarea', 'select', 'img', 'picture', 'source', 'svg', 'math',
  'video', 'audio', 'iframe', 'frame', 'object', 'embed', 'canvas'];
/** The attribute our own heading renderer marks headings with; anything else carrying it loses it. */
const HEADING_MARK = 'data-aup-heading';

/**
 * Sanitises rendered policy HTML. `headingIds` maps this render's heading
 * marks to the ids they get; no other element keeps or gains an id.
 */
export function sanitiseHtml(html: string, headingIds: ReadonlyMap<string, string> = new Map()): string {
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    const mark = node.getAttribute(HEADING_MARK);
    if (mark === null) return;
    node.removeAttribute(HEADING_MARK);
    const id = headingIds.get(mark);
    if (id !== undefined && /^H[1-6]$/.test(node.nodeName)) node.setAttribute('id', id);
  });
  try {
    return DOMPurify.sanitize(html, {
      USE_PROFILES: { html: true },
      FORBID_TAGS: FORBIDDEN_TAGS,
      FORBID_ATTR: ['style', 'class', 'id'],
      ALLOW_DATA_ATTR: false,
      ADD_ATTR: [HEADING_MARK],
    });
  } finally {
    DOMPurify.removeHook('afterSanitizeAttributes');
  }
}

/** A mark nobody writing the policy can guess, so a forged one in raw HTML gives no id. */
function renderNonce(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function renderPolicyMarkdown(markdown: string): RenderedPolicy {
  const slug = createSlugger();
  const toc: TocEntry[] = [];
  const nonce = renderNonce();
  const headingIds = new Map<string, string>();
  const marked = new Marked({
    gfm: true,
    async: false,
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Heading): string {
        const id = slug(token.text);
        if (token.depth <= 2) toc.push({ id, text: token.text, depth: token.depth });
        const mark = `${nonce}-${headingIds.size}`;
        headingIds.set(mark, id);
        return `<h${token.depth} ${HEADING_MARK}="${mark}" tabindex="-1">${this.parser.parseInline(token.tokens)}</h${token.depth}>\n`;
      },
      // A Markdown image becomes its alt text: pictures could pass for part of the app.
      image(token: Tokens.Image): string {
        return escapeAttr(token.text);
      },
    },
  });
  const raw = marked.parse(markdown, { async: false });
  // TOC text is plain text taken from the heading source, so strip any markup from it too.
  const plainToc = toc.map((e) => ({ ...e, text: e.text.replace(/<[^>]*>/g, '').replace(/[*_`]/g, '') }));
  return { html: sanitiseHtml(raw, headingIds), toc: plainToc };
}
