// Roster pupils named in text: an index built once per roster, and one pass
// over the words of a text. Most words are dismissed by a bucket lookup
// without making a string, so a 2,000-pupil roster costs one Map lookup per
// word that could start a name.
import type { PupilEntry } from './settings';
import { cleanText } from './normalise';
import { isCombining, isLetter, lineStart, quoteDepth, quoteDepthOfGap } from './text-scan';

interface NameForm {
  readonly pupil: number;
  /** Lower-cased tokens after the first two. */
  readonly rest: readonly string[];
  /** "Surname, Forename": a comma must separate the first two tokens. */
  readonly reversed: boolean;
}

export interface PupilIndex {
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
  const addName = (tokens: readonly string[], i: number): void => {
    if (tokens.length < 2) return; // A single name is too common to mean this pupil.
    const first = tokens[0] ?? '';
    const last = tokens[tokens.length - 1] ?? '';
    add(tokens, i, false);
    if (tokens.length > 2) add([first, last], i, false);
    // "Surname, Forename" as registers and MIS exports write it.
    add([last, ...tokens.slice(0, -1)], i, true);
    if (tokens.length > 2) add([last, first], i, true);
  };
  pupils.forEach((p, i) => {
    // Hyphenated names are matched token by token: "Smith-Jones" is two words to the scanner.
    const tokens = nameTokens(p.name.replace(/-/g, ' '));
    addName(tokens, i);
    // The name the pupil goes by, as the MIS records it: a forename ("Seun" for
    // "Oluwaseun Adeyemi") takes the legal forename's place; a full name stands on its own.
    const preferred = p.preferredName ? nameTokens(p.preferredName.replace(/-/g, ' ')) : [];
    if (preferred.length === 1 && tokens.length >= 2) addName([...preferred, ...tokens.slice(1)], i);
    else addName(preferred, i);
    if (p.upn) upns.set(p.upn.toUpperCase(), i);
  });
  const index = { firstTokens, firstBuckets, byFirstTwo, upns };
  pupilIndexCache.set(pupils, index);
  return index;
}

export interface PupilMatch {
  readonly pupil: number;
  readonly pos: number;
  /** Just after the name's last part. */
  readonly end: number;
}

export interface ScanOptions {
  /**
   * A file name: "smith_amelia_ehcp.pdf" has no capitals or comma to go by, so
   * either order counts and case is not read.
   */
  readonly loose?: boolean;
  /**
   * Forenames (lower-cased) that name one pupil on their own in this draft,
   * because an attachment's file name names the pupil in full ("Amelia" beside
   * "Amelia_Smith_review.docx"). Counted only when written with a capital.
   */
  readonly knownForenames?: ReadonlyMap<string, number>;
}

/**
 * Finds roster pupils' names in one pass over the words: the full name, with
 * or without middle names, "Surname, Forename", "SURNAME Forename", the
 * preferred name. Most words are dismissed by a bucket lookup without making a
 * string; only a word that starts some pupil's name reads the words after it.
 * `text` is the text as written, `lower` its lower-cased copy (the same length).
 */
export function scanPupils(text: string, lower: string, index: PupilIndex, options: ScanOptions = {}): PupilMatch[] {
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
      if (index.firstTokens.has(first)) {
        const before = out.length;
        matchNameAt(text, lower, i, end, first, index, out, options.loose === true);
        const alone = options.knownForenames?.get(first);
        if (out.length === before && alone !== undefined && isUpper(text.charCodeAt(i))) out.push({ pupil: alone, pos: i, end });
      }
    }
    i = end;
  }
  return out;
}

/** An upper-case letter of a script with case (Latin, Greek, Cyrillic). */
const isUpper = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) || (c >= 0x391 && c <= 0x3a9) || (c >= 0x410 && c <= 0x42f);
/** A word in capitals: "SMITH" in a register's "SMITH Amelia". */
function allUpper(text: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (isLetter(c) && !isUpper(c)) return false;
  }
  return true;
}


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


/** Middle names or initials a sender may add that the roster does not hold: "Amelia Rose Smith", "Amelia R. J. Smith". */
const MAX_MIDDLE_NAMES = 2;

function matchNameAt(
  text: string, lower: string, start: number, end: number, first: string, index: PupilIndex, out: PupilMatch[], loose: boolean,
): void {
  const second = nextWord(lower, end);
  if (!second) return;
  const before = out.length;
  const forms = index.byFirstTwo.get(`${first} ${lower.slice(second.start, second.end)}`);
  for (const form of forms ?? []) {
    // "Surname, Forename"; without the comma only as "SMITH Amelia" (a register's capitals), or in a file name.
    if (form.reversed && second.gap !== 'comma' && !loose && !(allUpper(text, start, end) && !allUpper(text, second.start, second.end))) continue;
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
  if (out.length === before && !loose && isUpper(text.charCodeAt(start))) matchWithMiddleNames(text, lower, start, first, second, index, out);
}

/**
 * "Amelia Rose Smith" or "Amelia R. Smith" for the roster's "Amelia Smith":
 * up to two capitalised middle names or initials between the forename and
 * the surname, in a script with capitals, so "Amelia and Smith" is not one.
 */
function matchWithMiddleNames(
  text: string, lower: string, start: number, first: string, second: { start: number; end: number; gap: 'space' | 'comma' },
  index: PupilIndex, out: PupilMatch[],
): void {
  let middle: { start: number; end: number; gap: 'space' | 'comma' } | undefined = second;
  for (let k = 0; k < MAX_MIDDLE_NAMES && middle && middle.gap === 'space' && isUpper(text.charCodeAt(middle.start)); k++) {
    const initial = middle.end - middle.start === 1;
    // An initial may carry a full stop: "R. Smith".
    const after = initial && text.charCodeAt(middle.end) === 46 ? middle.end + 1 : middle.end;
    const last = nextWord(lower, after);
    if (!last || last.gap !== 'space') return;
    for (const form of index.byFirstTwo.get(`${first} ${lower.slice(last.start, last.end)}`) ?? []) {
      if (!form.reversed && form.rest.length === 0) out.push({ pupil: form.pupil, pos: start, end: last.end });
    }
    if (out.length > 0 && out[out.length - 1]?.pos === start) return;
    middle = last;
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


export function initials(name: string): string {
  return nameTokens(name).map((w) => `${w[0]?.toUpperCase() ?? ''}.`).join(' ');
}
