// Small scanning helpers the detectors share: character classes read by char
// code (so a scan allocates nothing per character), regular expressions with
// word boundaries that classic Outlook's ES2017 runtime can load, and binary
// search over sorted positions.

/** Supporting evidence must sit within this many characters of a match. */
export const PROXIMITY = 300;

export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Letters, including accented ones; used for word boundaries. */
export const isLetter = (c: number): boolean => isAsciiLetter(c) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
export const isAlnum = (c: number): boolean => isDigit(c) || isLetter(c);
export const isCombining = (c: number): boolean => c >= 0x300 && c <= 0x36f;
/** Whitespace as String.prototype.trim sees it. */
export const isTrimSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
  || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Longest first, so "unique pupil number" wins over "pupil". A phrase's words
 * may be split by any white space, hyphens, or a wrapped reply's "> " markers
 * ("social\n> worker").
 */
export const alternation = (words: Iterable<string>): string =>
  [...words].sort((a, b) => b.length - a.length).map((w) => escapeRe(w).replace(/ /g, '[\\s>-]+')).join('|');

// No lookbehind, Unicode property escapes, named groups or dotAll anywhere in
// the engine: classic Outlook on Windows runs the send handler in an ES2017
// runtime where they are a SyntaxError at load time, so nothing would send.
// "Not after a letter or digit" is written as group 1, the character before
// the word or the empty start; group 2 is the word, and wordStart() is where
// it begins. Matches are the ones a lookbehind would give: a word ends in a
// letter or digit, so a consumed separator never belongs to the previous match.
export const boundedWords = (words: string, notBefore: string, flags: string): RegExp =>
  new RegExp(`(^|[^${notBefore}])(${words})(?![${notBefore}])`, flags);
export const wordStart = (m: RegExpExecArray): number => m.index + (m[1] ?? '').length;

/** Where each match's word starts, for a regular expression made like boundedWords(). */
export function positions(re: RegExp, text: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(wordStart(m));
  return out;
}

/** Index of the first entry of sorted `xs` at or after `x`. */
export function lowerBound(xs: readonly number[], x: number): number {
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
export function nearest(xs: readonly number[], pos: number, from = 0, to = Infinity): number | undefined {
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

/** Start of the line holding `pos`. */
export function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** How many "> " quote markers open the line at `start`: a wrapped name stays within one quote level. */
export function quoteDepth(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 62 /* > */) depth++;
    else if (c !== 32 && c !== 9) break;
  }
  return depth;
}

/** Quote markers after the line break in a 'wrapped' gap from `from` to `to`. */
export function quoteDepthOfGap(text: string, from: number, to: number): number {
  let depth = 0;
  for (let i = text.indexOf('\n', from) + 1; i < to; i++) if (text.charCodeAt(i) === 62) depth++;
  return depth;
}
