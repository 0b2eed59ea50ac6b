// The policy as data: the versions we ship, the statements staff sign, the
// text's fingerprint and the section-by-section "what changed". Pure: used by
// the Teams tab, the emulator's seed, provisioning and the admin view alike,
// so it imports no host, DOM or network module (lint enforces it).
import { Lexer } from 'marked';
import { diffArrays, diffWords } from 'diff';
import { sha256Hex } from '../compose-check/hash.js';

export interface PolicyMeta {
  /** `YYYY-MM` of the version, e.g. `2020-04`; the key of every acknowledgement. */
  readonly versionLabel: string;
  readonly title: string;
  /** ISO date (`YYYY-MM-DD`) the version took effect. */
  readonly effectiveDate: string;
}

/** Versions shipped in `assets/policy/<versionLabel>.md`, newest first. */
export const POLICY_VERSIONS = [
  {
    versionLabel: '2020-04',
    title: 'ICT, Technology and Social Media Acceptable Use Policy for All Permanent and Temporary Staff',
    effectiveDate: '2020-04-01',
  },
] as const satisfies readonly PolicyMeta[];

export const CURRENT_POLICY_META: PolicyMeta = POLICY_VERSIONS[0];

/** Where a shipped version's Markdown lives, relative to the project root. */
export function policyAssetPath(versionLabel: string): string {
  return `assets/policy/${versionLabel}.md`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** `2020-04` → `April 2020`, as the paper form names versions; other labels are shown as they are. */
export function versionName(versionLabel: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(versionLabel);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${m[1]}` : versionLabel;
}

/**
 * The first tick box, naming the version actually being signed. The paper's
 * statement writes "for all" where the heading says "for All"; we follow the
 * paper so April 2020 reads word for word as staff signed it before.
 */
export function acceptStatement(policy: Pick<PolicyMeta, 'title' | 'versionLabel'>): string {
  const title = policy.title.replace(/ for All /, ' for all ');
  return `I have read and accept the terms of the: ${title} (${versionName(policy.versionLabel)} version)`;
}

/** The second tick box, the same for every version. */
export const BREACH_STATEMENT = 'I understand the implications of any breach of this policy as outlined above.';

export interface AckStatements {
  readonly accept: string;
  readonly breach: string;
}

export function ackStatements(policy: Pick<PolicyMeta, 'title' | 'versionLabel'>): AckStatements {
  return { accept: acceptStatement(policy), breach: BREACH_STATEMENT };
}

/** The two statements of the current paper form (April 2020). */
export const ACK_STATEMENTS: AckStatements = ackStatements(CURRENT_POLICY_META);

/** SHA-256 (lower-case hex) of the policy text exactly as stored, UTF-8 encoded. Synchronous so it runs anywhere. */
export function policyHash(text: string): string {
  return sha256Hex(text);
}

/**
 * Heading anchors: lower-case words joined by hyphens, repeats numbered
 * (`x`, `x-2`). One slugger per document, fed every heading in order, so the
 * renderer and the table of contents agree on every id.
 */
export function createSlugger(): (heading: string) => string {
  const seen = new Map<string, number>();
  return (heading) => {
    const base = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s-]/gu, '')
      .trim()
      .replace(/[\s-]+/g, '-') || 'section';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
}

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
