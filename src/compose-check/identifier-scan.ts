// Pupil identifiers in text (issue #2), modelled on Purview's sensitive
// information types: a primary pattern, a checksum, supporting keywords within
// about 300 characters, and a confidence level. One hand-written scan per text
// for number chains; regular expressions run only over whole texts.
import type { Finding, FindingLocation } from './types';
import { isValidNhsNumber, isValidNiNumber, isValidUln, isValidUpn, maskIdentifier } from './identifiers';
import {
  alternation, boundedWords, escapeRe, isAlnum, isAsciiLetter, isDigit, isLetter, lowerBound, nearest, wordStart,
} from './text-scan';

export type IdKind = 'upn' | 'uln' | 'nhs-number' | 'ni-number';

/** Supporting keywords for each identifier, matched on lower-cased text. */
export const ID_KEYWORDS: Readonly<Record<IdKind, readonly string[]>> = {
  upn: ['upn', 'upns', 'unique pupil number', 'pupil number', 'pupil', 'pupils', 'student', 'learner', 'dfe', 'cts', 'school census', 'census'],
  uln: ['uln', 'ulns', 'unique learner number', 'unique learner', 'learner number', 'learner record', 'learner', 'lrs', 'plr'],
  'nhs-number': ['nhs', 'nhs no', 'national health', 'health service', 'patient', 'hospital', 'gp', 'medical', 'health', 'clinic', 'nhs number'],
  'ni-number': ['ni', 'nino', 'ni no', 'ni number', 'national insurance', 'insurance number', 'nin', 'nic'],
};

const ID_KEYWORD_KINDS = new Map<string, IdKind[]>();
for (const [kind, words] of Object.entries(ID_KEYWORDS) as [IdKind, readonly string[]][]) {
  for (const w of words) ID_KEYWORD_KINDS.set(w, [...(ID_KEYWORD_KINDS.get(w) ?? []), kind]);
}

const ID_KEYWORD_RE = boundedWords(alternation(ID_KEYWORD_KINDS.keys()), 'a-z0-9', 'g');

/** Words before a number that make it a business reference rather than a pupil number. */
const REFERENCE_WORDS = /(?:^|[^a-z])(?:order|invoice|inv|ref|reference|tracking|serial|account|acct|po|booking|transaction|ticket|case|policy|sku|part|model|licen[cs]e|product|item|receipt|confirmation|membership|customer|parcel|consignment|quote)(?:\W{0,3}(?:number|no|num|id|code))?\W{0,12}$/;

/** Separators an identifier may be written with: "927 630 8686", "B801-2000-0500-1". */
const isSep = (c: number): boolean => c === 32 || c === 45;
/** Characters that join numbers into decimals, dates, times and versions. */
const isNumericJoiner = (c: number): boolean => c === 46 || c === 44 || c === 47 || c === 58 || c === 95;
/** + (international phone), currency, #, @ and URL or path characters mean the number is something else. */
const isDisqualifyingPrefix = (c: number): boolean =>
  c === 43 || c === 163 || c === 36 || c === 8364 || c === 35 || c === 64 || c === 47 || c === 92 || c === 61 || c === 95 || c === 38;
/** An address, identifier or path continues after the number: "…@example.com", "…_v2". */
const isDisqualifyingSuffix = (c: number): boolean => c === 64 || c === 95;

const NEXT_DIGIT_RE = /[0-9]/g;

export interface IdMatch {
  readonly kind: IdKind;
  readonly value: string;
  readonly pos: number;
}

/**
 * Finds format-valid identifiers: number chains (digit groups joined by single
 * spaces or hyphens) with the letters their kind needs, then the checksum.
 * Linear: each character is visited a bounded number of times.
 */
export function scanIdentifiers(t: string): IdMatch[] {
  const out: IdMatch[] = [];
  const n = t.length;
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < n) {
    // Jump to the next digit natively: most text has none for long stretches.
    NEXT_DIGIT_RE.lastIndex = i;
    const next = NEXT_DIGIT_RE.exec(t);
    if (!next) break;
    i = next.index;
    // Groups counted rather than the arrays emptied: setting an array's length costs more than reading a number.
    let groups = 0;
    let j = i;
    let total = 0;
    for (;;) {
      let k = j;
      while (k < n && isDigit(t.charCodeAt(k))) k++;
      starts[groups] = j;
      ends[groups] = k;
      groups++;
      total += k - j;
      if (k + 1 < n && isSep(t.charCodeAt(k)) && isDigit(t.charCodeAt(k + 1))) j = k + 1;
      else {
        j = k;
        break;
      }
    }
    evaluateChain(t, i, j, starts, ends, groups, total, out);
    i = j;
  }
  return out;
}

function digitsOf(t: string, starts: readonly number[], ends: readonly number[], from: number, to: number): string {
  let s = '';
  for (let g = from; g < to; g++) s += t.slice(starts[g], ends[g]);
  return s;
}

function evaluateChain(
  t: string, start: number, end: number, starts: readonly number[], ends: readonly number[], groups: number, total: number, out: IdMatch[],
): void {
  const n = t.length;
  const before = start > 0 ? t.charCodeAt(start - 1) : 32;
  const after = end < n ? t.charCodeAt(end) : 32;
  // Part of a decimal, date, time or version ("1.2.3", "12/03/2024", "10:30")?
  if (isNumericJoiner(before) && start > 1 && isDigit(t.charCodeAt(start - 2))) return;
  if (isNumericJoiner(after) && end + 1 < n && isDigit(t.charCodeAt(end + 1))) return;
  if (isDisqualifyingSuffix(after)) return;

  // Letters in front: attached ("B801…") or after one separator ("AB 12 34 56 C").
  let p = start - 1;
  const attached = p >= 0 && isLetter(t.charCodeAt(p));
  if (!attached && p >= 0 && isSep(t.charCodeAt(p))) p--;
  let q = p;
  while (q >= 0 && isLetter(t.charCodeAt(q)) && p - q < 3) q--;
  const letterCount = p - q;
  const standalone = letterCount > 0 && letterCount <= 2 && (q < 0 || !isAlnum(t.charCodeAt(q))) && isAsciiLetter(t.charCodeAt(p));
  // Glued to a longer word ("INV801200005001", "x9276308686"): a code, not an identifier.
  if (attached && !standalone) return;
  const prefix = standalone ? t.slice(q + 1, p + 1).toUpperCase() : '';
  if (!attached && isDisqualifyingPrefix(before)) return;
  if (!attached && before === 32 && start > 1 && isDisqualifyingPrefix(t.charCodeAt(start - 2))) return;

  // A single letter after: attached ("…56C") or after one separator ("… 56 C").
  let suffix = '';
  let r = end;
  const suffixAttached = r < n && isLetter(t.charCodeAt(r));
  if (!suffixAttached && r < n && isSep(t.charCodeAt(r))) r++;
  if (r < n && isAsciiLetter(t.charCodeAt(r)) && (r + 1 >= n || !isAlnum(t.charCodeAt(r + 1)))) suffix = t[r]!.toUpperCase();
  // Glued to a longer word after it ("9276308686px"): not an identifier.
  if (suffixAttached && !suffix) return;

  if (prefix.length === 1 && total === 12 && !suffixAttached) {
    const value = prefix + digitsOf(t, starts, ends, 0, groups);
    if (isValidUpn(value)) out.push({ kind: 'upn', value, pos: start - (attached ? 1 : 2) });
    return;
  }
  if (prefix.length === 2 && total === 6 && suffix) {
    const value = prefix + digitsOf(t, starts, ends, 0, groups) + suffix;
    if (isValidNiNumber(value)) out.push({ kind: 'ni-number', value, pos: start - (attached ? 2 : 3) });
    return;
  }
  if (attached || suffixAttached) return;
  if (total === 10) {
    pushTenDigit(digitsOf(t, starts, ends, 0, groups), start, out);
  } else if (groups > 1) {
    // A row of space-separated numbers ("9276308686 9434765919"): each group on its own.
    for (let g = 0; g < groups; g++) {
      const s = starts[g] ?? 0;
      const e = ends[g] ?? 0;
      if (e - s === 10) pushTenDigit(t.slice(s, e), s, out);
    }
  }
}

function pushTenDigit(digits: string, pos: number, out: IdMatch[]): void {
  // UK phone numbers start with 0; NHS numbers in England and Wales and ULNs never do.
  if (digits[0] === '0') return;
  if (isValidUln(digits)) out.push({ kind: 'uln', value: digits, pos });
  else if (isValidNhsNumber(digits)) out.push({ kind: 'nhs-number', value: digits, pos });
}


const LABELLED_ULN = /(?:^|[^a-z])(?:uln|unique learner number|learner number)(?![a-z])[^0-9]{0,30}$/;
const LABELLED_NHS = /(?:^|[^a-z])nhs(?: no| number)?(?![a-z])[^0-9]{0,30}$/;

/** A ten-digit number whose label, just before it, names the other kind. */
function labelledAsOther(kind: IdKind, before: string): boolean {
  if (kind === 'nhs-number') return LABELLED_ULN.test(before) && !/nhs/.test(before);
  if (kind === 'uln') return LABELLED_NHS.test(before) && !/learner|uln/.test(before);
  return false;
}

function evidenceLabel(kind: IdKind): string {
  return kind === 'upn' ? 'UPN' : kind === 'uln' ? 'ULN' : kind === 'nhs-number' ? 'NHS number' : 'NI number';
}

export interface IdentifierScan {
  readonly findings: Finding[];
  /** The roster pupils whose UPN is among them. */
  readonly pupils: ReadonlySet<number>;
  /** Distinct identifier values found. */
  readonly values: ReadonlySet<string>;
  /** Where each reported identifier starts, in order. */
  readonly positions: readonly number[];
}

/**
 * Check-valid identifiers in one location, with keyword support looked up only
 * when a checksum passed. `header` is the table header row, if the text is a
 * table: a column heading supports every identifier under it. `rosterPupils`
 * names the roster pupils a UPN belongs to (by clear UPN from the settings, or
 * by fingerprint from Outlook's send-check record). `where` names the place of
 * a position for the evidence ("in body", "in a.xlsx, sheet S, cell B4").
 */
export function findIdentifiers(
  text: string, lower: string, rosterPupils: (upn: string) => readonly number[], header: () => string | undefined,
  location: FindingLocation, where: (pos: number) => string,
): IdentifierScan {
  let keywordPos: Map<IdKind, number[]> | undefined;
  const keywordsFor = (kind: IdKind): number[] => {
    if (!keywordPos) {
      keywordPos = new Map();
      ID_KEYWORD_RE.lastIndex = 0;
      for (let m = ID_KEYWORD_RE.exec(lower); m; m = ID_KEYWORD_RE.exec(lower)) {
        const key = (m[2] ?? '').replace(/[\s>-]+/g, ' ');
        for (const k of ID_KEYWORD_KINDS.get(key) ?? []) {
          const list = keywordPos.get(k) ?? [];
          list.push(wordStart(m));
          keywordPos.set(k, list);
        }
      }
    }
    return keywordPos.get(kind) ?? [];
  };
  const headerSupports = (kind: IdKind): boolean => {
    const h = header();
    return h !== undefined && ID_KEYWORDS[kind].some((w) => new RegExp(`(?:^|[^a-z])${escapeRe(w)}(?![a-z])`).test(h));
  };

  const findings: Finding[] = [];
  const values = new Set<string>();
  const positions: number[] = [];
  const pupils = new Set<number>();
  for (const m of scanIdentifiers(text)) {
    if (values.has(m.value)) continue;
    const owners = m.kind === 'upn' ? rosterPupils(m.value) : [];
    const onRoster = owners.length > 0;
    const keywords = keywordsFor(m.kind);
    const supported = nearest(keywords, m.pos) !== undefined || headerSupports(m.kind);
    // Labelled as an order, invoice or ticket number (and not, right there, as an NHS number or UPN):
    // somebody's reference that happens to pass a checksum.
    const labelledKeyword = (keywords[lowerBound(keywords, m.pos - 40)] ?? Infinity) < m.pos;
    if (!onRoster && !labelledKeyword && REFERENCE_WORDS.test(lower.slice(Math.max(0, m.pos - 40), m.pos))) continue;
    // Labelled as the other ten-digit identifier ("learner number 4123456782" that fails the ULN check but
    // passes the NHS one): a mistyped ULN, not somebody's NHS number, and the reverse.
    if (labelledAsOther(m.kind, lower.slice(Math.max(0, m.pos - 40), m.pos))) continue;
    let confidence: Finding['confidence'];
    if (m.kind === 'upn') {
      confidence = onRoster || supported ? 'high' : 'medium';
    } else if (m.kind === 'ni-number') {
      confidence = supported ? 'high' : 'medium';
    } else {
      // Ten digits pass either check one time in eleven: demand a keyword, as Purview does.
      if (!supported) continue;
      confidence = 'high';
    }
    values.add(m.value);
    positions.push(m.pos);
    for (const p of owners) pupils.add(p);
    findings.push({ kind: m.kind, confidence, location, evidence: `${evidenceLabel(m.kind)} ${maskIdentifier(m.value)} ${where(m.pos)}`, pupils: owners });
  }
  return { findings, pupils, values, positions };
}
