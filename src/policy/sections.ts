// Policy Markdown by section, and the section-by-section "what changed"
// between two versions. Apart from ./index because marked's lexer and diff are
// only needed when the policy is rendered or compared, both loaded lazily by
// the Teams tab. Pure, like ./index.
import { Lexer } from 'marked';
import { diffArrays } from 'diff';
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

export type TextChange =
  | { readonly kind: 'same' | 'added' | 'removed'; readonly text: string }
  /** Words taken out and others put in their place, read as one change ("6.00 pm" to "5.30 pm"). */
  | { readonly kind: 'replaced'; readonly removed: string; readonly added: string };

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
        out.push({ status: 'changed', section, previous, changes: diffText(previous.body, section.body) });
      }
    }
  }
  return out;
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const ORDINAL = '(?:st|nd|rd|th)?';
/**
 * The units a reader sees as one thing, longest first: a time ("6.00 pm",
 * "8am", "18:00"), a date ("1 September 2026", "01/09/2026"), an amount of
 * money ("£1,250.00"), a number ("2.5%"), an abbreviation ("e.g.", "U.K."), a
 * word (with its apostrophes and hyphens), a run of spaces, or one other
 * character. A word diff splits "6.00" at the dot, so "6.00 pm" to "5.30 pm"
 * read as "65.0030 pm", struck and inserted in fragments (issue 14).
 */
const TOKEN = new RegExp([
  String.raw`\d{1,2}(?:[.:]\d{2})?\s?(?:[ap]\.m\.|[ap]m\b)`,
  String.raw`\d{1,2}:\d{2}(?::\d{2})?`,
  String.raw`\d{1,2}${ORDINAL}\s${MONTH}\b(?:,?\s\d{4})?`,
  String.raw`${MONTH}\s\d{1,2}${ORDINAL}\b(?:,?\s\d{4})?`,
  String.raw`\d{4}-\d{2}-\d{2}`,
  String.raw`\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}`,
  String.raw`[£$€]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn|million|billion)\b)?`,
  String.raw`\d[\d,]*(?:\.\d+)?(?:%|p\b)?`,
  String.raw`(?:\p{L}\.){2,}`,
  String.raw`[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*`,
  String.raw`\s+`,
  String.raw`.`,
].join('|'), 'gisu');

/** The text as the reader's units (see TOKEN); joined back they give the text exactly. */
export function tokenise(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const isSpace = (s: string): boolean => /^\s+$/.test(s);

/** The white space both strings begin (or end) with. */
function commonEdge(a: string, b: string, edge: 'start' | 'end'): string {
  const pick = (s: string): string => (edge === 'start' ? /^\s*/ : /\s*$/).exec(s)![0];
  const [x, y] = [pick(a), pick(b)];
  let n = 0;
  while (n < x.length && n < y.length && (edge === 'start' ? x[n] === y[n] : x[x.length - 1 - n] === y[y.length - 1 - n])) n++;
  return edge === 'start' ? x.slice(0, n) : x.slice(x.length - n);
}

/**
 * Diffs two texts by reader's units. Changes separated only by spaces read as
 * one, and a removal next to an addition is one replacement, so a screen
 * reader says "changed from 6.00 pm to 5.30 pm" instead of reading fragments.
 */
export function diffText(before: string, after: string): TextChange[] {
  type Run = { kind: 'same' | 'added' | 'removed'; text: string };
  const runs: Run[] = diffArrays(tokenise(before), tokenise(after)).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value.join(''),
  }));
  const out: TextChange[] = [];
  let pending: { removed: string; added: string } | null = null;
  const same = (text: string): void => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last?.kind === 'same') out[out.length - 1] = { kind: 'same', text: last.text + text };
    else out.push({ kind: 'same', text });
  };
  const flush = (): void => {
    if (!pending) return;
    const { removed, added } = pending;
    pending = null;
    if (removed && added) {
      // Spaces both sides start or end with are not part of the change.
      const lead = commonEdge(removed, added, 'start');
      const trail = commonEdge(removed.slice(lead.length), added.slice(lead.length), 'end');
      const r = removed.slice(lead.length, removed.length - trail.length);
      const a = added.slice(lead.length, added.length - trail.length);
      same(lead);
      if (r && a) out.push({ kind: 'replaced', removed: r, added: a });
      else if (r || a) out.push(r ? { kind: 'removed', text: r } : { kind: 'added', text: a });
      same(trail);
    } else if (removed) out.push({ kind: 'removed', text: removed });
    else if (added) out.push({ kind: 'added', text: added });
  };
  runs.forEach((run, i) => {
    if (run.kind === 'same') {
      // Spaces between two changes belong to both sides of one change.
      const next = runs[i + 1];
      if (pending && isSpace(run.text) && next && next.kind !== 'same') {
        pending.removed += run.text;
        pending.added += run.text;
        return;
      }
      flush();
      same(run.text);
      return;
    }
    pending ??= { removed: '', added: '' };
    pending[run.kind] += run.text;
  });
  flush();
  return out;
}
