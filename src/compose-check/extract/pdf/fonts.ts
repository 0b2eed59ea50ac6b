// Fonts as text: how a shown string's bytes split into character codes, what
// each code means (a ToUnicode CMap first, as LibreOffice and Word's "Save as
// PDF" write for every font; otherwise the simple font's encoding and
// /Differences), and how wide each glyph is, so the reader can tell a word
// gap from kerning.
import type { Budget } from '../budget';
import { decodeUtf16 } from '../text-decode';
import type { PdfDocument } from './document';
import { baseEncoding, glyphText, type BaseEncoding } from './encodings';
import { Lexer, PdfDict, PdfStream, TOK_ARRAY_CLOSE, TOK_ARRAY_OPEN, TOK_EOF, TOK_KW, TOK_NAME, TOK_NUM, TOK_STR, numberOr, type PdfValue } from './objects';

/** A bfrange mapping more codes than this is damage or an attack; the rest is not mapped. */
const MAX_CMAP_ENTRIES = 1 << 17;

export interface PdfFont {
  /** Byte length of the code starting at `at`. */
  codeLength(bytes: Uint8Array, at: number): number;
  /** The code's text; undefined when the font does not say. */
  text(code: number): string | undefined;
  /** Advance width of the code, in text space units per unit of font size. */
  width(code: number): number;
  readonly vertical: boolean;
}

interface Codespace {
  readonly length: number;
  readonly low: number;
  readonly high: number;
}

/** A parsed CMap: code to text (ToUnicode), and the code space's byte lengths. */
export class CMap {
  readonly map = new Map<number, string>();
  readonly codespaces: Codespace[] = [];
}

/** Reads bfchar, bfrange and codespacerange from a CMap program (ToUnicode or an embedded encoding). */
export function parseCMap(data: Uint8Array, budget: Budget): CMap {
  const cmap = new CMap();
  const lexer = new Lexer(data);
  const strings: Uint8Array[] = [];
  let mode = '';
  let entries = 0;
  for (;;) {
    const tok = lexer.next();
    if (tok === TOK_EOF) break;
    budget.tick();
    if (tok === TOK_KW) {
      const w = lexer.word;
      if (w === 'begincodespacerange' || w === 'beginbfchar' || w === 'beginbfrange') {
        mode = w;
        strings.length = 0;
      } else if (w === 'endcodespacerange' || w === 'endbfchar' || w === 'endbfrange') {
        mode = '';
      }
      continue;
    }
    if (mode === '') continue;
    if (tok === TOK_STR) {
      strings.push(lexer.str);
    } else if (tok === TOK_NAME && mode === 'beginbfchar' && strings.length === 1) {
      // A destination given as a glyph name.
      const src = strings[0] as Uint8Array;
      cmap.map.set(codeOf(src), glyphText(lexer.word) ?? '');
      strings.length = 0;
      continue;
    } else if (tok === TOK_ARRAY_OPEN && mode === 'beginbfrange' && strings.length === 2) {
      // <lo> <hi> [<dst> <dst> ...]: one destination per code.
      let code = codeOf(strings[0] as Uint8Array);
      const hi = codeOf(strings[1] as Uint8Array);
      for (let t = lexer.next(); t !== TOK_ARRAY_CLOSE && t !== TOK_EOF; t = lexer.next()) {
        if (t === TOK_STR && code <= hi && entries++ < MAX_CMAP_ENTRIES) cmap.map.set(code, unicodeOf(lexer.str));
        code++;
      }
      strings.length = 0;
      continue;
    } else if (tok === TOK_NUM) {
      continue;
    }
    if (mode === 'begincodespacerange' && strings.length === 2) {
      const lo = strings[0] as Uint8Array;
      const hi = strings[1] as Uint8Array;
      cmap.codespaces.push({ length: Math.max(1, Math.min(4, lo.length)), low: codeOf(lo), high: codeOf(hi) });
      strings.length = 0;
    } else if (mode === 'beginbfchar' && strings.length === 2) {
      if (entries++ < MAX_CMAP_ENTRIES) cmap.map.set(codeOf(strings[0] as Uint8Array), unicodeOf(strings[1] as Uint8Array));
      strings.length = 0;
    } else if (mode === 'beginbfrange' && strings.length === 3) {
      const lo = codeOf(strings[0] as Uint8Array);
      const hi = codeOf(strings[1] as Uint8Array);
      const dst = strings[2] as Uint8Array;
      // The destination's last character counts up with the code (pdf.js and Acrobat agree).
      const base = unicodeOf(dst);
      const head = base.slice(0, -1);
      const last = base.charCodeAt(base.length - 1);
      for (let code = lo; code <= hi && entries < MAX_CMAP_ENTRIES; code++, entries++) {
        cmap.map.set(code, base.length === 0 ? '' : head + String.fromCharCode(last + (code - lo)));
      }
      strings.length = 0;
    }
  }
  return cmap;
}

const codeOf = (bytes: Uint8Array): number => {
  let v = 0;
  for (let i = 0; i < bytes.length && i < 4; i++) v = v * 256 + (bytes[i] as number);
  return v;
};

/** A ToUnicode destination: UTF-16BE (one byte stays a Latin-1 character); NUL maps to nothing. */
function unicodeOf(bytes: Uint8Array): string {
  if (bytes.length === 1) return bytes[0] === 0 ? '' : String.fromCharCode(bytes[0] as number);
  const text = decodeUtf16(bytes, false);
  return text === '\u0000' ? '' : text;
}


/** Reads a font dictionary; fonts are cached by the caller. */
export function loadFont(doc: PdfDocument, fontDict: PdfDict, budget: Budget): PdfFont {
  const subtype = doc.resolve(fontDict.get('Subtype'));
  const toUnicodeStream = doc.resolve(fontDict.get('ToUnicode'));
  let toUnicode: CMap | undefined;
  if (toUnicodeStream instanceof PdfStream) {
    const data = doc.streamData(toUnicodeStream);
    if (data) toUnicode = parseCMap(data, budget);
  }
  if (subtype === 'Type0') return compositeFont(doc, fontDict, toUnicode, budget);
  return simpleFont(doc, fontDict, subtype === 'Type3', toUnicode);
}

function simpleFont(doc: PdfDocument, dict: PdfDict, type3: boolean, toUnicode: CMap | undefined): PdfFont {
  const baseFont = String(doc.resolve(dict.get('BaseFont')) ?? '');
  const symbolic = /Symbol|Dingbats|Wingdings|Webdings/i.test(baseFont);
  const enc = doc.resolve(dict.get('Encoding'));
  let base: BaseEncoding | undefined = typeof enc === 'string' && /^(WinAnsi|Standard|MacRoman)Encoding$/.test(enc) ? (enc as BaseEncoding) : undefined;
  let differences: PdfValue | undefined;
  if (enc instanceof PdfDict) {
    const b = doc.resolve(enc.get('BaseEncoding'));
    if (typeof b === 'string' && /^(WinAnsi|Standard|MacRoman)Encoding$/.test(b)) base = b as BaseEncoding;
    differences = doc.resolve(enc.get('Differences'));
  }
  // No encoding named: a non-symbolic font's built-in encoding is Standard in practice; symbol fonts map to nothing we read.
  const table = symbolic && !base ? new Array<string>(256).fill('') : baseEncoding(base ?? 'StandardEncoding');
  if (Array.isArray(differences)) {
    let code = 0;
    for (const item of differences) {
      const v = doc.resolve(item);
      if (typeof v === 'number') code = v;
      else if (typeof v === 'string') {
        if (code >= 0 && code < 256) table[code] = glyphText(v) ?? '';
        code++;
      }
    }
  }
  const firstChar = numberOr(doc.resolve(dict.get('FirstChar')), 0);
  const widthsValue = doc.resolve(dict.get('Widths'));
  const widths = Array.isArray(widthsValue) ? widthsValue.map((w) => numberOr(doc.resolve(w), 0)) : [];
  const descriptor = doc.dict(dict.get('FontDescriptor'));
  const missing = numberOr(doc.resolve(descriptor?.get('MissingWidth')), 0);
  const fontMatrix = doc.resolve(dict.get('FontMatrix'));
  const scale = type3 && Array.isArray(fontMatrix) ? numberOr(doc.resolve(fontMatrix[0]), 0.001) : 0.001;
  // Without /Widths (the standard 14 fonts), an average: Courier is 600 units, the others about 500.
  const fallback = widths.length === 0 ? (/Courier/i.test(baseFont) ? 600 : 500) : missing;
  return {
    vertical: false,
    codeLength: () => 1,
    text(code) {
      const mapped = toUnicode?.map.get(code);
      if (mapped !== undefined) return mapped;
      const t = table[code];
      return t === '' ? undefined : t;
    },
    width(code) {
      const w = widths[code - firstChar];
      return (w === undefined ? fallback : w) * scale;
    },
  };
}

function compositeFont(doc: PdfDocument, dict: PdfDict, toUnicode: CMap | undefined, budget: Budget): PdfFont {
  const encoding = doc.resolve(dict.get('Encoding'));
  let codespaces: Codespace[] = [];
  if (encoding instanceof PdfStream) {
    const data = doc.streamData(encoding);
    if (data) codespaces = parseCMap(data, budget).codespaces;
  }
  // Identity-H/V and the predefined CJK CMaps use two bytes; a ToUnicode CMap's code space says the same.
  if (codespaces.length === 0 && toUnicode) codespaces = toUnicode.codespaces;
  const vertical = typeof encoding === 'string' && /-V$/.test(encoding);
  const descendants = doc.resolve(dict.get('DescendantFonts'));
  const cidFont = doc.dict(Array.isArray(descendants) ? descendants[0] : undefined);
  const defaultWidth = numberOr(doc.resolve(cidFont?.get('DW')), 1000);
  const widths = new Map<number, number>();
  const ranges: [number, number, number][] = [];
  const w = doc.resolve(cidFont?.get('W'));
  if (Array.isArray(w)) {
    for (let i = 0; i < w.length;) {
      budget.tick();
      const first = doc.resolve(w[i]);
      const next = doc.resolve(w[i + 1]);
      if (typeof first !== 'number') break;
      if (Array.isArray(next)) {
        next.forEach((x, k) => widths.set(first + k, numberOr(doc.resolve(x), defaultWidth)));
        i += 2;
      } else if (typeof next === 'number') {
        ranges.push([first, next, numberOr(doc.resolve(w[i + 2]), defaultWidth)]);
        i += 3;
      } else break;
    }
  }
  const oneByte = codespaces.length > 0 && codespaces.every((c) => c.length === 1);
  return {
    vertical,
    codeLength(bytes, at) {
      if (codespaces.length === 0) return 2;
      if (oneByte) return 1;
      // The shortest code space range that the bytes fall in (ISO 32000-1, 9.7.6.2).
      let code = 0;
      for (let len = 1; len <= 4 && at + len <= bytes.length; len++) {
        code = code * 256 + (bytes[at + len - 1] as number);
        for (const c of codespaces) if (c.length === len && code >= c.low && code <= c.high) return len;
      }
      return 2;
    },
    text(code) {
      return toUnicode?.map.get(code);
    },
    width(code) {
      const exact = widths.get(code);
      if (exact !== undefined) return exact / 1000;
      for (const [a, b, width] of ranges) if (code >= a && code <= b) return width / 1000;
      return defaultWidth / 1000;
    },
  };
}

