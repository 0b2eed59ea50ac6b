// "Appears to contain sensitive pupil data" (issue #2), modelled on Purview's
// sensitive information types: a primary pattern, a checksum, supporting
// keywords within about 300 characters, and a confidence level.
//
// The hot path is one hand-written scan per text for number chains and one
// for words; regular expressions run only over whole texts, never per pupil,
// so a 2,000-pupil roster costs one Map lookup per word.
import type { Draft, Finding, FindingLocation } from './types';
import type { PupilEntry, ResolvedSettings } from './settings';
import { SECTION_BREAK, bodyText, cleanText, htmlToText } from './normalise';
import { isValidNhsNumber, isValidNiNumber, isValidUln, isValidUpn, maskIdentifier } from './identifiers';
import { signatureSpans } from './signature';

/** Supporting evidence must sit within this many characters of a match. */
export const PROXIMITY = 300;
/** Individual findings reported per location; a bulk finding covers the rest. */
const MAX_FINDINGS_PER_LOCATION = 10;
/** Distinct identifiers, or pupils with personal data, that make a list. */
const BULK_MIN = 3;

type Confidence = Finding['confidence'];
type IdKind = 'upn' | 'uln' | 'nhs-number' | 'ni-number';

// ---------------------------------------------------------------------------
// Keywords

/** Supporting keywords for each identifier, matched on lower-cased text. */
const ID_KEYWORDS: Readonly<Record<IdKind, readonly string[]>> = {
  upn: ['upn', 'upns', 'unique pupil number', 'pupil number', 'pupil', 'pupils', 'student', 'learner', 'dfe', 'cts', 'school census', 'census'],
  uln: ['uln', 'ulns', 'unique learner number', 'unique learner', 'learner number', 'learner record', 'learner', 'lrs', 'plr'],
  'nhs-number': ['nhs', 'nhs no', 'national health', 'health service', 'patient', 'hospital', 'gp', 'medical', 'health', 'clinic', 'nhs number'],
  'ni-number': ['ni', 'nino', 'ni no', 'ni number', 'national insurance', 'insurance number', 'nin', 'nic'],
};

const ID_KEYWORD_KINDS = new Map<string, IdKind[]>();
for (const [kind, words] of Object.entries(ID_KEYWORDS) as [IdKind, readonly string[]][]) {
  for (const w of words) ID_KEYWORD_KINDS.set(w, [...(ID_KEYWORD_KINDS.get(w) ?? []), kind]);
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * Longest first, so "unique pupil number" wins over "pupil". A phrase's words
 * may be split by any white space, hyphens, or a wrapped reply's "> " markers
 * ("social\n> worker").
 */
const alternation = (words: Iterable<string>): string =>
  [...words].sort((a, b) => b.length - a.length).map((w) => escapeRe(w).replace(/ /g, '[\\s>-]+')).join('|');

// No lookbehind, Unicode property escapes, named groups or dotAll anywhere in
// the engine: classic Outlook on Windows runs the send handler in an ES2017
// runtime where they are a SyntaxError at load time, so nothing would send.
// "Not after a letter or digit" is written as group 1, the character before
// the word or the empty start; group 2 is the word, and wordStart() is where
// it begins. Matches are the ones a lookbehind would give: a word ends in a
// letter or digit, so a consumed separator never belongs to the previous match.
const boundedWords = (words: string, notBefore: string, flags: string): RegExp =>
  new RegExp(`(^|[^${notBefore}])(${words})(?![${notBefore}])`, flags);
const wordStart = (m: RegExpExecArray): number => m.index + (m[1] ?? '').length;

const ID_KEYWORD_RE = boundedWords(alternation(ID_KEYWORD_KINDS.keys()), 'a-z0-9', 'g');

/**
 * Special-category and safeguarding context (issue #2's examples, widened
 * with the words DSLs and SENCOs use). Matched case-insensitively.
 */
// Phrases are chosen to read as safeguarding or health only: not "foster a love
// of reading", "looked after the hamster", "prescribed reading" or "netball court".
const CONTEXT_PHRASES = [
  'sen support', 'special educational needs', 'special needs', 'ehcp', 'ehc plan', 'education health and care',
  'safeguarding', 'child protection', 'cp plan', 'cp conference', 'protection plan', 'section 47', 's47', 'strategy meeting',
  'medical condition', 'medical needs', 'diagnosis', 'diagnosed', 'medication', 'allergy', 'allergic', 'anaphylaxis', 'epipen',
  'epilepsy', 'diabetes', 'diabetic', 'asthma', 'adhd', 'autism', 'autistic', 'asd', 'mental health', 'camhs', 'eating disorder',
  'exclusion', 'excluded', 'permanent exclusion', 'suspension', 'suspended', 'fixed-term exclusion', 'fixed term exclusion',
  'looked after child', 'looked after children', 'looked-after', 'is looked after', 'are looked after', 'was looked after',
  'being looked after', 'became looked after', 'looked after status', 'looked after by the local authority',
  'is in care', 'taken into care', 'into care', 'care order', 'foster carer', 'foster carers', 'foster care', 'foster placement',
  'foster family', 'foster parents', 'fostered', 'child in need', 'children in need plan',
  'social worker', 'social care', 'social services', 'children\'s services', 'early help', 'virtual school',
  'free school meals', 'pupil premium', 'self-harm', 'self harm', 'self-harming', 'suicidal', 'suicide', 'overdose',
  'police', 'arrested', 'youth offending', 'yot', 'youth court', 'family court', 'court order', 'court hearing', 'referral',
  'disclosure', 'disclosed', 'abuse', 'abused', 'neglect', 'domestic violence', 'domestic abuse', 'exploitation', 'cse', 'cce',
  'county lines', 'fgm', 'prevent referral', 'radicalisation', 'bereavement', 'counselling', 'young carer', 'pregnant', 'pregnancy',
  'sexual abuse', 'sexual assault', 'sexual exploitation', 'sexualised', 'assault', 'bruise', 'bruising', 'bruises',
  'missing from home', 'missing from education',
];
/** Acronyms that are context only in capitals: "Sen" is a surname, "cla" a typo. */
// SENCO and DSL are left out: they are job titles in staff signatures, next to any pupil's name.
const CONTEXT_ACRONYMS = ['SEN', 'SEND', 'EHCP', 'CP', 'LAC', 'CLA', 'CIN', 'FSM', 'PP', 'MASH', 'LADO', 'PEP', 'IEP', 'SEMH', 'TAF', 'CAF'];
/**
 * Boilerplate that names safeguarding without being about a pupil: job titles
 * and the school's standard e-mail footer. Context words inside it do not count.
 */
const BOILERPLATE_RE = new RegExp([
  String.raw`(?:deputy\s+)?designated\s+safeguarding\s+lead|safeguarding\s+(?:lead|team|officer|governor|policy|training)`,
  String.raw`child\s+protection\s+(?:policy|training|officer)`,
  String.raw`committed\s+to\s+safeguarding[^.\n]{0,200}|safeguarding\s+and\s+promoting\s+the\s+welfare[^.\n]{0,200}`,
  // Signposting addressed to every reader about any child, to the end of its sentence:
  // "If you are worried about a child, contact our DSL or the MASH on 0300 …". It names no pupil;
  // "if you are worried about Amelia's self-harm" names one and is not matched.
  String.raw`if\s+you\s+(?:are|'re|were|have|feel)\s+(?:ever\s+)?(?:any\s+)?(?:worried|concerned|concerns?|anxious)\s+(?:about|for|regarding)\s+`
    + String.raw`(?:the\s+(?:safety|welfare|well-?being)\s+of\s+)?(?:a|any|another|your)\s+(?:child|young\s+person|pupil|student|learner)[^.\n]{0,200}`,
  // Benefit signposting: "Free school meals: check your eligibility at …", "you may be eligible for free school meals".
  String.raw`(?:free\s+school\s+meals|pupil\s+premium)[^.\n]{0,20}?(?:check\s+(?:your|if\s+you)|find\s+out\s+(?:if|whether)\s+you|you\s+(?:may|might|could)\s+be)[^.\n]{0,200}`,
  String.raw`(?:you|your\s+(?:child|family)|families|parents|carers)\s+(?:may|might|could|can)\s+(?:be\s+(?:eligible|entitled)\s+(?:for|to)|apply\s+for|claim)\s+(?:free\s+school\s+meals|pupil\s+premium)[^.\n]{0,200}`,
].join('|'), 'g');

/**
 * Where sections start: a heading (SECTION_BREAK from HTML h1-h6, a form feed),
 * or, after a blank line, a Markdown heading or a line in capitals ("SAFEGUARDING").
 * Context is about the pupil only within the pupil's own section: a newsletter's
 * "Celebrations" and its "Safeguarding" notice are different topics. Title-case
 * plain-text lines are not taken as headings: "Amelia Smith\n\nEHCP review\n\n…" is one topic.
 */
const SECTION_START_RE = new RegExp(String.raw`${SECTION_BREAK}|(?:^|\n[ \t]*\n)[ \t]*(?=#{1,6}[ \t]+\S|[A-Z][A-Z0-9 \t&'/,:()-]{2,59}[ \t]*(?:\n|$))`, 'g');

const CONTEXT_WORDS = alternation(CONTEXT_PHRASES);
const CONTEXT_ACRONYM_WORDS = alternation(CONTEXT_ACRONYMS);
const CONTEXT_RE = boundedWords(CONTEXT_WORDS, 'a-z0-9', 'g');
const CONTEXT_ACRONYM_RE = boundedWords(CONTEXT_ACRONYM_WORDS, 'A-Za-z0-9', 'g');

/** Words before a number that make it a business reference rather than a pupil number. */
const REFERENCE_WORDS = /(?:^|[^a-z])(?:order|invoice|inv|ref|reference|tracking|serial|account|acct|po|booking|transaction|ticket|case|policy|sku|part|model|licen[cs]e|product|item|receipt|confirmation|membership|customer|parcel|consignment|quote)(?:\W{0,3}(?:number|no|num|id|code))?\W{0,12}$/;

/** Column headings that mark a table of pupils' personal data. */
const PUPIL_DATA_HEADINGS = /(?:^|[^a-z])(?:upn|uln|dob|d\.o\.b|date of birth|birth ?date|sen|send|ehcp|fsm|free school meals|pupil premium|ethnicity|medical|nhs|year group|tutor group|form|gender|address|postcode)(?![a-z])/;
const NAME_HEADINGS = /(?:^|[^a-z])(?:name|forename|surname|first ?name|last ?name|legal name|preferred name|pupil|student|learner|child)(?![a-z])/;
/** Dates of birth and other dates in a list: 03/04/2014, 3-4-2014, 2014-04-03. */
const DATE_RE = /(^|\D)(\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})(?!\d)/g;

/** Where each match's word starts, for a regular expression made like boundedWords(). */
function positions(re: RegExp, text: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(wordStart(m));
  return out;
}

/** Index of the first entry of sorted `xs` at or after `x`. */
function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The position in sorted `xs` nearest to `pos`, if within `PROXIMITY` and inside [`from`, `to`). */
function nearest(xs: readonly number[], pos: number, from = 0, to = Infinity): number | undefined {
  const i = lowerBound(xs, Math.max(pos - PROXIMITY, from));
  const last = Math.min(pos + PROXIMITY, to - 1);
  let best: number | undefined;
  for (let j = i; j < xs.length; j++) {
    const x = xs[j] ?? 0;
    if (x > last) break;
    if (best === undefined || Math.abs(x - pos) < Math.abs(best - pos)) best = x;
    if (x > pos) break;
  }
  return best;
}

// ---------------------------------------------------------------------------
// Character classes, by char code so the scan allocates nothing per character.

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Letters, including accented ones; used for word boundaries. */
const isLetter = (c: number): boolean => isAsciiLetter(c) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
const isAlnum = (c: number): boolean => isDigit(c) || isLetter(c);
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

interface IdMatch {
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
    starts.length = 0;
    ends.length = 0;
    let j = i;
    let total = 0;
    for (;;) {
      let k = j;
      while (k < n && isDigit(t.charCodeAt(k))) k++;
      starts.push(j);
      ends.push(k);
      total += k - j;
      if (k + 1 < n && isSep(t.charCodeAt(k)) && isDigit(t.charCodeAt(k + 1))) j = k + 1;
      else {
        j = k;
        break;
      }
    }
    evaluateChain(t, i, j, starts, ends, total, out);
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
  t: string, start: number, end: number, starts: readonly number[], ends: readonly number[], total: number, out: IdMatch[],
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
    const value = prefix + digitsOf(t, starts, ends, 0, starts.length);
    if (isValidUpn(value)) out.push({ kind: 'upn', value, pos: start - (attached ? 1 : 2) });
    return;
  }
  if (prefix.length === 2 && total === 6 && suffix) {
    const value = prefix + digitsOf(t, starts, ends, 0, starts.length) + suffix;
    if (isValidNiNumber(value)) out.push({ kind: 'ni-number', value, pos: start - (attached ? 2 : 3) });
    return;
  }
  if (attached || suffixAttached) return;
  if (total === 10) {
    pushTenDigit(digitsOf(t, starts, ends, 0, starts.length), start, out);
  } else if (starts.length > 1) {
    // A row of space-separated numbers ("9276308686 9434765919"): each group on its own.
    for (let g = 0; g < starts.length; g++) {
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

// ---------------------------------------------------------------------------
// Pupils

interface NameForm {
  readonly pupil: number;
  /** Lower-cased tokens after the first two. */
  readonly rest: readonly string[];
  /** "Surname, Forename": a comma must separate the first two tokens. */
  readonly reversed: boolean;
}

interface PupilIndex {
  /** Every name's first token, to skip most words with one Set lookup. */
  readonly firstTokens: ReadonlySet<string>;
  /** Buckets of (first letter, second letter, length) of first tokens: skips most words without making a string. */
  readonly firstBuckets: Uint8Array;
  /** Keyed by the first two tokens, "amelia smith", so a common forename costs nothing extra. */
  readonly byFirstTwo: ReadonlyMap<string, readonly NameForm[]>;
  readonly upns: ReadonlyMap<string, number>;
}

// The letters scanPupils() reads (isLetter, combining marks included), not
// \p{L}\p{M}: property escapes are ES2018 and throw in classic Outlook's ES2017
// runtime. U+00C0-U+1FFF covers Latin-1, Latin Extended-A/B and Additional,
// combining marks, Greek, Cyrillic, Hebrew, Arabic and Devanagari; a roster name
// is then split into exactly the words the scanner will read in the draft.
const WORD_RE = /[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u1FFF]+(?:['’][A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u1FFF]+)*/g;

function nameTokens(name: string): string[] {
  return (cleanText(name).toLowerCase().match(WORD_RE) ?? []).filter((w) => w.length > 0);
}

const BUCKETS = 32 * 32 * 32;
/** Folds a word's first two letters and its length into 15 bits; non-ASCII letters share buckets, which only costs a lookup. */
function bucket(text: string, start: number, end: number): number {
  const a = text.charCodeAt(start) & 31;
  const b = end - start > 1 ? text.charCodeAt(start + 1) & 31 : 0;
  return (a << 10) | (b << 5) | Math.min(end - start, 31);
}

const pupilIndexCache = new WeakMap<readonly PupilEntry[], PupilIndex>();

/** Built once per roster, then reused by every check with the same settings. */
export function pupilIndex(pupils: readonly PupilEntry[]): PupilIndex {
  const cached = pupilIndexCache.get(pupils);
  if (cached) return cached;
  const firstTokens = new Set<string>();
  const firstBuckets = new Uint8Array(BUCKETS);
  const byFirstTwo = new Map<string, NameForm[]>();
  const upns = new Map<string, number>();
  const add = (tokens: readonly string[], pupil: number, reversed: boolean): void => {
    const [first, second, ...rest] = tokens;
    if (!first || !second) return;
    const key = `${first} ${second}`;
    const forms = byFirstTwo.get(key) ?? [];
    if (!forms.some((f) => f.pupil === pupil && f.reversed === reversed && f.rest.join(' ') === rest.join(' '))) {
      forms.push({ pupil, rest, reversed });
    }
    byFirstTwo.set(key, forms);
    firstTokens.add(first);
    firstBuckets[bucket(first, 0, first.length)] = 1;
  };
  pupils.forEach((p, i) => {
    // Hyphenated names are matched token by token: "Smith-Jones" is two words to the scanner.
    const tokens = nameTokens(p.name.replace(/-/g, ' '));
    if (tokens.length < 2) return; // A single name is too common to mean this pupil.
    const first = tokens[0] ?? '';
    const last = tokens[tokens.length - 1] ?? '';
    add(tokens, i, false);
    if (tokens.length > 2) add([first, last], i, false);
    // "Surname, Forename" as registers and MIS exports write it.
    add([last, ...tokens.slice(0, -1)], i, true);
    if (tokens.length > 2) add([last, first], i, true);
    if (p.upn) upns.set(p.upn.toUpperCase(), i);
  });
  const index = { firstTokens, firstBuckets, byFirstTwo, upns };
  pupilIndexCache.set(pupils, index);
  return index;
}

interface PupilMatch {
  readonly pupil: number;
  readonly pos: number;
  /** Just after the name's last part. */
  readonly end: number;
}

/**
 * Finds roster pupils' full names in one pass over the words. Most words are
 * dismissed by a bucket lookup without making a string; only a word that
 * starts some pupil's name reads the word after it.
 */
export function scanPupils(lower: string, index: PupilIndex): PupilMatch[] {
  const out: PupilMatch[] = [];
  if (index.byFirstTwo.size === 0) return out;
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (!isLetter(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const end = wordEnd(lower, i);
    if (index.firstBuckets[bucket(lower, i, end)] !== 0) {
      const first = lower.slice(i, end);
      if (index.firstTokens.has(first)) matchNameAt(lower, i, end, first, index, out);
    }
    i = end;
  }
  return out;
}

const isCombining = (c: number): boolean => c >= 0x300 && c <= 0x36f;

/** End of the word starting at `i`: letters, combining marks, and apostrophes inside a name. */
function wordEnd(lower: string, i: number): number {
  const n = lower.length;
  let j = i + 1;
  for (;;) {
    while (j < n && (isLetter(lower.charCodeAt(j)) || isCombining(lower.charCodeAt(j)))) j++;
    // Apostrophes inside a name (O'Neil, D’Souza), but not a possessive: "Poppy Green's EHCP".
    const possessive = lower.charCodeAt(j + 1) === 115 /* s */ && !isLetter(lower.charCodeAt(j + 2));
    if (lower.charCodeAt(j) === 39 && j + 1 < n && isLetter(lower.charCodeAt(j + 1)) && !possessive) j += 2;
    else return j;
  }
}

/** The longest gap read between two name parts: a line break with a deep "> > > " quote prefix fits. */
const MAX_NAME_GAP = 40;

/** The next word after `from`, if the gap before it is short enough to be a name separator. */
function nextWord(lower: string, from: number): { start: number; end: number; gap: 'space' | 'comma' } | undefined {
  let g = from;
  while (g < lower.length && g - from <= MAX_NAME_GAP && !isLetter(lower.charCodeAt(g))) g++;
  if (g >= lower.length || !isLetter(lower.charCodeAt(g))) return undefined;
  const gap = gapKind(lower.slice(from, g));
  if (gap === 'bad' || (gap === 'wrapped' && quoteDepth(lower, lineStart(lower, from)) !== quoteDepthOfGap(lower, from, g))) return undefined;
  return { start: g, end: wordEnd(lower, g), gap: gap === 'wrapped' ? 'space' : gap };
}

function matchNameAt(lower: string, start: number, end: number, first: string, index: PupilIndex, out: PupilMatch[]): void {
  const second = nextWord(lower, end);
  if (!second) return;
  const forms = index.byFirstTwo.get(`${first} ${lower.slice(second.start, second.end)}`);
  if (!forms) return;
  for (const form of forms) {
    if (form.reversed && second.gap !== 'comma') continue;
    let at = second.end;
    let ok = true;
    // Parts after the second follow with plain spaces or hyphens.
    for (const part of form.rest) {
      const w = nextWord(lower, at);
      if (!w || w.gap !== 'space' || lower.slice(w.start, w.end) !== part) {
        ok = false;
        break;
      }
      at = w.end;
    }
    if (ok) out.push({ pupil: form.pupil, pos: start, end: at });
  }
}

/**
 * What separates two name parts: spaces or a hyphen ("Amelia Smith",
 * "Clarke-Hughes"), or a comma or tab (a register's "Smith, Amelia", a CSV's
 * "Amelia,Smith"). A single line break, with the quote prefix a reply puts on
 * the next line, is a space the sender never typed: 76-column wrapping
 * (RFC 3676 / 5322), "> " quoted replies and Outlook's HTML source all split a
 * name that way ('wrapped'). A blank line is a paragraph, and a heading's form
 * feed a section (SECTION_START_RE), so a name never spans either.
 */
function gapKind(gap: string): 'space' | 'comma' | 'wrapped' | 'bad' {
  if (gap.length === 0) return 'bad';
  if (gap.length <= 4 && /^[ -]+$/.test(gap)) return 'space';
  if (gap.length <= 4 && /^[ \t]*[,\t][ \t]*$/.test(gap)) return 'comma';
  return WRAPPED_GAP.test(gap) ? 'wrapped' : 'bad';
}

/** Up to four spaces or hyphens (a hyphenated name wrapped at its hyphen), one line break, then indent and quote markers. */
const WRAPPED_GAP = /^[ \t-]{0,4}(?:\r\n?|\n)[ \t]*(?:>[ \t]*)*$/;

/** Start of the line holding `pos`. */
function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** How many "> " quote markers open the line at `start`: a wrapped name stays within one quote level. */
function quoteDepth(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 62 /* > */) depth++;
    else if (c !== 32 && c !== 9) break;
  }
  return depth;
}

/** Quote markers after the line break in a 'wrapped' gap from `from` to `to`. */
function quoteDepthOfGap(text: string, from: number, to: number): number {
  let depth = 0;
  for (let i = text.indexOf('\n', from) + 1; i < to; i++) if (text.charCodeAt(i) === 62) depth++;
  return depth;
}

// ---------------------------------------------------------------------------
// One location (subject, body or an attachment)

interface Source {
  readonly location: FindingLocation;
  readonly text: string;
}

function evidenceLabel(kind: IdKind): string {
  return kind === 'upn' ? 'UPN' : kind === 'uln' ? 'ULN' : kind === 'nhs-number' ? 'NHS number' : 'NI number';
}

function initials(name: string): string {
  return nameTokens(name).map((w) => `${w[0]?.toUpperCase() ?? ''}.`).join(' ');
}

/** Whitespace as String.prototype.trim sees it. */
const isTrimSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
  || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const isDelimiter = (c: number): boolean => c === 44 || c === 9 || c === 59 || c === 124;
const TABLE_HEAD = 20_000;

interface TableShape {
  /** The first non-blank line, lower-cased. */
  readonly header: string;
  readonly rows: number;
}

/**
 * True when the text looks like a table: a delimited header and at least three
 * delimited rows in its first 20,000 characters, and a header that `accept`
 * takes. Reads character codes line by line rather than splitting and matching
 * each line, and callers ask only when the answer matters: it was a fifth of a
 * short message's cost when run on every subject and body.
 */
function tableShape(text: string, accept?: (header: string) => boolean): TableShape | undefined {
  const n = Math.min(text.length, TABLE_HEAD);
  let header: string | undefined;
  let rows = 0;
  for (let start = 0; start < n;) {
    let end = text.indexOf('\n', start);
    if (end < 0 || end > n) end = n;
    let blank = true;
    let delimited = false;
    for (let i = start; i < end && (blank || !delimited); i++) {
      const c = text.charCodeAt(i);
      if (isDelimiter(c)) delimited = true;
      if (!isTrimSpace(c)) blank = false;
    }
    if (!blank) {
      if (header === undefined) {
        if (!delimited) return undefined;
        header = text.slice(start, end).replace(/\r$/, '').toLowerCase();
        if (accept && !accept(header)) return undefined;
      } else if (delimited) rows++;
    }
    start = end + 1;
  }
  return header !== undefined && rows >= BULK_MIN ? { header, rows } : undefined;
}

function scanSource(source: Source, settings: ResolvedSettings, index: PupilIndex): Finding[] {
  const { text, location } = source;
  if (text.length === 0) return [];
  const lower = text.toLowerCase();
  const where = location === 'subject' ? 'in subject' : location === 'body' ? 'in body' : `in ${location}`;
  let tableMemo: TableShape | undefined | null = null;
  const table = (): TableShape | undefined => (tableMemo === null ? (tableMemo = tableShape(text)) : tableMemo);

  // Identifiers, with keyword support looked up only when a checksum passed.
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
    const header = table()?.header;
    return header !== undefined && ID_KEYWORDS[kind].some((w) => new RegExp(`(?:^|[^a-z])${escapeRe(w)}(?![a-z])`).test(header));
  };

  const idFindings: Finding[] = [];
  const idValues = new Set<string>();
  const idPositions: number[] = [];
  for (const m of scanIdentifiers(text)) {
    if (idValues.has(m.value)) continue;
    const keywords = keywordsFor(m.kind);
    const supported = nearest(keywords, m.pos) !== undefined || headerSupports(m.kind);
    // Labelled as an order, invoice or ticket number (and not, right there, as an NHS number or UPN):
    // somebody's reference that happens to pass a checksum.
    const labelledKeyword = (keywords[lowerBound(keywords, m.pos - 40)] ?? Infinity) < m.pos;
    if (!index.upns.has(m.value) && !labelledKeyword && REFERENCE_WORDS.test(lower.slice(Math.max(0, m.pos - 40), m.pos))) continue;
    let confidence: Confidence;
    if (m.kind === 'upn') {
      confidence = index.upns.has(m.value) || supported ? 'high' : 'medium';
    } else if (m.kind === 'ni-number') {
      confidence = supported ? 'high' : 'medium';
    } else {
      // Ten digits pass either check one time in eleven: demand a keyword, as Purview does.
      if (!supported) continue;
      confidence = 'high';
    }
    idValues.add(m.value);
    idPositions.push(m.pos);
    idFindings.push({ kind: m.kind, confidence, location, evidence: `${evidenceLabel(m.kind)} ${maskIdentifier(m.value)} ${where}` });
  }

  // Roster pupils near special-category or safeguarding words.
  const pupilMatches = scanPupils(lower, index);
  const contextFindings: Finding[] = [];
  const pupilsSeen = new Set<number>();
  if (pupilMatches.length > 0) {
    const context = withoutBoilerplate(text, lower, pupilMatches, [...positions(CONTEXT_RE, lower), ...positions(CONTEXT_ACRONYM_RE, text)].sort((a, b) => a - b));
    const reported = new Set<number>();
    const sections = context.length > 0 ? sectionStarts(text) : [];
    for (const m of pupilMatches) {
      pupilsSeen.add(m.pupil);
      if (reported.has(m.pupil)) continue;
      const s = lowerBound(sections, m.pos + 1) - 1;
      const at = nearest(context, m.pos, sections[s] ?? 0, sections[s + 1] ?? Infinity);
      if (at === undefined) continue;
      reported.add(m.pupil);
      const word = contextWordAt(text, lower, at);
      const name = settings.pupils[m.pupil]?.name ?? '';
      contextFindings.push({
        kind: 'pupil-in-sensitive-context',
        confidence: Math.abs(at - m.pos) <= PROXIMITY / 3 ? 'high' : 'medium',
        location,
        evidence: `pupil ${initials(name)} near "${word}" ${where}`,
      });
    }
  }

  // Bulk: a list of identifiers, or of pupils with their personal data.
  const paired = (): number => pairedPupils(text, pupilMatches, idPositions);
  const bulk = bulkFinding(text, lower, table, idValues.size, pupilsSeen.size, paired, location, where);
  const individual = [...idFindings, ...contextFindings];
  return bulk ? [bulk, ...individual.slice(0, MAX_FINDINGS_PER_LOCATION)] : individual.slice(0, MAX_FINDINGS_PER_LOCATION);
}

/** Sorted positions where a new section starts (see SECTION_START_RE). */
function sectionStarts(text: string): number[] {
  const out: number[] = [];
  SECTION_START_RE.lastIndex = 0;
  for (let m = SECTION_START_RE.exec(text); m; m = SECTION_START_RE.exec(text)) {
    out.push(m.index + m[0].length - (m[0] === SECTION_BREAK ? 1 : 0));
    if (m[0].length === 0) SECTION_START_RE.lastIndex++;
  }
  return out;
}

/**
 * Drops context positions that fall inside job titles, footers, signposting
 * and signature blocks. A signature that names a roster pupil is not only a
 * signature ("Thanks, Amelia Smith's social worker…"), so its words still count.
 */
function withoutBoilerplate(text: string, lower: string, pupils: readonly PupilMatch[], context: number[]): number[] {
  if (context.length === 0) return context;
  const spans: [number, number][] = [];
  BOILERPLATE_RE.lastIndex = 0;
  for (let m = BOILERPLATE_RE.exec(lower); m; m = BOILERPLATE_RE.exec(lower)) spans.push([m.index, m.index + m[0].length]);
  const starts = pupils.map((p) => p.pos);
  for (const span of signatureSpans(text)) {
    const p = starts[lowerBound(starts, span[0])];
    if (p === undefined || p >= span[1]) spans.push(span);
  }
  if (spans.length === 0) return context;
  spans.sort((a, b) => a[0] - b[0]);
  // Spans may overlap (a job title inside a signature): keep the furthest end reached so far.
  let k = 0;
  let reach = -1;
  return context.filter((pos) => {
    while (k < spans.length && (spans[k]?.[0] ?? Infinity) <= pos) reach = Math.max(reach, spans[k++]?.[1] ?? 0);
    return pos >= reach;
  });
}

// Sticky at a position positions() found, where the word's start is already known to be bounded.
const CONTEXT_ACRONYM_AT = new RegExp(`(?:${CONTEXT_ACRONYM_WORDS})(?![A-Za-z0-9])`, 'y');
const CONTEXT_AT = new RegExp(`(?:${CONTEXT_WORDS})(?![a-z0-9])`, 'y');

/** The context word found at `at`, to name it in the evidence. */
function contextWordAt(text: string, lower: string, at: number): string {
  CONTEXT_ACRONYM_AT.lastIndex = at;
  CONTEXT_AT.lastIndex = at;
  return CONTEXT_ACRONYM_AT.exec(text)?.[0] ?? CONTEXT_AT.exec(lower)?.[0] ?? text.slice(at, at + 12);
}

/** How far from a name, on its line, a personal identifier still belongs to that pupil. */
const PAIR_REACH = 80;
const MAX_PAIR_LOOKS = 8;
const EMAIL_RE = /[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/i;
/** A UK postcode: "WA1 2AP", "SW1A 1AA". */
const POSTCODE_RE = /(?:^|[^a-z0-9])[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}(?![a-z0-9])/i;
const ONE_DATE_RE = new RegExp(DATE_RE.source);
const MAY_PAIR_RE = /[@0-9]/;

/**
 * Distinct roster pupils written beside a personal identifier of their own: an
 * e-mail address, a postcode, a date (of birth) or a pupil identifier, on the
 * same line and not past the next or previous name. "Kayden O'Brien
 * <kayden.obrien@pupils…>" on each line is a list of pupils' personal data;
 * "well done to A, B, C and D - photos from office@school" pairs at most one.
 * Stops counting at BULK_MIN, which is all the caller needs.
 */
function pairedPupils(text: string, matches: readonly PupilMatch[], idPositions: readonly number[]): number {
  const paired = new Set<number>();
  // A list names each pupil once or twice; looking at a pupil's first few mentions
  // keeps a body that repeats the same names 100,000 times cheap.
  const looked = new Map<number, number>();
  for (let i = 0; i < matches.length && paired.size < BULK_MIN; i++) {
    const m = matches[i];
    if (!m || paired.has(m.pupil)) continue;
    const times = looked.get(m.pupil) ?? 0;
    if (times >= MAX_PAIR_LOOKS) continue;
    looked.set(m.pupil, times + 1);
    // Windows are bounded by PAIR_REACH before the line is looked for, so a
    // long line of names costs O(PAIR_REACH) per name, not O(line).
    const back = text.slice(Math.max(m.pos - PAIR_REACH, matches[i - 1]?.end ?? 0), m.pos);
    const ahead = text.slice(m.end, Math.min(m.end + PAIR_REACH, matches[i + 1]?.pos ?? Infinity));
    const nl = ahead.indexOf('\n');
    const after = nl < 0 ? ahead : ahead.slice(0, nl);
    const before = back.slice(back.lastIndexOf('\n') + 1);
    const hasId = (span: string, from: number): boolean => {
      if (span.length === 0) return false;
      const id = idPositions[lowerBound(idPositions, from)];
      if (id !== undefined && id < from + span.length) return true;
      // Every kind needs an '@' or a digit: most spans between names have neither.
      return MAY_PAIR_RE.test(span) && (EMAIL_RE.test(span) || POSTCODE_RE.test(span) || ONE_DATE_RE.test(span));
    };
    if (hasId(after, m.end) || hasId(before, m.pos - before.length)) paired.add(m.pupil);
  }
  return paired.size;
}

const PUPILISH_HEADING = /(?:^|[^a-z])(?:upn|uln|dob|d\.o\.b|date of birth|sen|send|ehcp|fsm|free school meals|pupil premium|year group|tutor group|pupil|student|learner|child)(?![a-z])/;

/** A header row naming pupils and columns of their personal data. */
function isPupilDataHeader(header: string): boolean {
  return NAME_HEADINGS.test(header) && PUPIL_DATA_HEADINGS.test(header) && PUPILISH_HEADING.test(header)
    && header.split(/[,\t;|]/).some((h) => PUPIL_DATA_HEADINGS.test(h.trim()));
}

function bulkFinding(
  text: string, lower: string, table: () => TableShape | undefined,
  ids: number, pupils: number, paired: () => number, location: FindingLocation, where: string,
): Finding | undefined {
  const describe = (what: string, confidence: Confidence): Finding =>
    ({ kind: 'bulk-pupil-data', confidence, location, evidence: `list of ${what} ${where}` });
  if (ids >= BULK_MIN) return describe(`${ids} pupil identifiers`, 'high');
  if (pupils >= BULK_MIN) {
    const dates = positions(DATE_RE, text).length;
    const dobWords = /(?:^|[^a-z])(?:dob|d\.o\.b|date of birth|born)(?![a-z])/.test(lower);
    if (ids >= 1 || dates >= 2 || dobWords || paired() >= BULK_MIN) return describe(`${pupils} pupils with personal data`, 'high');
    if (pupils >= 5 && table()) return describe(`${pupils} pupils`, 'medium');
  }
  // A table of pupils' personal data even without a roster: name and data columns, several rows.
  // Only a pupil-data header is worth counting rows under.
  const pupilTable = tableShape(text, isPupilDataHeader);
  if (pupilTable) return describe(`${pupilTable.rows} rows of pupil data`, 'medium');
  return undefined;
}

// ---------------------------------------------------------------------------

const TEXT_ATTACHMENT = /\.(?:csv|tsv|txt|text|md|html?|json|xml|log|vcf|ics)$/i;

function attachmentText(a: Draft['attachments'][number]): string | undefined {
  if (a.text === undefined) return undefined;
  const type = a.contentType?.toLowerCase() ?? '';
  if (!(type.startsWith('text/') || TEXT_ATTACHMENT.test(a.name))) return undefined;
  const html = type === 'text/html' || /\.html?$/i.test(a.name);
  return cleanText(html ? htmlToText(a.text) : a.text);
}

/** Every sensitive-data finding in the subject, body and text-like attachments, in a stable order. */
export function findSensitiveData(draft: Draft, settings: ResolvedSettings): Finding[] {
  const index = pupilIndex(settings.pupils);
  const sources: Source[] = [
    { location: 'subject', text: cleanText(draft.subject) },
    { location: 'body', text: bodyText(draft.body.kind, draft.body.content) },
  ];
  for (const a of draft.attachments) {
    const text = attachmentText(a);
    if (text !== undefined) sources.push({ location: `attachment:${a.name}`, text });
  }
  return sources.flatMap((s) => scanSource(s, settings, index));
}

