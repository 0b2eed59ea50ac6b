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

/** Words longer than this are keyed by their stem prefixes only. */
const MAX_KEY = 40;
/** Marks a set holding a term without a usable key: then every word is walked. */
const UNKEYED = -1;
// Hashes stay within 30 bits, V8's small integers: larger numbers are boxed, and a Set then hashes a double.
const HASH_MASK = 0x3fffffff;
const step = (h: number, c: number): number => (Math.imul(h, 31) + c) & HASH_MASK;
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
  next?: Map<number, TrieNode>;
  /** A word separator, then the rest of the phrase. */
  sep?: TrieNode;
  /** Any further letters of a stem ("autis*"), then the rest. */
  stem?: TrieNode;
  /** The tags of the terms that end here. */
  tags?: number[];
}

/** "(a|b)" optional, "[a|b]" one of: every spelling a term stands for. Groups do not nest. */
export function expandTerm(term: string): string[] {
  const m = /[([]([^()[\]]*)[)\]]/.exec(term);
  if (!m) return [term];
  const options = (m[1] ?? '').split('|');
  if (m[0][0] === '(') options.push('');
  const before = term.slice(0, m.index);
  const after = term.slice(m.index + m[0].length);
  return options.flatMap((o) => expandTerm(before + o + after));
}

/** Whether a term counts only when typed in lower case ("~asma"), and the term without the mark. */
export function lowerOnly(term: string): [boolean, string] {
  return term[0] === '~' ? [true, term.slice(1)] : [false, term];
}

export interface TermMatch {
  readonly start: number;
  /** The end of the longest term starting here. */
  readonly end: number;
  /** Every term starting here as [end, tag], longest first. */
  readonly found: readonly (readonly [number, number])[];
}

/**
 * A set of terms, each with a tag the caller chooses. Folded as messages are
 * (cleanText), and lower-cased unless `keepCase` (acronyms).
 */
export class TermTrie {
  private readonly root: TrieNode = {};
  private size = 0;
  // Keys that let the scan skip a word after hashing it, without walking the
  // trie: a term's first word (EXACT), a stem's prefix (STEM, at the lengths in
  // stemLengths), a phrase's first two words (PAIR, with PAIR_FIRST to know
  // when to read the next word), or a first word and the punctuation after it
  // ("a&e", "children's": PUNCT).
  private readonly exact = new Set<number>();
  private readonly stems = new Set<number>();
  private readonly stemLengths = new Uint8Array(MAX_KEY + 1);
  private readonly pairs = new Set<number>();
  private readonly pairFirst = new Set<number>();
  private readonly punct = new Set<number>();

  constructor(entries: Iterable<readonly [string, number]>, private readonly keepCase = false) {
    for (const [term, tag] of entries) {
      for (const spelling of expandTerm(lowerOnly(term)[1])) this.insert(spelling, tag);
    }
  }

  get empty(): boolean {
    return this.size === 0;
  }

  private insert(spelling: string, tag: number): void {
    const folded = cleanText(spelling);
    const words = (this.keepCase ? folded : folded.toLowerCase()).split(/[\s-]+/).filter((w) => w.length > 0);
    if (words.length === 0) return;
    let node = this.root;
    words.forEach((word, i) => {
      if (i > 0) node = node.sep ?? (node.sep = {});
      const stem = word.endsWith('*');
      const letters = stem ? word.slice(0, -1) : word;
      for (let k = 0; k < letters.length; k++) {
        const next = node.next ?? (node.next = new Map());
        const c = letters.charCodeAt(k);
        let child = next.get(c);
        if (!child) next.set(c, (child = {}));
        node = child;
      }
      if (stem) node = node.stem ?? (node.stem = {});
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
      this.exact.add(UNKEYED);
      return;
    }
    const h = hashOf(run, 0, run.length);
    if (first === `${run}*`) {
      this.stems.add(h);
      this.stemLengths[run.length] = 1;
    } else if (run.length < first.length) {
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
   * True when a term may start at the word [i, end): its hash, its prefixes'
   * hashes at stem lengths, and where needed the punctuation or word after it,
   * checked against the keys. Words in the Arabic script are always walked, for
   * their proclitics; so is everything when a term had no key.
   */
  private keyed(s: string, i: number, end: number): boolean {
    if (this.exact.has(UNKEYED) || isArabicScript(s.charCodeAt(i))) return true;
    if (end - i > MAX_KEY) return this.stemPrefix(s, i, MAX_KEY);
    let h = 0;
    for (let k = i; k < end; k++) {
      h = step(h, s.charCodeAt(k));
      if (this.stemLengths[k - i + 1] === 1 && this.stems.has(h)) return true;
    }
    if (this.exact.has(h)) return true;
    if (end < s.length && this.punct.has(punctKey(h, s.charCodeAt(end)))) return true;
    if (!this.pairFirst.has(h)) return false;
    let j = end;
    while (j < s.length && j - end <= MAX_SEPARATOR && isSeparator(s.charCodeAt(j))) j++;
    let h2 = 0;
    let k = j;
    for (; k < s.length && isWordChar(s.charCodeAt(k)) && k - j < MAX_KEY; k++) h2 = step(h2, s.charCodeAt(k));
    return k > j && this.pairs.has(pairKey(h, h2));
  }

  private stemPrefix(s: string, i: number, upTo: number): boolean {
    let h = 0;
    for (let k = i; k < i + upTo; k++) {
      h = step(h, s.charCodeAt(k));
      if (this.stemLengths[k - i + 1] === 1 && this.stems.has(h)) return true;
    }
    return false;
  }

  /** Ends and tags of the terms found by the current walk, flat ([end, tag, end, tag…]); reused, so a walk allocates nothing. */
  private readonly hits: number[] = [];

  /**
   * Terms starting at `start` (a word start) and ending at a word boundary, as
   * [end, tag] pairs, longest first. Arabic proclitics before the term are
   * accepted and belong to the match.
   */
  matchAt(s: string, start: number): [number, number][] {
    this.collect(s, start);
    return this.hitPairs();
  }

  private collect(s: string, start: number): void {
    this.hits.length = 0;
    this.walk(s, start, this.root);
    if (isProclitic(s.charCodeAt(start)) && isArabicScript(s.charCodeAt(start + 1))) {
      this.walk(s, start + 1, this.root);
      if (isProclitic(s.charCodeAt(start + 1))) this.walk(s, start + 2, this.root);
    }
  }

  /** The collected hits as pairs, longest first. */
  private hitPairs(): [number, number][] {
    const out: [number, number][] = [];
    for (let k = 0; k < this.hits.length; k += 2) out.push([this.hits[k] ?? 0, this.hits[k + 1] ?? 0]);
    return out.length > 1 ? out.sort((a, b) => b[0] - a[0]) : out;
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

  /** Every match in `s`, from each word start, keeping the longest at each start and skipping past it. */
  scan(s: string, from = 0, to = s.length): TermMatch[] {
    const out: TermMatch[] = [];
    if (this.size === 0) return out;
    const first = this.root.next;
    let i = from;
    // A window that starts inside a word starts at the next word.
    if (i > 0) while (i < to && isWordChar(s.charCodeAt(i - 1)) && isWordChar(s.charCodeAt(i))) i++;
    while (i < to) {
      const c = s.charCodeAt(i);
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      let end = i + 1;
      while (end < to && isWordChar(s.charCodeAt(end))) end++;
      // Most words are dismissed by their hash, without walking the trie.
      if (first && this.keyed(s, i, end)) {
        this.collect(s, i);
        let longest = -1;
        for (let k = 0; k < this.hits.length; k += 2) longest = Math.max(longest, this.hits[k] ?? -1);
        if (longest > i && longest <= to) {
          out.push({ start: i, end: longest, found: this.hitPairs() });
          i = longest;
          continue;
        }
      }
      i = end;
    }
    return out;
  }
}
