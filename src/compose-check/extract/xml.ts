// A tiny streaming XML tokenizer for the readers of OOXML and ODF parts.
// Hand-written: DOMParser does not exist in the send-time runtime, and XML
// libraries (fast-xml-parser, sax, saxes) build a tree or carry far more than
// reading text needs. It never expands DTD entities (no external entities, no
// "billion laughs"): only the five predefined ones and character references.
// Names are reported without their prefix ("w:t" and "t" alike), as writers
// differ in the prefixes they choose (the Open XML SDK writes "x:c").
import type { Budget } from './budget';

export interface XmlHandler {
  /** A start tag; `attrs` is its raw attribute text for attr(). */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data, entities decoded; only called while `wantText` is true. */
  text(text: string): void;
  readonly wantText: boolean;
}

const localName = (qname: string): string => {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
};

/** Runs `handler` over every tag and text run of `xml`, in order. */
export function scanXml(xml: string, handler: XmlHandler, budget: Budget): void {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (handler.wantText) handler.text(decodeXml(xml.slice(i)));
      return;
    }
    if (lt > i && handler.wantText) handler.text(decodeXml(xml.slice(i, lt)));
    budget.tick();
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      i = skipMarkup(xml, lt, handler);
      continue;
    }
    if (c === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (c === 47 /* / */) {
      const gt = xml.indexOf('>', lt + 2);
      const end = gt < 0 ? n : gt;
      handler.close(localName(xml.slice(lt + 2, end).trim()));
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
    const name = localName(xml.slice(lt + 1, j));
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
    if (end < 0) return; // an unfinished tag at the end: nothing more to read
    const selfClosing = xml.charCodeAt(end - 1) === 47;
    handler.open(name, xml.slice(attrsStart, selfClosing ? end - 1 : end), selfClosing);
    if (selfClosing) handler.close(name);
    i = end + 1;
  }
}

/** Comments, CDATA sections and a DOCTYPE (its internal subset skipped, never applied). */
function skipMarkup(xml: string, lt: number, handler: XmlHandler): number {
  const n = xml.length;
  if (xml.startsWith('<!--', lt)) {
    const end = xml.indexOf('-->', lt + 4);
    return end < 0 ? n : end + 3;
  }
  if (xml.startsWith('<![CDATA[', lt)) {
    const end = xml.indexOf(']]>', lt + 9);
    if (handler.wantText) handler.text(xml.slice(lt + 9, end < 0 ? n : end));
    return end < 0 ? n : end + 3;
  }
  const bracket = xml.indexOf('[', lt);
  const gt = xml.indexOf('>', lt);
  if (bracket >= 0 && (gt < 0 || bracket < gt)) {
    const end = xml.indexOf(']', bracket);
    const after = end < 0 ? -1 : xml.indexOf('>', end);
    return after < 0 ? n : after + 1;
  }
  return gt < 0 ? n : gt + 1;
}

/**
 * The value of attribute `name` (matched without its prefix) in a tag's raw
 * attribute text. With `prefixed`, only a prefixed attribute matches: a
 * relationship's "r:id" beside an element's own "id".
 */
export function attr(attrs: string, name: string, prefixed = false): string | undefined {
  const n = attrs.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(attrs.charCodeAt(i))) i++;
    const start = i;
    while (i < n && attrs.charCodeAt(i) !== 61 /* = */ && !isSpace(attrs.charCodeAt(i))) i++;
    const end = i;
    while (i < n && isSpace(attrs.charCodeAt(i))) i++;
    if (attrs.charCodeAt(i) !== 61) return undefined;
    i++;
    while (i < n && isSpace(attrs.charCodeAt(i))) i++;
    const quote = attrs.charCodeAt(i);
    if (quote !== 34 && quote !== 39) return undefined;
    const close = attrs.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close < 0) return undefined;
    const length = end - start;
    if (length >= name.length && attrs.startsWith(name, end - name.length) &&
      (prefixed ? length > name.length : length === name.length || attrs.charCodeAt(end - name.length - 1) === 58) &&
      (length === name.length || attrs.charCodeAt(end - name.length - 1) === 58 /* : */) && !attrs.startsWith('xmlns', start)) {
      return decodeXml(attrs.slice(i + 1, close));
    }
    i = close + 1;
  }
  return undefined;
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
