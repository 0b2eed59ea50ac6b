// A page's content stream as text (ISO 32000-1, 9.4): the text operators Tj,
// TJ, ' and " through the font of the moment, with the text and graphics
// matrices tracked so that a move to a new line becomes a line break, a gap
// wider than a space a space, and a wide gap (a table's next column) a tab.
// Text is written in the order the stream draws it, which is reading order
// for the PDFs that Word and LibreOffice write. Form XObjects are followed;
// images are only noted, so a scanned page can be told from an empty one.
import { Unreadable, type Budget } from '../budget';
import type { PdfDocument } from './document';
import { loadFont, type PdfFont } from './fonts';
import type { PdfDict} from './objects';
import { Lexer, PdfStream, TOK_EOF, TOK_KW, isWhite, valueOf, type PdfValue } from './objects';

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** a × b, in PDF's row-vector convention. */
const mul = (a: Matrix, b: Matrix): Matrix => [
  a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
];

/** Form XObjects inside form XObjects: deeper is a loop or an attack. */
const MAX_FORM_DEPTH = 8;
/** Saved graphics states (q) kept; a stream that only pushes cannot grow memory without end. */
const MAX_SAVED = 256;
/** Operands kept before an operator; more is garbage. */
const MAX_OPERANDS = 64;

/** A font for text shown before any Tf (or with an unknown font): Standard encoding, average widths. */
const NO_FONT: PdfFont = {
  vertical: false,
  codeLength: () => 1,
  text: (code) => (code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : undefined),
  width: () => 0.5,
};

export interface PageResult {
  /** Characters written that are not white space. */
  chars: number;
  /** Codes shown that no font could turn into text. */
  unmapped: number;
  images: boolean;
}

export class PageReader {
  private readonly fonts = new Map<PdfDict, PdfFont>();

  constructor(private readonly doc: PdfDocument, private readonly budget: Budget) {}

  /** Reads one page's text through `write`. */
  read(page: PdfDict, write: (text: string) => void): PageResult {
    const result: PageResult = { chars: 0, unmapped: 0, images: false };
    const contents = this.doc.resolve(page.get('Contents'));
    const streams = Array.isArray(contents) ? contents.map((c) => this.doc.resolve(c)) : [contents];
    const parts: Uint8Array[] = [];
    for (const s of streams) {
      if (!(s instanceof PdfStream)) continue;
      const data = this.doc.streamData(s);
      if (data) parts.push(data);
    }
    // A page's content may be split across streams at any token boundary: they are read as one.
    const data = joinWithSpace(parts);
    const state = new TextRun(write, result);
    this.run(data, this.doc.dict(page.get('Resources')), IDENTITY, state, 0, new Set());
    return result;
  }

  private font(resources: PdfDict | undefined, name: string): PdfFont {
    const fonts = this.doc.dict(resources?.get('Font'));
    const dict = this.doc.dict(fonts?.get(name));
    if (!dict) return NO_FONT;
    let font = this.fonts.get(dict);
    if (!font) {
      font = loadFont(this.doc, dict, this.budget);
      this.fonts.set(dict, font);
    }
    return font;
  }

  private run(data: Uint8Array, resources: PdfDict | undefined, startCtm: Matrix, t: TextRun, depth: number, forms: Set<PdfStream>): void {
    const lexer = new Lexer(data);
    const operands: PdfValue[] = [];
    const saved: Matrix[] = [];
    let ctm = startCtm;
    const { budget } = this;
    const n = (i: number): number => {
      const v = operands[operands.length - 1 - i];
      return typeof v === 'number' ? v : 0;
    };
    for (;;) {
      const tok = lexer.next();
      if (tok === TOK_EOF) return;
      budget.tick();
      if (tok !== TOK_KW) {
        let value: PdfValue;
        try {
          value = valueOf(lexer, tok, false, 0);
        } catch (error) {
          // Arrays nested past the limit: the rest of this stream is not text anyone wrote.
          if (error instanceof Unreadable) return;
          throw error;
        }
        if (operands.length >= MAX_OPERANDS) operands.length = 0;
        operands.push(value);
        continue;
      }
      const op = lexer.word;
      switch (op) {
        case 'q':
          if (saved.length < MAX_SAVED) saved.push(ctm);
          break;
        case 'Q':
          ctm = saved.pop() ?? ctm;
          break;
        case 'cm':
          if (operands.length >= 6) ctm = mul([n(5), n(4), n(3), n(2), n(1), n(0)], ctm);
          break;
        case 'BT':
          t.setMatrix(1, 0, 0, 1, 0, 0);
          break;
        case 'Tf': {
          const name = operands[operands.length - 2];
          t.font = typeof name === 'string' ? this.font(resources, name) : NO_FONT;
          t.fontSize = n(0);
          break;
        }
        case 'Tc': t.charSpacing = n(0); break;
        case 'Tw': t.wordSpacing = n(0); break;
        case 'Tz': t.scale = n(0) / 100; break;
        case 'TL': t.leading = n(0); break;
        case 'Td': t.move(n(1), n(0)); break;
        case 'TD':
          t.leading = -n(0);
          t.move(n(1), n(0));
          break;
        case 'Tm':
          if (operands.length >= 6) t.setMatrix(n(5), n(4), n(3), n(2), n(1), n(0));
          break;
        case 'T*': t.move(0, -t.leading); break;
        case 'Tj': {
          const s = operands[operands.length - 1];
          if (s instanceof Uint8Array) t.show(s, ctm);
          break;
        }
        case "'": {
          const s = operands[operands.length - 1];
          t.move(0, -t.leading);
          if (s instanceof Uint8Array) t.show(s, ctm);
          break;
        }
        case '"': {
          const s = operands[operands.length - 1];
          t.wordSpacing = n(2);
          t.charSpacing = n(1);
          t.move(0, -t.leading);
          if (s instanceof Uint8Array) t.show(s, ctm);
          break;
        }
        case 'TJ': {
          const arr = operands[operands.length - 1];
          if (!Array.isArray(arr)) break;
          // One run: where it starts decides its line and gap; inside it, only a wide adjustment is a space
          // (LibreOffice writes a line as one TJ with an adjustment between almost every pair of glyphs).
          let first = true;
          let gap = false;
          for (const item of arr) {
            if (item instanceof Uint8Array) {
              t.show(item, ctm, first ? undefined : gap);
              first = false;
              gap = false;
            } else if (typeof item === 'number') {
              t.advance((-item / 1000) * t.fontSize * t.scale);
              if (item < -GAP_THOUSANDTHS) gap = true;
            }
          }
          break;
        }
        case 'Do': {
          const name = operands[operands.length - 1];
          if (typeof name !== 'string') break;
          const xobject = this.doc.resolve(this.doc.dict(resources?.get('XObject'))?.get(name));
          if (!(xobject instanceof PdfStream)) break;
          const subtype = xobject.dict.get('Subtype');
          if (subtype === 'Image') t.result.images = true;
          else if (subtype === 'Form' && depth < MAX_FORM_DEPTH && !forms.has(xobject)) {
            const formData = this.doc.streamData(xobject);
            if (!formData) break;
            const m = this.doc.resolve(xobject.dict.get('Matrix'));
            const matrix: Matrix = Array.isArray(m) && m.length >= 6 && m.every((x) => typeof x === 'number') ? (m.slice(0, 6) as Matrix) : IDENTITY;
            const formResources = this.doc.dict(xobject.dict.get('Resources')) ?? resources;
            // The form runs in its own graphics and text state, as q ... Q around it.
            const saved = t.save();
            forms.add(xobject);
            this.run(formData, formResources, mul(matrix, ctm), t, depth + 1, forms);
            forms.delete(xobject);
            t.restore(saved);
          }
          break;
        }
        case 'BI':
          t.result.images = true;
          skipInlineImage(lexer);
          break;
      }
      operands.length = 0;
    }
  }
}

/** Past an inline image's dictionary and data: "BI <dict> ID <binary> EI". */
function skipInlineImage(lexer: Lexer): void {
  const { bytes, end } = lexer;
  for (let guard = 0; guard < 1000; guard++) {
    const tok = lexer.next();
    if (tok === TOK_EOF) return;
    if (tok === TOK_KW && lexer.word === 'ID') break;
  }
  // The data ends at "EI" between white space (or at the end).
  let p = lexer.pos + 1;
  for (; p + 1 < end; p++) {
    if (bytes[p] === 69 && bytes[p + 1] === 73 && isWhite(bytes[p - 1] as number) && (p + 2 >= end || isWhite(bytes[p + 2] as number))) {
      lexer.pos = p + 2;
      return;
    }
  }
  lexer.pos = end;
}

function joinWithSpace(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const total = parts.reduce((s, p) => s + p.length + 1, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    out[at + p.length] = 10;
    at += p.length + 1;
  }
  return out;
}

interface SavedText {
  readonly m: [number, number, number, number, number, number, number, number, number, number, number, number];
  readonly font: PdfFont;
  readonly fontSize: number;
}

/** A TJ adjustment wider than this (thousandths of the font size, to the right) is a word gap. */
const GAP_THOUSANDTHS = 150;

const isSpaceCode = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0;

/**
 * The text state and where the last glyph ended, in device space, to decide
 * what separates the next run from it. The matrices are kept as numbers and
 * updated in place: a page shows thousands of runs.
 */
class TextRun {
  // Text matrix and text line matrix (ISO 32000-1, 9.4.2).
  private a = 1; private b = 0; private c = 0; private d = 1; private e = 0; private f = 0;
  private la = 1; private lb = 0; private lc = 0; private ld = 1; private le = 0; private lf = 0;
  font: PdfFont = NO_FONT;
  fontSize = 0;
  charSpacing = 0;
  wordSpacing = 0;
  scale = 1;
  leading = 0;
  private hasLast = false;
  private lastX = 0;
  private lastY = 0;
  private lastDirX = 1;
  private lastDirY = 0;
  private lastSize = 0;
  private endsWithSpace = true;

  constructor(private readonly write: (text: string) => void, readonly result: PageResult) {}

  setMatrix(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.a = this.la = a; this.b = this.lb = b; this.c = this.lc = c;
    this.d = this.ld = d; this.e = this.le = e; this.f = this.lf = f;
  }

  /** Td: the line matrix moves by (tx, ty) in its own space; the text matrix starts there. */
  move(tx: number, ty: number): void {
    const e = tx * this.la + ty * this.lc + this.le;
    const f = tx * this.lb + ty * this.ld + this.lf;
    this.setMatrix(this.la, this.lb, this.lc, this.ld, e, f);
  }

  advance(tx: number): void {
    this.e += tx * this.a;
    this.f += tx * this.b;
  }

  save(): SavedText {
    return { m: [this.a, this.b, this.c, this.d, this.e, this.f, this.la, this.lb, this.lc, this.ld, this.le, this.lf], font: this.font, fontSize: this.fontSize };
  }

  restore(s: SavedText): void {
    [this.a, this.b, this.c, this.d, this.e, this.f, this.la, this.lb, this.lc, this.ld, this.le, this.lf] = s.m;
    this.font = s.font;
    this.fontSize = s.fontSize;
  }

  /**
   * Shows a string. `continued` is set for the second and later strings of
   * one TJ: they follow on without a look at positions, after a space when
   * the adjustment before them was a word gap.
   */
  show(bytes: Uint8Array, ctm: Matrix, continued?: boolean): void {
    const { font } = this;
    let text = '';
    let tx = 0;
    let unmapped = 0;
    let chars = 0;
    for (let i = 0; i < bytes.length;) {
      const len = Math.max(1, font.codeLength(bytes, i));
      let code = 0;
      for (let k = 0; k < len; k++) code = code * 256 + (bytes[i + k] ?? 0);
      i += len;
      const ch = font.text(code);
      if (ch === undefined) unmapped++;
      else {
        text += ch;
        if (ch.length > 0 && !isSpaceCode(ch.charCodeAt(0))) chars++;
      }
      tx += (font.width(code) * this.fontSize + this.charSpacing + (len === 1 && code === 32 ? this.wordSpacing : 0)) * this.scale;
    }
    this.result.unmapped += unmapped;
    if (text === '') {
      this.advance(tx);
      return;
    }
    const startsWithSpace = isSpaceCode(text.charCodeAt(0));
    if (continued !== undefined) {
      if (continued && !this.endsWithSpace && !startsWithSpace) this.write(' ');
    } else {
      this.separate(ctm, startsWithSpace);
    }
    this.write(text);
    this.result.chars += chars;
    this.advance(tx);
    this.hasLast = true;
    this.lastX = this.e * ctm[0] + this.f * ctm[2] + ctm[4];
    this.lastY = this.e * ctm[1] + this.f * ctm[3] + ctm[5];
    this.endsWithSpace = isSpaceCode(text.charCodeAt(text.length - 1));
  }

  /** Before a run that starts afresh: a line break, a tab (a wide gap, a table's next column), a space, or nothing. */
  private separate(ctm: Matrix, startsWithSpace: boolean): void {
    // The text matrix times the CTM: where the run starts, its direction and its size on the page.
    const m0 = this.a * ctm[0] + this.b * ctm[2];
    const m1 = this.a * ctm[1] + this.b * ctm[3];
    const m2 = this.c * ctm[0] + this.d * ctm[2];
    const m3 = this.c * ctm[1] + this.d * ctm[3];
    const x = this.e * ctm[0] + this.f * ctm[2] + ctm[4];
    const y = this.e * ctm[1] + this.f * ctm[3] + ctm[5];
    const size = Math.abs(this.fontSize) * Math.sqrt(m2 * m2 + m3 * m3) || 1;
    const dirLength = Math.sqrt(m0 * m0 + m1 * m1) || 1;
    const dirX = m0 / dirLength;
    const dirY = m1 / dirLength;
    if (this.hasLast) {
      const dx = x - this.lastX;
      const dy = y - this.lastY;
      const along = dx * this.lastDirX + dy * this.lastDirY;
      const across = -dx * this.lastDirY + dy * this.lastDirX;
      const em = Math.max(size, this.lastSize);
      const turned = dirX * this.lastDirX + dirY * this.lastDirY < 0.9;
      if (turned || Math.abs(across) > em * 0.5) this.write('\n');
      else if (along > em * 1.5) this.write('\t');
      else if ((along > em * 0.15 || along < -em) && !this.endsWithSpace && !startsWithSpace) this.write(' ');
    }
    this.lastDirX = dirX;
    this.lastDirY = dirY;
    this.lastSize = size;
  }
}
