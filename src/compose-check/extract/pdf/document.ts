// A PDF's file structure (ISO 32000-1, 7.5): the cross-reference chain
// (tables and streams, /Prev and hybrid /XRefStm), object streams, and a
// recovery scan of "N G obj" when the cross-reference is missing or wrong,
// as readers do for the many damaged files in circulation. Objects are parsed
// only when asked for, so a file of a million tiny objects costs only what
// its pages reach.
import { Unreadable, Stop, formatCount, type Budget } from '../budget';
import { decodeFilters } from './filters';
import {
  Lexer, PdfDict, PdfKeyword, PdfRef, PdfStream, TOK_KW, TOK_NUM, indexOfBytes, isWhite, lastIndexOfBytes, parseValue,
  type PdfValue,
} from './objects';

type XrefEntry = { readonly kind: 'offset'; readonly offset: number } | { readonly kind: 'compressed'; readonly stream: number; readonly index: number };

/** References followed in a row before a chain is taken for a loop. */
const MAX_REF_CHAIN = 32;

export class PdfDocument {
  private readonly xref = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, PdfValue>();
  private readonly resolving = new Set<number>();
  private readonly objectStreams = new Map<number, Map<number, number>>();
  private readonly decoded = new Map<PdfStream, Uint8Array | undefined>();
  private scanned = false;
  trailer = new PdfDict();
  /** Every trailer seen, newest first: /Encrypt may sit in any of them. */
  readonly trailers: PdfDict[] = [];

  constructor(readonly bytes: Uint8Array, private readonly budget: Budget) {
    let ok = false;
    try {
      ok = this.readXrefChain();
    } catch (error) {
      if (error instanceof Stop) throw error;
      ok = false;
    }
    if (!ok || !(this.resolve(this.trailer.get('Root')) instanceof PdfDict)) this.recover();
  }

  /** Follows a value to what it refers to (null for a dangling or looping reference). */
  resolve(v: PdfValue | undefined): PdfValue | undefined {
    let value = v;
    for (let hops = 0; value instanceof PdfRef; hops++) {
      if (hops >= MAX_REF_CHAIN) return null;
      value = this.object(value.num);
    }
    return value;
  }

  dict(v: PdfValue | undefined): PdfDict | undefined {
    const r = this.resolve(v);
    if (r instanceof PdfDict) return r;
    if (r instanceof PdfStream) return r.dict;
    return undefined;
  }

  /** A stream's decoded data, or undefined for images and unreadable filters. Decoded once. */
  streamData(stream: PdfStream): Uint8Array | undefined {
    if (this.decoded.has(stream)) return this.decoded.get(stream);
    const data = decodeFilters(stream.bytes.subarray(stream.start, stream.end), stream.dict, (v) => this.resolve(v), this.budget);
    this.decoded.set(stream, data);
    return data;
  }

  /** The object numbered `num`, parsed on first use. */
  object(num: number): PdfValue {
    const cached = this.cache.get(num);
    if (cached !== undefined) return cached;
    if (this.resolving.has(num)) return null; // a loop (a stream's /Length pointing at itself)
    this.resolving.add(num);
    try {
      this.budget.tick();
      let value = this.load(num);
      if (value === undefined && !this.scanned) {
        // The cross-reference is wrong about this object: find it by scanning, as a repair would.
        this.scan();
        value = this.load(num);
      }
      const result = value ?? null;
      this.cache.set(num, result);
      return result;
    } finally {
      this.resolving.delete(num);
    }
  }

  private load(num: number): PdfValue | undefined {
    const entry = this.xref.get(num);
    if (!entry) return undefined;
    if (entry.kind === 'compressed') return this.fromObjectStream(entry.stream, entry.index, num);
    return this.parseIndirect(entry.offset, num);
  }

  /** "num gen obj value [stream ... endstream] endobj" at `offset`, or undefined if not there. */
  private parseIndirect(offset: number, expect: number): PdfValue | undefined {
    if (offset < 0 || offset >= this.bytes.length) return undefined;
    const lexer = new Lexer(this.bytes, offset);
    if (lexer.next() !== TOK_NUM || lexer.num !== expect) return undefined;
    if (lexer.next() !== TOK_NUM) return undefined;
    if (lexer.next() !== TOK_KW || lexer.word !== 'obj') return undefined;
    let value: PdfValue;
    try {
      value = parseValue(lexer, true);
    } catch (error) {
      if (error instanceof Unreadable) return null;
      throw error;
    }
    if (!(value instanceof PdfDict)) return value instanceof PdfKeyword ? null : value;
    const save = lexer.pos;
    if (lexer.next() === TOK_KW && (lexer.word as string) === 'stream') return this.streamAt(value, lexer.pos);
    lexer.pos = save;
    return value;
  }

  private streamAt(dict: PdfDict, afterKeyword: number): PdfStream {
    const { bytes } = this;
    let start = afterKeyword;
    if (bytes[start] === 13) start++;
    if (bytes[start] === 10) start++;
    const length = this.resolve(dict.get('Length'));
    if (typeof length === 'number' && length >= 0 && start + length <= bytes.length) {
      let p = start + length;
      while (p < bytes.length && isWhite(bytes[p] as number)) p++;
      if (indexOfBytes(bytes, 'endstream', p, Math.min(bytes.length, p + 9)) === p) return new PdfStream(dict, bytes, start, start + length);
    }
    // A wrong or missing /Length: the data runs to "endstream", as every reader assumes.
    const found = indexOfBytes(bytes, 'endstream', start);
    let end = found < 0 ? bytes.length : found;
    if (found >= 0 && bytes[end - 1] === 10) end--;
    if (found >= 0 && bytes[end - 1] === 13) end--;
    return new PdfStream(dict, bytes, start, Math.max(start, end));
  }

  private fromObjectStream(streamNum: number, index: number, num: number): PdfValue | undefined {
    const stream = this.resolve(new PdfRef(streamNum, 0));
    if (!(stream instanceof PdfStream)) return undefined;
    const data = this.streamData(stream);
    if (!data) return undefined;
    let offsets = this.objectStreams.get(streamNum);
    const first = this.resolve(stream.dict.get('First'));
    const count = this.resolve(stream.dict.get('N'));
    if (typeof first !== 'number' || typeof count !== 'number') return undefined;
    if (!offsets) {
      offsets = new Map();
      const lexer = new Lexer(data, 0, Math.min(data.length, first));
      for (let k = 0; k < count; k++) {
        this.budget.tick();
        if (lexer.next() !== TOK_NUM) break;
        const n = lexer.num;
        if (lexer.next() !== TOK_NUM) break;
        offsets.set(n, lexer.num);
      }
      this.objectStreams.set(streamNum, offsets);
    }
    void index; // the header's own number is trusted over the xref's index, which some writers get wrong
    const at = offsets.get(num);
    if (at === undefined) return undefined;
    try {
      return parseValue(new Lexer(data, first + at), true);
    } catch (error) {
      if (error instanceof Unreadable) return null;
      throw error;
    }
  }

  // -------------------------------------------------------------------------
  // Cross-reference chain

  private readXrefChain(): boolean {
    const { bytes } = this;
    const tailFrom = Math.max(0, bytes.length - 2048);
    const at = lastIndexOfBytes(bytes, 'startxref', bytes.length, tailFrom);
    if (at < 0) return false;
    const lexer = new Lexer(bytes, at + 9);
    if (lexer.next() !== TOK_NUM) return false;
    let offset = lexer.num;
    const seen = new Set<number>();
    let first = true;
    while (offset >= 0 && offset < bytes.length && !seen.has(offset)) {
      seen.add(offset);
      const trailer = this.readXrefSection(offset);
      if (!trailer) return !first;
      if (first) this.trailer = trailer;
      else for (const [k, v] of trailer.map) if (!this.trailer.map.has(k)) this.trailer.map.set(k, v);
      this.trailers.push(trailer);
      first = false;
      // A hybrid file's table points at a stream holding its compressed objects.
      const hybrid = trailer.get('XRefStm');
      if (typeof hybrid === 'number' && !seen.has(hybrid)) {
        seen.add(hybrid);
        this.readXrefSection(hybrid);
      }
      const prev = trailer.get('Prev');
      if (typeof prev !== 'number') break;
      offset = prev;
    }
    return this.xref.size > 0;
  }

  /** One table (or stream); its entries are added where no newer one exists. Returns its trailer. */
  private readXrefSection(offset: number): PdfDict | undefined {
    const lexer = new Lexer(this.bytes, offset);
    const tok = lexer.next();
    if (tok === TOK_KW && lexer.word === 'xref') return this.readXrefTable(lexer);
    if (tok === TOK_NUM) {
      lexer.pos = offset;
      const num = lexer.next() === TOK_NUM ? lexer.num : -1;
      const value = this.parseIndirect(offset, num);
      if (value instanceof PdfStream && value.dict.get('Type') === 'XRef') {
        this.readXrefStream(value);
        return value.dict;
      }
    }
    return undefined;
  }

  private readXrefTable(lexer: Lexer): PdfDict | undefined {
    const { maxPdfObjects } = this.budget.limits;
    for (;;) {
      const save = lexer.pos;
      const tok = lexer.next();
      if (tok === TOK_KW && lexer.word === 'trailer') {
        const trailer = parseValue(lexer, true);
        return trailer instanceof PdfDict ? trailer : undefined;
      }
      if (tok !== TOK_NUM) {
        lexer.pos = save;
        return undefined;
      }
      const start = lexer.num;
      if (lexer.next() !== TOK_NUM) return undefined;
      const count = lexer.num;
      if (count > maxPdfObjects || this.xref.size + count > maxPdfObjects * 2) throw this.tooManyObjects();
      for (let k = 0; k < count; k++) {
        this.budget.tick();
        if (lexer.next() !== TOK_NUM) return undefined;
        const off = lexer.num;
        if (lexer.next() !== TOK_NUM) return undefined;
        if (lexer.next() !== TOK_KW) return undefined;
        const num = start + k;
        if (lexer.word === 'n' && !this.xref.has(num) && off > 0) this.xref.set(num, { kind: 'offset', offset: off });
        else if (lexer.word === 'f' && !this.xref.has(num)) this.xref.set(num, { kind: 'offset', offset: -1 });
      }
    }
  }

  private readXrefStream(stream: PdfStream): void {
    const data = this.streamData(stream);
    if (!data) return;
    const w = this.resolve(stream.dict.get('W'));
    if (!Array.isArray(w) || w.length < 3) return;
    const widths = w.map((x) => (typeof x === 'number' ? Math.max(0, Math.min(8, x)) : 0));
    const size = this.resolve(stream.dict.get('Size'));
    const index = this.resolve(stream.dict.get('Index'));
    const ranges = Array.isArray(index) ? index.map((x) => (typeof x === 'number' ? x : 0)) : [0, typeof size === 'number' ? size : 0];
    const rowLength = (widths[0] as number) + (widths[1] as number) + (widths[2] as number);
    if (rowLength === 0) return;
    const { maxPdfObjects } = this.budget.limits;
    let p = 0;
    const field = (width: number, fallback: number): number => {
      if (width === 0) return fallback;
      let v = 0;
      for (let k = 0; k < width; k++) v = v * 256 + (data[p++] ?? 0);
      return v;
    };
    for (let r = 0; r + 1 < ranges.length; r += 2) {
      const start = ranges[r] as number;
      const count = ranges[r + 1] as number;
      if (count > maxPdfObjects || this.xref.size + count > maxPdfObjects * 2) throw this.tooManyObjects();
      for (let k = 0; k < count && p + rowLength <= data.length; k++) {
        this.budget.tick();
        const type = field(widths[0] as number, 1);
        const a = field(widths[1] as number, 0);
        const b = field(widths[2] as number, 0);
        const num = start + k;
        if (this.xref.has(num)) continue;
        if (type === 1) this.xref.set(num, { kind: 'offset', offset: a });
        else if (type === 2) this.xref.set(num, { kind: 'compressed', stream: a, index: b });
        else if (type === 0) this.xref.set(num, { kind: 'offset', offset: -1 });
      }
    }
  }

  private tooManyObjects(): Stop {
    return new Stop(`stopped: more than ${formatCount(this.budget.limits.maxPdfObjects)} objects in the PDF`);
  }

  // -------------------------------------------------------------------------
  // Recovery

  /**
   * Rebuilds the cross-reference from the objects themselves: every
   * "N G obj" (a later one wins, as an incremental update does), the
   * objects inside object streams, and every trailer.
   */
  private recover(): void {
    this.scan();
    if (this.resolve(this.trailer.get('Root')) instanceof PdfDict) return;
    // No trailer names the catalog: take the last object that says it is one.
    const { bytes } = this;
    for (let at = lastIndexOfBytes(bytes, '/Catalog', bytes.length); at >= 0; at = lastIndexOfBytes(bytes, '/Catalog', at)) {
      const num = this.objectAround(at);
      if (num !== undefined && this.dict(new PdfRef(num, 0))?.get('Type') === 'Catalog') {
        this.trailer.map.set('Root', new PdfRef(num, 0));
        return;
      }
    }
  }

  /** Offsets of every "N G obj" in the file; returns once per document. */
  private scan(): void {
    if (this.scanned) return;
    this.scanned = true;
    const { bytes } = this;
    const { maxPdfObjects } = this.budget.limits;
    const found = new Map<number, number>();
    const starts: number[] = [];
    for (let at = indexOfBytes(bytes, 'obj', 0); at >= 0; at = indexOfBytes(bytes, 'obj', at + 3)) {
      this.budget.tick();
      const after = bytes[at + 3];
      if (after !== undefined && !isWhite(after) && after !== 60 /* < */ && after !== 91 /* [ */ && after !== 47 && after !== 40) continue;
      const start = objectHeaderStart(bytes, at);
      if (start < 0) continue;
      found.set(numberAt(bytes, start), start);
      starts.push(start);
      if (found.size > maxPdfObjects) throw this.tooManyObjects();
    }
    this.objectStarts = starts;
    // Scanned offsets replace the table's: the table was wrong somewhere.
    for (const [num, offset] of found) {
      const current = this.xref.get(num);
      if (!current || current.kind === 'offset') this.xref.set(num, { kind: 'offset', offset });
      this.cache.delete(num);
    }
    // Objects inside object streams, for those the scan did not find directly.
    for (let at = indexOfBytes(bytes, '/ObjStm', 0); at >= 0; at = indexOfBytes(bytes, '/ObjStm', at + 7)) {
      const num = this.objectAround(at);
      if (num === undefined) continue;
      const stream = this.resolve(new PdfRef(num, 0));
      if (!(stream instanceof PdfStream)) continue;
      const data = this.streamData(stream);
      const count = this.resolve(stream.dict.get('N'));
      const first = this.resolve(stream.dict.get('First'));
      if (!data || typeof count !== 'number' || typeof first !== 'number') continue;
      const lexer = new Lexer(data, 0, Math.min(data.length, first));
      for (let k = 0; k < count; k++) {
        this.budget.tick();
        if (lexer.next() !== TOK_NUM) break;
        const n = lexer.num;
        if (lexer.next() !== TOK_NUM) break;
        if (!found.has(n)) this.xref.set(n, { kind: 'compressed', stream: num, index: k });
      }
    }
    // Trailers, newest last; a cross-reference stream's dictionary is a trailer too.
    for (let at = indexOfBytes(bytes, 'trailer', 0); at >= 0; at = indexOfBytes(bytes, 'trailer', at + 7)) {
      try {
        const t = parseValue(new Lexer(bytes, at + 7), true);
        if (t instanceof PdfDict) this.adoptTrailer(t);
      } catch (error) {
        if (!(error instanceof Unreadable)) throw error;
      }
    }
    for (let at = indexOfBytes(bytes, '/XRef', 0); at >= 0; at = indexOfBytes(bytes, '/XRef', at + 5)) {
      const num = this.objectAround(at);
      const d = num === undefined ? undefined : this.dict(new PdfRef(num, 0));
      if (d && d.get('Type') === 'XRef') this.adoptTrailer(d);
    }
  }

  private adoptTrailer(t: PdfDict): void {
    this.trailers.push(t);
    if (t.get('Root') !== undefined) {
      for (const [k, v] of t.map) this.trailer.map.set(k, v);
    } else if (t.get('Encrypt') !== undefined) {
      this.trailer.map.set('Encrypt', t.get('Encrypt') ?? null);
    }
  }

  private objectStarts: number[] = [];

  /** The number of the object whose "N G obj" comes last before `at`. */
  private objectAround(at: number): number | undefined {
    const starts = this.objectStarts;
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0 || (starts[0] as number) > at) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    const lexer = new Lexer(this.bytes, starts[lo] as number);
    return lexer.next() === TOK_NUM ? lexer.num : undefined;
  }

  /** True when any trailer names an /Encrypt dictionary. */
  get encrypted(): boolean {
    return this.trailer.get('Encrypt') !== undefined || this.trailers.some((t) => t.get('Encrypt') !== undefined);
  }

  /** Every page in the page tree's order; without a usable tree, every object that says it is a page. */
  pages(): PdfDict[] {
    const pages: PdfDict[] = [];
    const root = this.dict(this.trailer.get('Root'));
    const visited = new Set<PdfDict>();
    const walk = (node: PdfDict | undefined, inherited: Inherited, depth: number): void => {
      if (!node || visited.has(node) || depth > 64) return;
      visited.add(node);
      this.budget.tick();
      const here: Inherited = {
        Resources: node.get('Resources') ?? inherited.Resources,
      };
      const kids = this.resolve(node.get('Kids'));
      if (node.get('Type') === 'Pages' || (Array.isArray(kids) && node.get('Type') !== 'Page')) {
        if (Array.isArray(kids)) for (const kid of kids) walk(this.dict(kid), here, depth + 1);
        return;
      }
      if (here.Resources !== undefined && node.get('Resources') === undefined) node.map.set('Resources', here.Resources);
      pages.push(node);
    };
    walk(this.dict(root?.get('Pages')), {}, 0);
    if (pages.length > 0) return pages;
    // A broken tree: the page objects themselves, in file order.
    this.scan();
    for (const start of this.objectStarts) {
      const lexer = new Lexer(this.bytes, start);
      if (lexer.next() !== TOK_NUM) continue;
      const d = this.dict(new PdfRef(lexer.num, 0));
      if (d && d.get('Type') === 'Page' && !visited.has(d)) {
        visited.add(d);
        pages.push(d);
      }
    }
    return pages;
  }
}

interface Inherited {
  Resources?: PdfValue;
}

/** Where "N G obj" starts, given the index of its "obj"; -1 if the bytes before it are not two numbers. */
function objectHeaderStart(bytes: Uint8Array, objAt: number): number {
  let p = objAt - 1;
  // White space, digits (the generation), white space, digits (the number), each at least one long.
  for (let part = 0; part < 4; part++) {
    const end = p;
    if (part % 2 === 0) while (p >= 0 && isWhite(bytes[p] as number)) p--;
    else while (p >= 0 && end - p <= 10 && (bytes[p] as number) >= 48 && (bytes[p] as number) <= 57) p--;
    if (p === end || (part % 2 === 1 && end - p > 10)) return -1;
  }
  if (p >= 0 && !isWhite(bytes[p] as number) && bytes[p] !== 62 /* > */ && bytes[p] !== 93 /* ] */ && bytes[p] !== 41) {
    // "endobj12 0 obj" is accepted; a number glued to other text is not.
    if (!(bytes[p] === 106 /* j */ && p >= 5)) return -1;
  }
  return p + 1;
}

/** The object number at `start` (digits), without a lexer. */
function numberAt(bytes: Uint8Array, start: number): number {
  let v = 0;
  for (let p = start; p < bytes.length; p++) {
    const c = (bytes[p] as number) - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
  }
  return v;
}
