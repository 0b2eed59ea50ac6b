// PDF's object syntax (ISO 32000-1, 7.2-7.3) over bytes: a lexer and a
// recursive parser with a depth limit, shared by the file structure and the
// content streams. Names are JS strings, strings are bytes (their encoding
// depends on the font that shows them).
import { Unreadable } from '../budget';

export class PdfRef {
  constructor(readonly num: number, readonly gen: number) {}
}

export class PdfDict {
  readonly map = new Map<string, PdfValue>();
  get(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
}

export class PdfStream {
  /** The raw (still encoded) data is bytes[start, end). */
  constructor(readonly dict: PdfDict, readonly bytes: Uint8Array, readonly start: number, readonly end: number) {}
}

/** An operator or an unknown keyword. */
export class PdfKeyword {
  constructor(readonly word: string) {}
}

export type PdfValue = null | boolean | number | string | Uint8Array | PdfValue[] | PdfDict | PdfRef | PdfStream | PdfKeyword;

/** Nesting beyond this is an attack or damage, never a real document. */
export const MAX_DEPTH = 64;

export const TOK_EOF = 0;
export const TOK_NUM = 1;
export const TOK_NAME = 2;
export const TOK_STR = 3;
export const TOK_KW = 4;
export const TOK_ARRAY_OPEN = 5;
export const TOK_ARRAY_CLOSE = 6;
export const TOK_DICT_OPEN = 7;
export const TOK_DICT_CLOSE = 8;
export const TOK_OTHER = 9;

/** White space and delimiters, as a table: 1 white space, 2 delimiter. */
function characterClasses(): Uint8Array {
  const table = new Uint8Array(256);
  for (const c of [0, 9, 10, 12, 13, 32]) table[c] = 1;
  for (const c of '()<>[]{}/%') table[c.charCodeAt(0)] = 2;
  return table;
}
// Marked pure so that a bundle which never reads a PDF drops it.
const CLASS = /* @__PURE__ */ characterClasses();

export const isWhite = (c: number): boolean => CLASS[c] === 1;
const isRegular = (c: number): boolean => CLASS[c] === 0;

const hexValue = (c: number): number =>
  c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;

/**
 * Hex digits up to a '>', as a hex string and the ASCIIHexDecode filter hold
 * them: anything else is skipped, an odd last digit is followed by 0. Returns
 * where reading stopped (after the '>').
 */
export function readHex(bytes: Uint8Array, from: number, end: number, out: { push(b: number): void }): number {
  let p = from;
  let high = -1;
  while (p < end) {
    const c = bytes[p++] as number;
    if (c === 62) break;
    const v = hexValue(c);
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out.push(high * 16 + v);
      high = -1;
    }
  }
  if (high >= 0) out.push(high * 16);
  return p;
}

/** A number from a dictionary, or the fallback when it is absent or not a finite number. */
export const numberOr = (v: PdfValue | undefined, fallback: number): number => (typeof v === 'number' && isFinite(v) ? v : fallback);

const EMPTY = new Uint8Array(0);

export class Lexer {
  pos: number;
  /** The last token's value: number, name or keyword text, string bytes. */
  num = 0;
  word = '';
  str: Uint8Array = EMPTY;
  /** Strings are gathered here, then copied out at their length: subarray() is slow to call per glyph run. */
  private scratch = new Uint8Array(64);
  private scratchLength = 0;

  constructor(readonly bytes: Uint8Array, pos = 0, readonly end = bytes.length) {
    this.pos = pos;
  }

  skipWhite(): void {
    const { bytes, end } = this;
    let p = this.pos;
    while (p < end) {
      const c = bytes[p] as number;
      if (CLASS[c] === 1) p++;
      else if (c === 37 /* % */) {
        while (p < end && bytes[p] !== 10 && bytes[p] !== 13) p++;
      } else break;
    }
    this.pos = p;
  }

  next(): number {
    this.skipWhite();
    const { bytes, end } = this;
    if (this.pos >= end) return TOK_EOF;
    const c = bytes[this.pos] as number;
    switch (c) {
      case 40: /* ( */ return this.literal();
      case 60: /* < */
        if (bytes[this.pos + 1] === 60) { this.pos += 2; return TOK_DICT_OPEN; }
        return this.hex();
      case 62: /* > */
        if (bytes[this.pos + 1] === 62) { this.pos += 2; return TOK_DICT_CLOSE; }
        this.pos++;
        return TOK_OTHER;
      case 91: this.pos++; return TOK_ARRAY_OPEN;
      case 93: this.pos++; return TOK_ARRAY_CLOSE;
      case 123: case 125: case 41: this.pos++; return TOK_OTHER;
      case 47: /* / */ return this.name();
    }
    if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
      const t = this.number();
      if (t !== TOK_EOF) return t;
    }
    const start = this.pos;
    let p = start;
    while (p < end && isRegular(bytes[p] as number)) p++;
    this.pos = p;
    this.word = asciiWord(bytes, start, p);
    return TOK_KW;
  }

  /** A number, or TOK_EOF (nothing consumed) when the text is not one ("+x", "."). */
  private number(): number {
    const { bytes, end } = this;
    let p = this.pos;
    let sign = 1;
    if (bytes[p] === 45 || bytes[p] === 43) {
      if (bytes[p] === 45) sign = -1;
      p++;
      // Some writers put "--" or "-+"; readers take the number after them.
      while (p < end && (bytes[p] === 45 || bytes[p] === 43)) p++;
    }
    let value = 0;
    let digits = 0;
    while (p < end && (bytes[p] as number) >= 48 && (bytes[p] as number) <= 57) {
      value = value * 10 + ((bytes[p] as number) - 48);
      p++;
      digits++;
    }
    if (bytes[p] === 46) {
      p++;
      let scale = 0.1;
      while (p < end && (bytes[p] as number) >= 48 && (bytes[p] as number) <= 57) {
        value += ((bytes[p] as number) - 48) * scale;
        scale /= 10;
        p++;
        digits++;
      }
    }
    if (digits === 0) {
      // A lone sign or point reads as 0, as Acrobat does; anything else is a keyword.
      if (p < end && isRegular(bytes[p] as number)) return TOK_EOF;
      this.pos = p;
      this.num = 0;
      return TOK_NUM;
    }
    this.pos = p;
    this.num = sign * value;
    return TOK_NUM;
  }

  private name(): number {
    const { bytes, end } = this;
    let p = this.pos + 1;
    let out = '';
    let runStart = p;
    while (p < end && isRegular(bytes[p] as number)) {
      if (bytes[p] === 35 /* # */) {
        const hi = hexValue(bytes[p + 1] ?? 0);
        const lo = hexValue(bytes[p + 2] ?? 0);
        if (hi >= 0 && lo >= 0) {
          out += asciiWord(bytes, runStart, p) + String.fromCharCode(hi * 16 + lo);
          p += 3;
          runStart = p;
          continue;
        }
      }
      p++;
    }
    this.word = out + asciiWord(bytes, runStart, p);
    this.pos = p;
    return TOK_NAME;
  }

  private literal(): number {
    const { bytes, end } = this;
    let p = this.pos + 1;
    let depth = 1;
    const out = this.startString();
    while (p < end) {
      const c = bytes[p++] as number;
      if (c === 92 /* \ */) {
        if (p >= end) break;
        const e = bytes[p++] as number;
        switch (e) {
          case 110: out.push(10); break;
          case 114: out.push(13); break;
          case 116: out.push(9); break;
          case 98: out.push(8); break;
          case 102: out.push(12); break;
          case 13: if (bytes[p] === 10) p++; break; // a line continuation
          case 10: break;
          default:
            if (e >= 48 && e <= 55) {
              let v = e - 48;
              for (let k = 0; k < 2 && p < end && (bytes[p] as number) >= 48 && (bytes[p] as number) <= 55; k++) v = v * 8 + ((bytes[p++] as number) - 48);
              out.push(v & 0xff);
            } else {
              out.push(e);
            }
        }
        continue;
      }
      if (c === 40) depth++;
      else if (c === 41 && --depth === 0) break;
      if (c === 13) {
        // An end of line in a string is a line feed, whatever the file wrote.
        if (bytes[p] === 10) p++;
        out.push(10);
        continue;
      }
      out.push(c);
    }
    this.pos = p;
    this.str = this.endString();
    return TOK_STR;
  }

  private startString(): this {
    this.scratchLength = 0;
    return this;
  }

  /** Adds a byte to the string being read. */
  push(b: number): void {
    if (this.scratchLength === this.scratch.length) {
      const bigger = new Uint8Array(this.scratch.length * 2);
      bigger.set(this.scratch);
      this.scratch = bigger;
    }
    this.scratch[this.scratchLength++] = b;
  }

  private endString(): Uint8Array {
    const n = this.scratchLength;
    if (n === 0) return EMPTY;
    const out = new Uint8Array(n);
    const { scratch } = this;
    if (n > 64) out.set(scratch.subarray(0, n));
    else for (let i = 0; i < n; i++) out[i] = scratch[i] as number;
    return out;
  }

  private hex(): number {
    this.pos = readHex(this.bytes, this.pos + 1, this.end, this.startString());
    this.str = this.endString();
    return TOK_STR;
  }
}

/** A growable byte array: strings in a PDF are usually short, sometimes megabytes. */
export class ByteBuffer {
  private data = new Uint8Array(32);
  length = 0;

  push(b: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint8Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = b;
  }

  bytes(): Uint8Array {
    return this.data.subarray(0, this.length);
  }
}

function asciiWord(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 16) {
    let s = '';
    for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i] as number);
    return s;
  }
  return String.fromCharCode.apply(null, bytes.subarray(start, Math.min(end, start + 4096)) as unknown as number[]);
}

/**
 * Parses one value at the lexer's position. With `refs`, "12 0 R" is a
 * reference (content streams have none). Nesting past MAX_DEPTH is damage.
 */
export function parseValue(lexer: Lexer, refs: boolean, depth = 0): PdfValue {
  const tok = lexer.next();
  return valueOf(lexer, tok, refs, depth);
}

export function valueOf(lexer: Lexer, tok: number, refs: boolean, depth: number): PdfValue {
  switch (tok) {
    case TOK_NUM: {
      const n = lexer.num;
      if (refs && Number.isInteger(n) && n >= 0) {
        const save = lexer.pos;
        if (lexer.next() === TOK_NUM && Number.isInteger(lexer.num) && lexer.num >= 0) {
          const gen = lexer.num;
          if (lexer.next() === TOK_KW && lexer.word === 'R') return new PdfRef(n, gen);
        }
        lexer.pos = save;
      }
      return n;
    }
    case TOK_NAME: return lexer.word;
    case TOK_STR: return lexer.str;
    case TOK_ARRAY_OPEN: {
      if (depth >= MAX_DEPTH) throw new Unreadable('a damaged PDF (nested too deeply)');
      const items: PdfValue[] = [];
      for (;;) {
        const t = lexer.next();
        if (t === TOK_ARRAY_CLOSE || t === TOK_EOF) return items;
        if (t === TOK_DICT_CLOSE) continue;
        if (t === TOK_KW && (lexer.word === 'endobj' || lexer.word === 'stream' || lexer.word === 'endstream')) {
          // A broken array: stop before the keyword so the caller sees it.
          lexer.pos -= lexer.word.length;
          return items;
        }
        items.push(valueOf(lexer, t, refs, depth + 1));
      }
    }
    case TOK_DICT_OPEN: {
      if (depth >= MAX_DEPTH) throw new Unreadable('a damaged PDF (nested too deeply)');
      const dict = new PdfDict();
      for (;;) {
        const t = lexer.next();
        if (t === TOK_DICT_CLOSE || t === TOK_EOF) return dict;
        if (t === TOK_KW && (lexer.word === 'endobj' || lexer.word === 'stream' || lexer.word === 'endstream' || lexer.word === 'ID')) {
          lexer.pos -= lexer.word.length;
          return dict;
        }
        if (t !== TOK_NAME) continue; // a stray value where a key should be
        const key = lexer.word;
        const v = lexer.next();
        if (v === TOK_DICT_CLOSE) {
          dict.map.set(key, null);
          return dict;
        }
        dict.map.set(key, valueOf(lexer, v, refs, depth + 1));
      }
    }
    case TOK_KW:
      switch (lexer.word) {
        case 'true': return true;
        case 'false': return false;
        case 'null': return null;
      }
      return new PdfKeyword(lexer.word);
    default:
      return null;
  }
}

/** Index of `pattern` in `bytes` at or after `from`, or -1. */
export function indexOfBytes(bytes: Uint8Array, pattern: string, from: number, to = bytes.length): number {
  const first = pattern.charCodeAt(0);
  const n = pattern.length;
  const last = to - n;
  outer: for (let i = from; i <= last; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < n; k++) if (bytes[i + k] !== pattern.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** Index of the last `pattern` in `bytes` before `to`, or -1. */
export function lastIndexOfBytes(bytes: Uint8Array, pattern: string, to: number, from = 0): number {
  const n = pattern.length;
  outer: for (let i = Math.min(to, bytes.length) - n; i >= from; i--) {
    for (let k = 0; k < n; k++) if (bytes[i + k] !== pattern.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}
