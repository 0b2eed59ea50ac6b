import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractAttachment } from '../index';
import { DEFAULT_LIMITS } from '../budget';
import { HELVETICA, extract, fixture, onePagePdf, outcome, part, text, xlsx } from './support';

const MB = 1024 * 1024;

describe('limits', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxBytes: 25 * MB, maxInflatedBytes: 50 * MB, maxInflateRatio: 200, ratioFloorBytes: MB, maxEntries: 2000,
      maxPdfObjects: 200000, maxTextChars: 5000000, timeMs: 1000,
    });
  });

  it('does not open an attachment over the size limit', () => {
    expect(outcome(extract('big.pdf', new Uint8Array(25 * MB + 1)))).toBe('unreadable: over the 25 MB limit');
    expect(outcome(extract('pupils.xlsx', fixture('pupils.xlsx'), { maxBytes: 1000 }))).toBe('unreadable: over the 0 MB limit');
  });

  it('keeps what it read before the text limit and says the rest was not checked', () => {
    const r = text(extract('pupils.xlsx', fixture('pupils.xlsx'), { maxTextChars: 100 }));
    expect(r.incomplete).toBe('stopped after 100 characters: the rest was not checked');
    expect(r.parts.map((p) => p.text).join('')).toHaveLength(100);
    expect(part(r, 'sheet Year 9').text).toMatch(/^Name\tUPN\tULN/);
  });

  it('stops a PDF stream that inflates past the limit (a stream declares no size, so only the cap can)', () => {
    const bomb = new Uint8Array(deflateSync(new Uint8Array(8 * MB)));
    expect(outcome(extract('bomb.pdf', onePagePdf(bomb, [HELVETICA], { filter: 'FlateDecode' }), { maxInflatedBytes: 4 * MB, maxInflateRatio: 1e6 })))
      .toBe('unreadable: stopped: expands to more than 4 MB (zip bomb?)');
    expect(outcome(extract('bomb.pdf', onePagePdf(bomb, [HELVETICA], { filter: 'FlateDecode' })))).toBe('unreadable: stopped: expands more than 200 times (zip bomb?)');
  });

  it('stops at the time limit on the caller\'s clock, in a long sheet and in a long PDF page', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${i}</t></is></c></row>`).join('');
    let now = 0;
    // Ten milliseconds pass between two reads of the clock.
    const clock = (): number => (now += 10);
    expect(outcome(extract('long.xlsx', xlsx({ S: rows }), { timeMs: 200 }, clock))).toBe('unreadable: stopped: took longer than 200 ms to read');
    now = 0;
    const page = 'BT /F1 12 Tf 72 700 Td '.concat('(x) Tj 0 -1 Td '.repeat(100000), 'ET');
    expect(outcome(extract('long.pdf', onePagePdf(page, [HELVETICA]), { timeMs: 200 }, clock))).toBe('unreadable: stopped: took longer than 200 ms to read');
  });
});

describe('never throws', () => {
  /** Deterministic damage: every kind of file with bytes flipped, cut short, or zeroed in a run. */
  function* damaged(bytes: Uint8Array, seed: number): Generator<Uint8Array> {
    let x = seed;
    const random = (n: number): number => (x = (x * 1103515245 + 12345) % 2147483648) % n;
    for (let k = 0; k < 25; k++) {
      const copy = bytes.slice();
      for (let f = 0; f < 1 + random(20); f++) copy[random(copy.length)] = random(256);
      yield copy;
    }
    for (let k = 0; k < 10; k++) yield bytes.subarray(0, random(bytes.length));
    for (let k = 0; k < 10; k++) {
      const copy = bytes.slice();
      const at = random(copy.length);
      copy.fill(0, at, at + 1 + random(500));
      yield copy;
    }
  }

  const names = ['pupils.xlsx', 'pupils.ods', 'report.docx', 'report.odt', 'report.pdf', 'report-objstm.pdf', 'slides.pptx', 'archive.zip', 'pupils-protected.xlsx', 'pupils.xls'];
  it.each(names)('answers every damaged copy of %s with a reading or a reason', (name) => {
    const original = fixture(name);
    let i = 0;
    for (const bytes of damaged(original, name.length * 7919)) {
      const r = extractAttachment({ name, bytes }, undefined, () => 0);
      expect(['text', 'protected', 'unreadable', 'unsupported'], `copy ${i++}`).toContain(r.kind);
      if (r.kind !== 'text') expect(r.why.length).toBeGreaterThan(0);
    }
  });

  it('answers random bytes under every name', () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
    for (const name of ['a.pdf', 'a.xlsx', 'a.docx', 'a.zip', 'a.csv', 'a.odt', 'a']) {
      expect(['text', 'unreadable', 'unsupported']).toContain(extract(name, noise).kind);
    }
    expect(outcome(extract('a.xlsx', new Uint8Array(0)))).toBe('unreadable: not a valid .xlsx file');
    expect(outcome(extract('a.txt', new Uint8Array(0)))).toBe('text: 0 parts, 0 characters');
  });

});
