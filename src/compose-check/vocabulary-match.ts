// Finds vocabulary terms (the syntax in vocabulary/types.ts) in text with a
// hand-written trie walked from each word start: a thousand terms cost a few
// Map lookups per word, and nothing is compiled but the trie itself. (One
// regular expression holding every term took 170 ms to compile on first use
// and 150 ms to scan 1 MB; the send handler has neither to spare.)
import { cleanText } from './normalise';

/**
 * Letters and digits of the scripts the vocabulary uses (Latin with its
 * accents, Greek, Cyrillic, Arabic and its presentation forms, Bengali and
 * Gurmukhi, whose vowel signs sit inside their blocks): a term never starts or
 * ends inside a word written in them.
 */
export function isWordChar(c: number): boolean {
  if (c < 128) return ASCII_WORD[c] === 1;
  if (c < 0xc0) return false;
  return (c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x4ff) || (c >= 0x600 && c <= 0x6ff)
    || (c >= 0x750 && c <= 0x77f) || (c >= 0x980 && c <= 0xa7f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff);
}

/** ASCII letters and digits, looked up rather than compared: the scan asks once per character. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;

/** Between a phrase's words: white space, hyphens, or a wrapped reply's "> " ("social\n> worker"); at most this many. */
const MAX_SEPARATOR = 12;
const isSeparator = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 62 /* > */ || c === 45 /* - */;
/** Arabic one-letter proclitics before a word (and, so, with/by, for/to, like; kaf as folded): "والتوحد", "بالمستشفى". */
const isProclitic = (c: number): boolean => c === 0x648 || c === 0x641 || c === 0x628 || c === 0x644 || c === 0x6a9;
const isArabicScript = (c: number): boolean => c >= 0x600 && c <= 0x6ff;

/** Words longer than this are always walked. */
const MAX_KEY = 40;
/** Stems are keyed by this many first letters ("auti" for "autis*"), shorter ones by all of theirs. */
const STEM_KEY = 4;
// Hashes stay within 30 bits, V8's small integers: larger numbers are boxed, and a Set then hashes a double.
const HASH_MASK = 0x3fffffff;
const step = (h: number, c: number): number => (Math.imul(h, 31) + c) & HASH_MASK;
/** A prefix hash not computed (the word is shorter): hashes are never negative. */
const NO_HASH = -1;
const hashOf = (w: string, from: number, to: number): number => {
  let h = 0;
  for (let k = from; k < to; k++) h = step(h, w.charCodeAt(k));
  return h;
};
const pairKey = (h1: number, h2: number): number => (Math.imul(h1, 0x9e3779b1) ^ h2) & HASH_MASK;
const punctKey = (h: number, c: number): number => (Math.imul(h, 0x85ebca6b) ^ c) & HASH_MASK;
/** The letters and digits a word starts with: "a" of "a&e", "children" of "children's". */
function wordRun(word: string): string {
  let k = 0;
  while (k < word.length && isWordChar(word.charCodeAt(k))) k++;
  return word.slice(0, k);
}

interface TrieNode {
  /** The next literal character (by char code). */
  next: Map<number, TrieNode> | undefined;
  /** A word separator, then the rest of the phrase. */
  sep: TrieNode | undefined;
  /** Any further letters of a stem ("autis*"), then the rest. */
  stem: TrieNode | undefined;
  /** The tags of the terms that end here. */
  tags: number[] | undefined;
}

/** Every node with every field, so they share one shape and the walk's property reads stay fast. */
const newNode = (): TrieNode => ({ next: undefined, sep: undefined, stem: undefined, tags: undefined });

/**
 * A bit per hash value (its low FILTER_BITS bits) that some key uses: most
 * words fail this one array read and are never looked up in a Set.
 */
const FILTER_BITS = 16;
const FILTER_MASK = (1 << FILTER_BITS) - 1;

/** "(a|b)" optional, "[a|b]" one of: every spelling a term stands for. Groups do not nest. */
export function expandTerm(term: string): string[] {
  const m = /[([]([^()[\]]*)[)\]]/.exec(term);
  if (!m) return [term];
  const options = (m[1] ?? '').split('|');
  if (m[0][0] === '(') options.push('');
  const before = term.slice(0, m.index);
  const after = term.slice(m.index + m[0].length);
  const out: string[] = [];
  for (const o of options) out.push(...expandTerm(before + o + after));
  return out;
}

/** Whether a term counts only when typed in lower case ("~asma"), and the term without the mark. */
export function lowerOnly(term: string): [boolean, string] {
  return term[0] === '~' ? [true, term.slice(1)] : [false, term];
}

export interface TermMatch {
  readonly start: number;
  /** The end of the longest term starting here. */
  readonly end: number;
  /** Every term starting here, longest first, as flat pairs: [end, tag, end, tag, …]. */
  readonly found: readonly number[];
}

/**
 * A set of terms, each with a tag the caller chooses. Folded as messages are
 * (cleanText), and lower-cased unless `keepCase` (acronyms).
 */
export class TermTrie {
  private readonly root: TrieNode = newNode();
  private size = 0;
  // Keys that let the scan skip a word after hashing it, without walking the
  // trie: a term's first word (exact), a stem's first STEM_KEY letters (or all
  // of a shorter stem: stems3, stems4), a phrase's first two words (pairs, with
  // pairFirst to know when to read the next word), or a first word and the
  // punctuation after it ("a&e", "children's": punct).
  private readonly exact = new Set<number>();
  private readonly stems3 = new Set<number>();
  private readonly stems4 = new Set<number>();
  private readonly pairs = new Set<number>();
  private readonly pairFirst = new Set<number>();
  private readonly punct = new Set<number>();
  /** Set when a term has no usable key: then every word is walked. */
  private walkAll = false;
  /** Which hashes (low bits) any key uses: the first, cheapest test. */
  private readonly filter = new Uint8Array(FILTER_MASK + 1);
  /** ASCII characters a term starts with: an acronym list skips every word in lower case at a glance. */
  private readonly firstAscii = new Uint8Array(128);
  /** Whether some term starts with a character beyond ASCII (accented, other scripts). */
  private nonAsciiFirst = false;
  /** Ends and tags of the terms found by the current walk, flat ([end, tag, end, tag…]); reused, so a walk allocates nothing. */
  private readonly hits: number[] = [];

  constructor(entries: Iterable<readonly [string, number]>, private readonly keepCase = false) {
    for (const [term, tag] of entries) {
      for (const spelling of expandTerm(lowerOnly(term)[1])) this.insert(spelling, tag);
    }
  }

  private insert(spelling: string, tag: number): void {
    const folded = cleanText(spelling);
    const words = (this.keepCase ? folded : folded.toLowerCase()).split(/[\s-]+/).filter((w) => w.length > 0);
    if (words.length === 0) return;
    const c0 = words[0]?.charCodeAt(0) ?? 0;
    if (c0 < 128) this.firstAscii[c0] = 1;
    else this.nonAsciiFirst = true;
    let node = this.root;
    words.forEach((word, i) => {
      if (i > 0) node = node.sep ?? (node.sep = newNode());
      const stem = word.endsWith('*');
      const letters = stem ? word.slice(0, -1) : word;
      for (let k = 0; k < letters.length; k++) {
        const next = node.next ?? (node.next = new Map());
        const c = letters.charCodeAt(k);
        let child = next.get(c);
        if (!child) next.set(c, (child = newNode()));
        node = child;
      }
      if (stem) node = node.stem ?? (node.stem = newNode());
    });
    if (!node.tags) node.tags = [];
    if (!node.tags.includes(tag)) node.tags.push(tag);
    this.size++;
    this.addKeys(words);
  }

  private addKeys(words: readonly string[]): void {
    const first = words[0] ?? '';
    const run = wordRun(first);
    if (run.length === 0 || run.length > MAX_KEY) {
      this.walkAll = true;
      return;
    }
    const h = hashOf(run, 0, run.length);
    if (first === `${run}*`) {
      const key = hashOf(run, 0, Math.min(run.length, STEM_KEY));
      if (run.length < 3) this.walkAll = true;
      else (run.length === 3 ? this.stems3 : this.stems4).add(key);
      this.filter[key & FILTER_MASK] = 1;
      return;
    }
    this.filter[h & FILTER_MASK] = 1;
    if (run.length < first.length) {
      // Punctuation inside the first word: the character after the run is part of the key.
      this.punct.add(punctKey(h, first.charCodeAt(run.length)));
    } else if (words.length === 1) {
      this.exact.add(h);
    } else {
      const second = words[1] ?? '';
      const run2 = wordRun(second);
      if (run2.length === 0 || run2.length > MAX_KEY || second === `${run2}*`) this.exact.add(h);
      else {
        this.pairFirst.add(h);
        this.pairs.add(pairKey(h, hashOf(run2, 0, run2.length)));
      }
    }
  }

  /**
   * True when a term may start at the word [i, end) whose hash is `h` (and
   * `h3`, `h4` the hashes of its first three and four letters, or NO_HASH for a
   * shorter word): checked against
   * the keys, and where needed the punctuation or word after it. Words in the
   * Arabic script are always walked, for their proclitics; so is everything
   * when a term had no key.
   */
  private keyed(s: string, i: number, end: number, h: number, h3: number, h4: number): boolean {
    if (this.walkAll || isArabicScript(s.charCodeAt(i))) return true;
    const f = this.filter;
    if (f[h & FILTER_MASK] === 0 && (h3 === NO_HASH || f[h3 & FILTER_MASK] === 0) && (h4 === NO_HASH || f[h4 & FILTER_MASK] === 0)) return false;
    if (this.exact.has(h) || (h3 !== NO_HASH && this.stems3.has(h3)) || (h4 !== NO_HASH && this.stems4.has(h4))) return true;
    if (end < s.length && this.punct.has(punctKey(h, s.charCodeAt(end)))) return true;
    if (!this.pairFirst.has(h)) return false;
    let j = end;
    while (j < s.length && j - end <= MAX_SEPARATOR && isSeparator(s.charCodeAt(j))) j++;
    let h2 = 0;
    let k = j;
    for (; k < s.length && isWordChar(s.charCodeAt(k)) && k - j < MAX_KEY; k++) h2 = step(h2, s.charCodeAt(k));
    return k > j && this.pairs.has(pairKey(h, h2));
  }

  /**
   * Terms starting at `start` (a word start) and ending at a word boundary, as
   * flat [end, tag] pairs, longest first. Arabic proclitics before the term are
   * accepted and belong to the match.
   */
  matchAt(s: string, start: number): number[] {
    this.collect(s, start);
    this.sortHits();
    return this.hits.slice();
  }

  private collect(s: string, start: number): void {
    this.hits.length = 0;
    this.walk(s, start, this.root);
    if (isProclitic(s.charCodeAt(start)) && isArabicScript(s.charCodeAt(start + 1))) {
      this.walk(s, start + 1, this.root);
      if (isProclitic(s.charCodeAt(start + 1))) this.walk(s, start + 2, this.root);
    }
  }

  /** Sorts the collected hits (flat pairs) longest first, in place: insertion, as a start rarely has more than two. */
  private sortHits(): void {
    const out = this.hits;
    for (let k = 2; k < out.length; k += 2) {
      for (let j = k; j > 0 && (out[j - 2] ?? 0) < (out[j] ?? 0); j -= 2) {
        const end = out[j] ?? 0;
        const tag = out[j + 1] ?? 0;
        out[j] = out[j - 2] ?? 0;
        out[j + 1] = out[j - 1] ?? 0;
        out[j - 2] = end;
        out[j - 1] = tag;
      }
    }
  }

  private walk(s: string, p: number, node: TrieNode): void {
    // Iterative along literal characters; branches (separators, stems) recurse, and are few.
    let n: TrieNode | undefined = node;
    let i = p;
    while (n) {
      if (n.tags && !isWordChar(s.charCodeAt(i))) for (const tag of n.tags) this.hits.push(i, tag);
      if (n.sep) {
        let j = i;
        while (j < s.length && j - i < MAX_SEPARATOR && isSeparator(s.charCodeAt(j))) j++;
        if (j > i && j < s.length && !isSeparator(s.charCodeAt(j))) this.walk(s, j, n.sep);
      }
      if (n.stem) {
        let j = i;
        while (j < s.length && isWordChar(s.charCodeAt(j))) j++;
        this.walk(s, j, n.stem);
      }
      if (!n.next || i >= s.length) return;
      n = n.next.get(s.charCodeAt(i));
      i++;
    }
  }

  /**
   * Every match starting in [from, to) of `s`, from each word start, keeping
   * the longest at each start and skipping past it. A window that starts inside
   * a word starts at the next word; a term may end past the window.
   */
  scan(s: string, from = 0, to = s.length): TermMatch[] {
    const out: TermMatch[] = [];
    this.each(s, from, to, (start, end, found) => out.push({ start, end, found: found.slice() }));
    return out;
  }

  /**
   * As scan(), without making an object per match: `visit` gets each match's
   * start, the longest end and every term there as flat [end, tag] pairs,
   * longest first, in an array reused for the next match.
   */
  each(s: string, from: number, to: number, visit: (start: number, end: number, found: readonly number[]) => void): void {
    if (this.size === 0) return;
    let i = from;
    if (i > 0) while (i < to && isWordChar(s.charCodeAt(i - 1)) && isWordChar(s.charCodeAt(i))) i++;
    while (i < to) {
      const c0 = s.charCodeAt(i);
      if (c0 < 128 ? ASCII_WORD[c0] === 0 : !isWordChar(c0)) {
        i++;
        continue;
      }
      if (c0 < 128 ? this.firstAscii[c0] === 0 : !this.nonAsciiFirst && !isProclitic(c0)) {
        // No term starts with this letter: skip the word unhashed.
        i++;
        while (i < s.length && isWordChar(s.charCodeAt(i))) i++;
        continue;
      }
      // One pass over the word: its end and its hashes, so most words are dismissed without walking the trie.
      let h = 0;
      let h3 = NO_HASH;
      let h4 = NO_HASH;
      let end = i;
      for (; end < s.length; end++) {
        const c = s.charCodeAt(end);
        if (c < 128 ? ASCII_WORD[c] === 0 : !isWordChar(c)) break;
        h = step(h, c);
        if (end - i === 2) h3 = h;
        else if (end - i === STEM_KEY - 1) h4 = h;
      }
      if (end - i > MAX_KEY || this.keyed(s, i, end, h, h3, h4)) {
        this.collect(s, i);
        if (this.hits.length > 0) {
          this.sortHits();
          const longest = this.hits[0] ?? i;
          visit(i, longest, this.hits);
          i = Math.max(longest, i + 1);
          continue;
        }
      }
      i = end;
    }
  }
}
