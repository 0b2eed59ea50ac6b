// Special-category and safeguarding context: the terms of the vocabulary
// (vocabulary/, each group with its source) found in a text, less the ones
// that are not about a pupil. One walk of one trie over the lower-cased text
// and one over the text as written (acronyms), near the pupils named; the
// precision rules then look only at the few places found:
// - an ambiguous term ("operation", "police", "suspended") needs a supporting
//   word near it, in the same paragraph;
// - a term inside a phrase that is not about anyone ("pupil referral unit",
//   "suspension bridge", "anti-bullying") does not count;
// - a term that is part of an event, campaign, course, document or
//   organisation's name ("Mental Health Awareness Week", "Diabetes UK",
//   "SEND Information Report", "world autism day") does not count;
// - a personal term (health, religious practice) said of someone else ("her
//   mum is in hospital") does not count (subject.ts).
import {
  EVENT_OPENERS, EVENT_PERIODS, KNOWN_TITLES, LOWER_EVENT_WORDS, LOWER_TITLE_HEADS, NOT_CONTEXT, SUPPORT_REACH, TITLE_CONNECTORS,
  TITLE_HEADS, VOCABULARY,
} from './vocabulary/index';
import type { MatchedGroup, Term } from './vocabulary/index';
import { TermTrie, lowerOnly } from './vocabulary-match';
import { saidOfSomeoneElse } from './subject';

/** A context term found in a text: [start, end). */
export interface ContextMatch {
  readonly start: number;
  readonly end: number;
}

/** Tags in the main trie: plain terms, lower-case-only terms, then one per set of ambiguous terms (AMBIGUOUS + k). */
const PLAIN = 0;
const LOWER_ONLY = 1;
const AMBIGUOUS = 2;

interface Matcher {
  readonly terms: TermTrie;
  /** The supporting terms for each set of ambiguous terms, by tag - AMBIGUOUS. */
  readonly support: readonly TermTrie[];
  readonly acronyms: TermTrie;
  readonly notContext: TermTrie;
  readonly knownTitles: TermTrie;
  /** The terms of health and other personal groups (VocabularyGroup.personal): only theirs can be said of someone else (subject.ts). */
  readonly personal: TermTrie;
}

let matcher: Matcher | undefined;

/** Built on first use rather than at load: the send handler pays for it only when a roster pupil is named. */
function getMatcher(): Matcher {
  if (matcher) return matcher;
  const entries: [Term, number][] = [];
  const acronyms: [string, number][] = [];
  const supportSets: (readonly Term[])[] = [];
  const personal: [Term, number][] = [];
  // Typed as the part launchevent.js carries: reading more here would read nothing there.
  const groups: readonly MatchedGroup[] = VOCABULARY;
  for (const group of groups) {
    if (group.category === 'health' || group.personal) {
      for (const term of group.terms) personal.push([term, PLAIN]);
      for (const a of group.ambiguous ?? []) personal.push([a.term, PLAIN]);
    }
    for (const term of group.terms) entries.push([term, lowerOnly(term)[0] ? LOWER_ONLY : PLAIN]);
    for (const a of group.acronyms ?? []) acronyms.push([a, PLAIN]);
    for (const a of group.ambiguous ?? []) {
      let k = supportSets.indexOf(a.near);
      if (k < 0) k = supportSets.push(a.near) - 1;
      entries.push([a.term, AMBIGUOUS + k]);
    }
  }
  const tagged = (terms: readonly string[]): [string, number][] => terms.map((t) => [t, PLAIN]);
  matcher = {
    terms: new TermTrie(entries),
    support: supportSets.map((set) => new TermTrie(tagged(set))),
    acronyms: new TermTrie(acronyms, true),
    notContext: new TermTrie(tagged(NOT_CONTEXT)),
    knownTitles: new TermTrie(tagged(KNOWN_TITLES), true),
    personal: new TermTrie(personal),
  };
  return matcher;
}

/** How far before a term a phrase that covers it may start ("universal infant free school meals"). */
const COVER_REACH = 80;

export interface ContextCandidates {
  /** The terms found, sorted by start, the longest at each start. */
  readonly matches: readonly ContextMatch[];
  /**
   * Whether a found term counts: not inside a phrase about no one, nor part of
   * a title. Asked only of the terms a pupil's name would take, nearest first:
   * a message dense with terms costs one answer per pupil, not one per term.
   */
  counts(match: ContextMatch): boolean;
}

/**
 * Context terms in `text` (`lower` is its lower-cased copy, the same length).
 * With `windows` (sorted, disjoint [from, to) ranges) only terms starting
 * inside them: the detector asks only around the pupils it found, so a 5 MB
 * message naming one pupil is not read end to end.
 */
export function contextCandidates(
  text: string, lower: string, windows: readonly (readonly [number, number])[] = [[0, text.length]], options: ContextOptions = {},
): ContextCandidates {
  const m = getMatcher();
  const terms: ContextMatch[] = [];
  const acronyms: ContextMatch[] = [];
  for (const [from, to] of windows) {
    m.terms.each(lower, from, to, (start, _longest, found) => {
      const end = termEnd(m, text, lower, start, found);
      if (end !== undefined) terms.push({ start, end });
    });
    m.acronyms.each(text, from, to, (start, end) => acronyms.push({ start, end }));
  }
  return {
    matches: merge(terms, acronyms),
    counts: (c) => !coveredByPhrase(m, text, lower, c) && !inTitle(text, lower, c.start, c.end) && !saidOfSomeoneElse(m.personal, text, lower, c, options.readerIsPupil === true),
  };
}

export interface ContextOptions {
  /** The draft is addressed to the pupil: "you" and "your" are the pupil, not someone else. */
  readonly readerIsPupil?: boolean;
}

/** Two lists sorted by start as one; a term in both ("adhd", "ADHD") once, the longer. */
function merge(a: readonly ContextMatch[], b: readonly ContextMatch[]): ContextMatch[] {
  if (b.length === 0) return a as ContextMatch[];
  const out: ContextMatch[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    const next = !y || (x && (x.start < y.start || (x.start === y.start && x.end >= y.end))) ? (i++, x) : (j++, y);
    if (!next) break;
    const last = out[out.length - 1];
    if (last && last.start === next.start) continue;
    out.push(next);
  }
  return out;
}

/** Context terms that count, sorted by start. */
export function findContext(text: string, lower: string, windows?: readonly (readonly [number, number])[]): ContextMatch[] {
  const c = contextCandidates(text, lower, windows);
  return c.matches.filter((match) => c.counts(match));
}

/** True when a phrase about no one ("pupil referral unit") or a charity's name ("Children in Need") covers the term. */
function coveredByPhrase(m: Matcher, text: string, lower: string, c: ContextMatch): boolean {
  const from = Math.max(0, c.start - COVER_REACH);
  return m.notContext.scan(lower, from, c.end).some((hit) => hit.end > c.start)
    || m.knownTitles.scan(text, from, c.end).some((hit) => hit.end > c.start);
}

/** The end of the longest term at `start` whose rule it meets: lower case where required, support where ambiguous. */
function termEnd(m: Matcher, text: string, lower: string, start: number, found: readonly number[]): number | undefined {
  for (let k = 0; k < found.length; k += 2) {
    const end = found[k] ?? 0;
    const tag = found[k + 1] ?? 0;
    if (tag === LOWER_ONLY && !isLowerCase(text.charCodeAt(start))) continue;
    const support = tag >= AMBIGUOUS ? m.support[tag - AMBIGUOUS] : undefined;
    if (support && !supported(support, lower, start, end)) continue;
    return end;
  }
  return undefined;
}

const isLowerCase = (c: number): boolean => c >= 97 && c <= 122;

const BLANK_LINE = /\n[ \t>]*\n/g;

/**
 * A supporting term within SUPPORT_REACH of [start, end), not across a blank
 * line, and not another use of the same word ("netball clinic, chess clinic").
 */
function supported(support: TermTrie, lower: string, start: number, end: number): boolean {
  let from = Math.max(0, start - SUPPORT_REACH);
  let to = Math.min(lower.length, end + SUPPORT_REACH);
  const before = lower.slice(from, start);
  BLANK_LINE.lastIndex = 0;
  for (let b = BLANK_LINE.exec(before); b; b = BLANK_LINE.exec(before)) from = start - before.length + b.index + b[0].length;
  const after = lower.slice(end, to);
  BLANK_LINE.lastIndex = 0;
  const blank = BLANK_LINE.exec(after);
  if (blank) to = end + blank.index;
  const self = singular(lower.slice(start, end));
  const other = (hit: { start: number; end: number }): boolean => singular(lower.slice(hit.start, hit.end)) !== self;
  return support.scan(lower, from, start).some(other) || support.scan(lower, end, to).some(other);
}

const singular = (word: string): string => word.replace(/e?s$/, '');

// ---------------------------------------------------------------------------
// Titles: events, campaigns, courses, documents and organisations

const HEADS = new Set(TITLE_HEADS);
const LOWER_HEADS = new Set(LOWER_TITLE_HEADS);
const CONNECTORS = new Set(TITLE_CONNECTORS);
const LOWER_EVENTS = new Set(LOWER_EVENT_WORDS);
const PERIODS = new Set(EVENT_PERIODS);
const OPENERS = new Set(EVENT_OPENERS);
/** How many words after a term a title may run on: "Mental Health Awareness Week" needs two. */
const TITLE_WORDS = 5;
/** Letters, digits and the joiners names use ("Children's", "Asthma + Lung UK"). */
const isTitleChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f) || c === 39 || c === 38 || c === 43;

/** Spaces, tabs, hyphens and double quotes: 'the "medical conditions" policy' names a policy. */
const isTitleGap = (c: number): boolean => c === 32 || c === 9 || c === 45 || c === 34 || c === 0x201c || c === 0x201d;

/**
 * The words after `end` on the same line, up to `count`, as start and end
 * offsets in `out` (flat pairs); spaces, tabs, hyphens and double quotes
 * separate them, other punctuation ends the run. Read by character codes: this runs for every
 * term found.
 */
function wordsAfter(text: string, end: number, count: number, out: number[]): number {
  out.length = 0;
  let i = end;
  while (out.length < 2 * count) {
    while (i < text.length && isTitleGap(text.charCodeAt(i))) i++;
    const start = i;
    while (i < text.length && isTitleChar(text.charCodeAt(i))) i++;
    if (i === start) break;
    out.push(start, i);
  }
  return out.length / 2;
}

const isCapital = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0xde);
const AFTER: number[] = [];

/**
 * True when the term at [start, end) is part of a name: written with
 * capitals and followed, within a run of capitalised words and connectors, by
 * a title head ("Mental Health Awareness Week", "Diabetes UK"); or in lower
 * case followed by an event or document word ("autism awareness", "fsm
 * policy", "young carers action day"), or opened by "world", "national"…
 * and closed by "day", "week" or "month" ("world mental health day").
 */
function inTitle(text: string, lower: string, start: number, end: number): boolean {
  const n = wordsAfter(text, end, TITLE_WORDS, AFTER);
  if (n === 0) return false;
  const next = lower.slice(AFTER[0], AFTER[1]);
  if (LOWER_HEADS.has(next)) return true;
  const second = n > 1 ? lower.slice(AFTER[2], AFTER[3]) : '';
  if (LOWER_EVENTS.has(next) && PERIODS.has(second)) return true;
  if (PERIODS.has(next) || PERIODS.has(second) || (n > 2 && PERIODS.has(lower.slice(AFTER[4], AFTER[5])))) {
    const before = lower.slice(Math.max(0, start - 40), start).split(/[^a-z\u00c0-\u024f']+/).filter(Boolean).slice(-3);
    if (before.some((w) => OPENERS.has(w))) return true;
  }
  if (!isCapital(text.charCodeAt(start))) return false;
  for (let k = 0; k < n; k++) {
    const from = AFTER[2 * k] ?? 0;
    const w = lower.slice(from, AFTER[2 * k + 1]);
    if (HEADS.has(w)) return true;
    if (!isCapital(text.charCodeAt(from)) && !CONNECTORS.has(w)) return false;
  }
  return false;
}
