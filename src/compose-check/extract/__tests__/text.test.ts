import { afterEach, describe, expect, it } from 'vitest';
import { decodeText, decodeUtf8, decodeUtf8Js, decodeUtf8Pieces, isUtf8 } from '../text-decode';
import { attr, decodeXml, scanXml, scanXmlPieces, type XmlHandler } from '../xml';
import { Budget, DEFAULT_LIMITS } from '../budget';
import { bytesOf, extract, fixture, outcome, part } from './support';

const utf16 = (s: string, littleEndian: boolean, bom: boolean): Uint8Array => {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const units = [...(bom ? [0xfeff] : []), ...Array.from(s, (c) => c.charCodeAt(0))];
  units.forEach((u, i) => {
    out[2 * i] = littleEndian ? u & 0xff : u >> 8;
    out[2 * i + 1] = littleEndian ? u >> 8 : u & 0xff;
  });
  return out;
};

describe('text attachments from bytes', () => {
  const csv = 'Name,UPN\r\nZo\u00eb Smith-Jones,E886402190211\r\n';

  it('decodes UTF-8 with and without a byte-order mark', () => {
    const utf8 = new TextEncoder().encode(csv);
    expect(decodeText(utf8)).toBe(csv);
    expect(decodeText(bytesOf(new Uint8Array([0xef, 0xbb, 0xbf]), utf8))).toBe(csv);
  });

  it('decodes UTF-16 little- and big-endian, with a byte-order mark and without (as Excel\'s "Unicode text" is)', () => {
    for (const le of [true, false]) {
      expect(decodeText(utf16(csv, le, true))).toBe(csv);
      expect(decodeText(utf16(csv, le, false))).toBe(csv);
    }
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8 (a CSV saved by Excel on a UK PC)', () => {
    const cp1252 = Uint8Array.from('Zo\u00eb \u0080 \u0092 caf\u00e9', (c) => c.charCodeAt(0));
    expect(isUtf8(cp1252)).toBe(false);
    expect(decodeText(cp1252)).toBe('Zo\u00eb \u20ac \u2019 caf\u00e9');
  });

  it('reads .csv, .txt and .html attachments, HTML reduced to text', () => {
    expect(part(extract('a.csv', new TextEncoder().encode(csv)), '').text).toBe(csv);
    expect(part(extract('a.htm', new TextEncoder().encode('<table><tr><td>Emily</td><td>Q886402190100</td></tr></table>')), '').text).toBe('\n\n\tEmily\tQ886402190100\n\n');
    // An "Excel" export that is really an HTML table named .xls.
    expect(part(extract('export.xls', new TextEncoder().encode('<html><body><table><tr><td>UPN</td></tr></table></body></html>')), '').text).toContain('\tUPN');
  });

  it('says images, audio and unknown binary files are not checked', () => {
    expect(outcome(extract('logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])))).toBe('unsupported: an image');
    expect(outcome(extract('note.m4a', new Uint8Array([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70])))).toBe('unsupported: audio');
    expect(outcome(extract('tool.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])))).toBe('unsupported: a file type that is not checked (.exe)');
  });
});

describe('UTF-8 without TextDecoder', () => {
  it('decodes exactly as TextDecoder does, malformed sequences included', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const native = new TextDecoder('utf-8');
    for (let round = 0; round < 300; round++) {
      const bytes = new Uint8Array(1 + Math.floor(random() * 64));
      for (let i = 0; i < bytes.length; i++) {
        // Mostly the bytes that make up multi-byte sequences, so that errors of every kind occur.
        const r = random();
        bytes[i] = r < 0.3 ? Math.floor(random() * 0x80) : r < 0.6 ? 0x80 + Math.floor(random() * 0x40) : 0xc0 + Math.floor(random() * 0x40);
      }
      expect(decodeUtf8Js(bytes)).toBe(native.decode(bytes));
    }
    const text = 'Zo\u00eb \u20ac \ud83d\ude00 \u0915'.repeat(5000);
    expect(decodeUtf8Js(new TextEncoder().encode(text))).toBe(text);
  });

  it('decodes long ASCII runs exactly as TextDecoder does, whatever sits between them and wherever a run ends', () => {
    let seed = 11;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const native = new TextDecoder('utf-8');
    // Between ASCII runs: a valid accent, euro and emoji, an encoded surrogate (invalid in UTF-8), a lone
    // continuation byte, a cut-off sequence, an overlong form, a byte never valid.
    const between = [[0xc3, 0xab], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xed, 0xa0, 0x80], [0x80], [0xe2, 0x82], [0xc0, 0xaf], [0xff]];
    const ascii = (length: number): number[] => Array.from({ length }, () => 0x20 + Math.floor(random() * 0x5f));
    for (let round = 0; round < 200; round++) {
      const bytes: number[] = [];
      while (bytes.length < 20000) {
        // Runs either side of the fast path's threshold, and some longer than a whole chunk.
        const r = random();
        bytes.push(...ascii(r < 0.1 ? 8000 + Math.floor(random() * 400) : r < 0.5 ? 29 + Math.floor(random() * 6) : Math.floor(random() * 200)));
        bytes.push(...(between[Math.floor(random() * between.length)] ?? []));
      }
      const data = new Uint8Array(bytes);
      expect(decodeUtf8Js(data)).toBe(native.decode(data));
      const start = Math.floor(random() * 100);
      const end = data.length - Math.floor(random() * 100);
      expect(decodeUtf8Js(data, start, end)).toBe(native.decode(data.subarray(start, end)));
    }
    const plain = new Uint8Array(ascii(3 * 8192 + 5));
    expect(decodeUtf8Js(plain)).toBe(native.decode(plain));
    expect(decodeUtf8Js(plain, 5, 5)).toBe('');
  });

  const saved = Object.getOwnPropertyDescriptor(globalThis, 'TextDecoder');
  afterEach(() => {
    if (saved) Object.defineProperty(globalThis, 'TextDecoder', saved);
  });

  it('reads every fixture the same with TextDecoder deleted', () => {
    const names = ['pupils.xlsx', 'pupils.ods', 'report.docx', 'report.odt', 'report.pdf', 'slides.pptx', 'archive.zip'];
    const withNative = names.map((n) => extract(n));
    Reflect.deleteProperty(globalThis, 'TextDecoder');
    expect('TextDecoder' in globalThis).toBe(false);
    expect(decodeUtf8(new Uint8Array([0x5a, 0x6f, 0xc3, 0xab]))).toBe('Zo\u00eb');
    const without = names.map((n) => extract(n));
    const flat = (r: ReturnType<typeof extract>): unknown => (r.kind === 'text' ? r.parts.map((p) => [p.label, p.text]) : r);
    expect(without.map(flat)).toEqual(withNative.map(flat));
    expect(part(without[0] ?? extract('pupils.xlsx'), 'sheet Year 9').text).toContain('Zo\u00eb Smith-Jones');
  });

  it('keeps a fixture readable whatever the clock: the time limit needs the caller\'s clock', () => {
    let t = 0;
    // A clock that jumps a second on every read stops the first check.
    expect(outcome(extract('pupils.xlsx', fixture('pupils.xlsx'), { timeMs: 500 }, () => (t += 1000)))).toBe('unreadable: stopped: took longer than 500 ms to read');
    expect(outcome(extract('pupils.xlsx', fixture('pupils.xlsx'), { timeMs: 500 }))).toMatch(/^text: 3 parts/);
  });
});

describe('UTF-8 in pieces', () => {
  it('cuts where no character straddles a cut, so the pieces join to exactly the whole, as TextDecoder reads it', () => {
    let seed = 5;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const native = new TextDecoder('utf-8');
    for (let round = 0; round < 300; round++) {
      const bytes = new Uint8Array(1 + Math.floor(random() * 400));
      for (let i = 0; i < bytes.length; i++) {
        // ASCII with '<' in it, and bytes of multi-byte sequences, valid or not.
        const r = random();
        bytes[i] = r < 0.1 ? 0x3c : r < 0.4 ? Math.floor(random() * 0x80) : r < 0.7 ? 0x80 + Math.floor(random() * 0x40) : 0xc0 + Math.floor(random() * 0x40);
      }
      const size = 4 + Math.floor(random() * 40);
      for (const cutBefore of [-1, 0x3c]) {
        const pieces = [...decodeUtf8Pieces(bytes, 0, bytes.length, cutBefore, size)];
        expect(pieces.join('')).toBe(native.decode(bytes));
        expect(pieces.every((p) => p.length > 0)).toBe(true);
        Reflect.deleteProperty(globalThis, 'TextDecoder');
        try {
          expect([...decodeUtf8Pieces(bytes, 0, bytes.length, cutBefore, size)]).toEqual(pieces);
        } finally {
          globalThis.TextDecoder = native.constructor as typeof TextDecoder;
        }
      }
    }
  });

  it("cuts before a '<' in a piece's second half when asked, and never splits a character", () => {
    const xml = '<row><c>Zo\u00eb \ud83d\ude00</c></row>'.repeat(50);
    const bytes = new TextEncoder().encode(xml);
    const pieces = [...decodeUtf8Pieces(bytes, 0, bytes.length, 0x3c, 64)];
    expect(pieces.join('')).toBe(xml);
    expect(pieces.length).toBeGreaterThan(10);
    for (const p of pieces.slice(1)) expect(p.startsWith('<')).toBe(true);
    const plain = [...decodeUtf8Pieces(bytes, 0, bytes.length, -1, 64)];
    expect(plain.join('')).toBe(xml);
    expect(plain.some((p) => !p.startsWith('<'))).toBe(true);
    expect(plain.every((p) => !/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(p))).toBe(true);
  });
});

describe('XML tokenizer', () => {
  const budget = new Budget(DEFAULT_LIMITS, undefined);
  /** Every event, as text; text only inside <t> when `onlyT`, as the sheet reader asks for it. */
  const recorder = (onlyT = false): { handler: XmlHandler; out: string[] } => {
    const out: string[] = [];
    let inT = false;
    const handler: XmlHandler = {
      get wantText() { return !onlyT || inT; },
      open: (name, attrs, selfClosing) => { out.push(`<${name}${attrs}${selfClosing ? '/' : ''}>`); if (name === 't' && !selfClosing) inT = true; },
      close: (name) => { out.push(`</${name}>`); if (name === 't') inT = false; },
      text: (t) => out.push(t),
    };
    return { handler, out };
  };
  const events = (xml: string): string[] => {
    const { handler, out } = recorder();
    scanXml(xml, handler, budget);
    return out;
  };

  it('reads a part in pieces exactly as in one string, wherever the pieces are cut', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "x">]><d a="1 > 0" b=\'<\'><!-- a <comment> --><t>Zo&#235; &amp; Jo</t>' +
      '<?pi <x>?><![CDATA[<raw> & ]]><s/><t xml:space="preserve"> spaced </t>text &lt; more<e></e></d>tail<x attr="never closed';
    let seed = 3;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (const onlyT of [false, true]) {
      const whole = recorder(onlyT);
      scanXml(xml, whole.handler, budget);
      for (let round = 0; round < 400; round++) {
        const pieces: string[] = [];
        // Cuts everywhere: inside names, attributes, entities, comments, CDATA, the DOCTYPE.
        for (let at = 0; at < xml.length;) {
          const next = Math.min(xml.length, at + 1 + Math.floor(random() * (round % 2 ? 6 : 40)));
          pieces.push(xml.slice(at, next));
          at = next;
        }
        const split = recorder(onlyT);
        scanXmlPieces(pieces, split.handler, budget);
        expect(split.out).toEqual(whole.out);
      }
    }
    expect(events(xml)).toContain('Zo\u00eb & Jo');
  });

  it('reads a construct longer than many pieces once it has them all, and nothing when there are none', () => {
    const xml = `<a><!--${'-'.repeat(5000)} <b> -->text</a>`;
    const pieces = xml.match(/[^]{1,7}/g) ?? [];
    const { handler, out } = recorder();
    scanXmlPieces(pieces, handler, budget);
    expect(out).toEqual(['<a>', 'text', '</a>']);
    const none = recorder();
    scanXmlPieces([], none.handler, budget);
    expect(none.out).toEqual([]);
  });

  it('decodes the predefined entities and character references, and leaves others as written', () => {
    expect(decodeXml('&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#233; &#xE9; &#128512; &nbsp; &#0;')).toBe('<a> & "b" \'c\' \u00e9 \u00e9 \ud83d\ude00 &nbsp; \ufffd');
  });

  it('never expands DTD entities (no billion laughs, no external entities)', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;"><!ENTITY x SYSTEM "file:///etc/passwd">]><d>&b;&x;</d>';
    expect(events(xml)).toEqual(['<d>', '&b;&x;', '</d>']);
  });

  it('reads CDATA as text, skips comments and processing instructions, and finds a ">" inside a quoted attribute', () => {
    expect(events('<a t="x > y"><!-- <b>no</b> --><?pi x?><![CDATA[<raw> & ]]><c/></a>')).toEqual(['<a t="x > y">', '<raw> & ', '<c/>', '</c>', '</a>']);
  });

  it('matches attributes by local name, a prefixed one on request, and decodes their values', () => {
    const attrs = ' id="256" r:id="rId4" w:val="a&amp;b" xmlns:r="urn:r" name=\'single\'';
    expect(attr(attrs, 'id')).toBe('256');
    expect(attr(attrs, 'id', true)).toBe('rId4');
    expect(attr(attrs, 'val')).toBe('a&b');
    expect(attr(attrs, 'name')).toBe('single');
    expect(attr(attrs, 'r')).toBeUndefined();
    expect(attr(' sheetId="1"', 'Id')).toBeUndefined();
  });

  it('stops at an unfinished tag without looping', () => {
    expect(events('<a>text<b attr="never closed')).toEqual(['<a>', 'text']);
  });
});
