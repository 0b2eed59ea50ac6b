// A tiny streaming XML tokenizer for the readers of OOXML and ODF parts.
// Hand-written: DOMParser does not exist in the send-time runtime, and XML
// libraries (fast-xml-parser, sax, saxes) build a tree or carry far more than
// reading text needs. It never expands DTD entities (no external entities, no
// "billion laughs"): only the five predefined ones and character references.
// Names are reported without their prefix ("w:t" and "t" alike), as writers
// differ in the prefixes they choose (the Open XML SDK writes "x:c").
import type { Budget } from './budget';

/**
 * A start tag's attribute text, as a view into the document (no copy: a
 * sheet has a tag per cell); read it with attr() or AttrCursor, and only
 * during open(), as the view is reused for the next tag.
 */
export class Attrs {
  xml = '';
  start = 0;
  end = 0;

  toString(): string {
    return this.xml.slice(this.start, this.end);
  }
}

export interface XmlHandler {
  /** A start tag; `attrs` is its attribute text for attr(). */
  open(name: string, attrs: Attrs, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data, entities decoded; only called while `wantText` is true. */
  text(text: string): void;
  readonly wantText: boolean;
}

/** Interned local names: tags repeat by the hundred thousand, their names by the dozen. */
class Names {
  private readonly cache: (string | undefined)[] = new Array<string | undefined>(512);

  /** The local name (after any prefix) of xml[start, end), without a new string when seen before. */
  get(xml: string, start: number, end: number): string {
    let from = start;
    for (let k = start; k < end; k++) if (xml.charCodeAt(k) === 58 /* : */) from = k + 1;
    const length = end - from;
    if (length <= 0) return '';
    const key = ((xml.charCodeAt(from) * 31 + xml.charCodeAt(end - 1)) * 7 + length) & 511;
    const cached = this.cache[key];
    if (cached !== undefined && cached.length === length && xml.startsWith(cached, from)) return cached;
    const name = xml.slice(from, end);
    this.cache[key] = name;
    return name;
  }
}

/** Runs `handler` over every tag and text run of `xml`, in order. */
export function scanXml(xml: string, handler: XmlHandler, budget: Budget): void {
  scanFrom(xml, true, true, handler, budget, new Names(), new Attrs());
}

/**
 * As scanXml, over a part that arrives in pieces (ZipArchive.xmlPieces):
 * a sheet of several MB is never made into one string, which cost more than
 * reading it. Pieces are best cut before a '<' (most are then read alone, with
 * nothing carried over: text joined from two pieces read 2.5 times slower).
 * A tag, text run or comment cut by a piece's end is read again with the next
 * piece; one longer than a piece waits until the text held has doubled, so it
 * is read a few times, not once per piece.
 */
export function scanXmlPieces(pieces: Iterable<string>, handler: XmlHandler, budget: Budget): void {
  const names = new Names();
  const view = new Attrs();
  let held = '';
  let readAt = 0;
  let last: string | undefined;
  const read = (piece: string, next: string): void => {
    held += piece;
    if (held.length < readAt) return;
    // Text at the end is whole when the next piece starts with a tag.
    held = held.slice(scanFrom(held, false, next.charCodeAt(0) === 60, handler, budget, names, view));
    readAt = 2 * held.length;
  };
  for (const piece of pieces) {
    if (last !== undefined) read(last, piece);
    last = piece;
  }
  scanFrom(held + (last ?? ''), true, true, handler, budget, names, view);
}

/**
 * Reads `xml` from the start; returns where it stopped. With `final`, the
 * whole of it (an unfinished construct at the end is read as far as it goes,
 * or dropped); without, it stops before a construct that the end cuts short,
 * which the caller passes again with more text after it, and before text at
 * the end unless `textEnds`.
 */
function scanFrom(xml: string, final: boolean, textEnds: boolean, handler: XmlHandler, budget: Budget, names: Names, view: Attrs): number {
  const n = xml.length;
  view.xml = xml;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (!final && !textEnds) return i;
      if (handler.wantText) handler.text(decodeXml(xml.slice(i)));
      return n;
    }
    if (lt > i && handler.wantText) handler.text(decodeXml(xml.slice(i, lt)));
    budget.tick();
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      const end = skipMarkup(xml, lt, handler, final);
      if (end < 0) return lt;
      i = end;
      continue;
    }
    if (c === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0 && !final) return lt;
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (c === 47 /* / */) {
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0 && !final) return lt;
      const end = gt < 0 ? n : gt;
      let nameEnd = end;
      while (nameEnd > lt + 2 && isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
      handler.close(names.get(xml, lt + 2, nameEnd));
      i = end + 1;
      continue;
    }
    // Start tag: the name, then attributes, jumping over quoted values (which may hold '>').
    let j = lt + 1;
    while (j < n) {
      const ch = xml.charCodeAt(j);
      if (ch === 62 /* > */ || ch === 47 /* / */ || ch === 32 || ch === 9 || ch === 10 || ch === 13) break;
      j++;
    }
    const name = names.get(xml, lt + 1, j);
    const attrsStart = j;
    let end = -1;
    while (j < n) {
      const ch = xml.charCodeAt(j);
      if (ch === 34 /* " */ || ch === 39 /* ' */) {
        const close = xml.indexOf(ch === 34 ? '"' : "'", j + 1);
        if (close < 0) break;
        j = close + 1;
        continue;
      }
      if (ch === 62) { end = j; break; }
      j++;
    }
    // An unfinished tag at the end: more may come, or there is nothing more to read.
    if (end < 0) return final ? n : lt;
    const selfClosing = xml.charCodeAt(end - 1) === 47;
    view.start = attrsStart;
    view.end = selfClosing ? end - 1 : end;
    handler.open(name, view, selfClosing);
    if (selfClosing) handler.close(name);
    i = end + 1;
  }
  return n;
}

/**
 * Comments, CDATA sections and a DOCTYPE (its internal subset skipped, never
 * applied): where reading resumes, or -1 when the end cuts it short and more
 * text may come (not `final`).
 */
function skipMarkup(xml: string, lt: number, handler: XmlHandler, final: boolean): number {
  const n = xml.length;
  const cut = final ? n : -1;
  if (xml.startsWith('<!--', lt)) {
    const end = xml.indexOf('-->', lt + 4);
    return end < 0 ? cut : end + 3;
  }
  if (xml.startsWith('<![CDATA[', lt)) {
    const end = xml.indexOf(']]>', lt + 9);
    if (end < 0 && !final) return -1;
    if (handler.wantText) handler.text(xml.slice(lt + 9, end < 0 ? n : end));
    return end < 0 ? n : end + 3;
  }
  // Too short to tell a comment or CDATA section from a DOCTYPE yet.
  if (!final && lt + 9 > n) return -1;
  const bracket = xml.indexOf('[', lt);
  const gt = xml.indexOf('>', lt);
  if (bracket >= 0 && (gt < 0 || bracket < gt)) {
    const end = xml.indexOf(']', bracket);
    const after = end < 0 ? -1 : xml.indexOf('>', end);
    return after < 0 ? cut : after + 1;
  }
  return gt < 0 ? cut : gt + 1;
}

/**
 * The value of attribute `name` (matched without its prefix) in a tag's
 * attributes. With `prefixed`, only a prefixed attribute matches: a
 * relationship's "r:id" beside an element's own "id".
 */
export function attr(attrs: Attrs | string, name: string, prefixed = false): string | undefined {
  const cursor = new AttrCursor().reset(attrs);
  while (cursor.next()) {
    if (cursor.is(name, prefixed)) return cursor.value();
  }
  return undefined;
}

/**
 * Walks a tag's attributes once, for elements read by the hundred thousand
 * (a sheet's cells), where attr() per name would scan the text again each time.
 */
export class AttrCursor {
  private xml = '';
  private i = 0;
  private end = 0;
  private nameStart = 0;
  private nameEnd = 0;
  private valueStart = 0;
  private valueEnd = 0;

  reset(attrs: Attrs | string): this {
    if (typeof attrs === 'string') {
      this.xml = attrs;
      this.i = 0;
      this.end = attrs.length;
    } else {
      this.xml = attrs.xml;
      this.i = attrs.start;
      this.end = attrs.end;
    }
    return this;
  }

  /** Moves to the next attribute; false at the end (or at malformed text). */
  next(): boolean {
    const { xml, end } = this;
    let i = this.i;
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    if (i >= end) return false;
    this.nameStart = i;
    while (i < end && xml.charCodeAt(i) !== 61 && !isSpace(xml.charCodeAt(i))) i++;
    this.nameEnd = i;
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== 61) return false;
    i++;
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== 34 && quote !== 39) return false;
    const close = xml.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close < 0 || close >= end) return false;
    this.valueStart = i + 1;
    this.valueEnd = close;
    this.i = close + 1;
    return true;
  }

  /** True when the current attribute's local name is `name` (and, with `prefixed`, it has a prefix); never a namespace declaration. */
  is(name: string, prefixed = false): boolean {
    const { xml, nameStart, nameEnd } = this;
    const at = nameEnd - name.length;
    if (at < nameStart || !xml.startsWith(name, at)) return false;
    if (at === nameStart) return !prefixed;
    return xml.charCodeAt(at - 1) === 58 && !xml.startsWith('xmlns', nameStart);
  }

  value(): string {
    return decodeXml(this.xml.slice(this.valueStart, this.valueEnd));
  }

  /** True when the current value is exactly `text` (no string made). */
  valueIs(text: string): boolean {
    return this.valueEnd - this.valueStart === text.length && this.xml.startsWith(text, this.valueStart);
  }

  /** The current value as a non-negative integer, or -1. */
  int(): number {
    let v = 0;
    if (this.valueEnd === this.valueStart) return -1;
    for (let k = this.valueStart; k < this.valueEnd; k++) {
      const c = this.xml.charCodeAt(k) - 48;
      if (c < 0 || c > 9) return -1;
      v = v * 10 + c;
    }
    return v;
  }

  /** The current value as an A1 reference: [column index, row], or undefined. */
  cellRef(): [number, number] | undefined {
    const { xml, valueStart, valueEnd } = this;
    let col = 0;
    let k = valueStart;
    for (; k < valueEnd; k++) {
      const c = xml.charCodeAt(k);
      if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
      else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
      else break;
    }
    if (k === valueStart || k === valueEnd) return undefined;
    let row = 0;
    for (; k < valueEnd; k++) {
      const c = xml.charCodeAt(k) - 48;
      if (c < 0 || c > 9) return undefined;
      row = row * 10 + c;
    }
    return row >= 1 ? [col - 1, row] : undefined;
  }
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five predefined entities and character references; anything else stays as written. */
export function decodeXml(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,4});/g, (whole, body: string) => {
    if (body.charCodeAt(0) !== 35) return PREDEFINED[body] ?? whole;
    const cp = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
    return String.fromCodePoint(cp);
  });
}
