// Policy Markdown by section, and the section-by-section "what changed"
// between two versions. Apart from ./index because marked's lexer and diff are
// only needed when the policy is rendered or compared, both loaded lazily by
// the Teams tab. Pure, like ./index.
import { Lexer } from 'marked';
import { diffArrays, diffWords } from 'diff';
import { createSlugger } from './index';

export interface PolicySection {
  /** Stable anchor of the heading; `preamble` for text before any heading. */
  readonly id: string;
  /** Heading text as written; empty for the preamble. */
  readonly heading: string;
  /** 1 for the title, 2 for a section, 0 for the preamble. */
  readonly depth: 0 | 1 | 2;
  /** The Markdown under the heading, up to the next title or section heading, trimmed. */
  readonly body: string;
}

/** Splits policy Markdown at its `#` and `##` headings (deeper headings stay in their section's body). */
export function splitSections(markdown: string): PolicySection[] {
  const slug = createSlugger();
  const sections: PolicySection[] = [];
  let current: { id: string; heading: string; depth: 0 | 1 | 2; body: string } = { id: 'preamble', heading: '', depth: 0, body: '' };
  const push = (): void => {
    const body = current.body.trim();
    if (current.depth !== 0 || body !== '') sections.push({ ...current, body });
  };
  for (const token of Lexer.lex(markdown)) {
    if (token.type === 'heading') {
      const id = slug(String(token.text));
      const depth = Number(token.depth);
      if (depth === 1 || depth === 2) {
        push();
        current = { id, heading: String(token.text), depth, body: '' };
        continue;
      }
    }
    current.body += token.raw;
  }
  push();
  return sections;
}

export type TextChange = { readonly kind: 'same' | 'added' | 'removed'; readonly text: string };

export type SectionDiff =
  | { readonly status: 'unchanged'; readonly section: PolicySection }
  | { readonly status: 'added'; readonly section: PolicySection }
  | { readonly status: 'removed'; readonly section: PolicySection }
  | { readonly status: 'changed'; readonly section: PolicySection; readonly previous: PolicySection; readonly changes: readonly TextChange[] };

/**
 * What changed between two versions, section by section in reading order.
 * Sections are matched by anchor, so a renamed heading reads as one section
 * removed and another added; within a matched section the words are diffed.
 */
export function diffSections(oldMarkdown: string, newMarkdown: string): SectionDiff[] {
  const before = splitSections(oldMarkdown);
  const after = splitSections(newMarkdown);
  const beforeById = new Map(before.map((s) => [s.id, s]));
  const afterById = new Map(after.map((s) => [s.id, s]));
  const out: SectionDiff[] = [];
  for (const run of diffArrays(before.map((s) => s.id), after.map((s) => s.id))) {
    for (const id of run.value) {
      if (run.removed) {
        out.push({ status: 'removed', section: beforeById.get(id)! });
        continue;
      }
      const section = afterById.get(id)!;
      if (run.added) {
        out.push({ status: 'added', section });
        continue;
      }
      const previous = beforeById.get(id)!;
      if (previous.body === section.body && previous.heading === section.heading) {
        out.push({ status: 'unchanged', section });
      } else {
        const changes = diffWords(previous.body, section.body).map((c): TextChange => ({
          kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
          text: c.value,
        }));
        out.push({ status: 'changed', section, previous, changes });
      }
    }
  }
  return out;
}
