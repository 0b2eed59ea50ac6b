import { deflateRawSync } from 'node:zlib';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extract, fixture, outcome, part, prose, rawZip, text, whereIs, zip } from './support';

const MB = 1024 * 1024;

describe('.zip attachments', () => {
  it('reads each file inside by its own format, its path first in the label', () => {
    const r = text(extract('archive.zip'));
    expect(r.parts.map((p) => p.label)).toEqual([
      'pupils.xlsx, sheet Year 9', 'pupils.xlsx, sheet Year 10', 'pupils.xlsx, sheet Formats', 'report.pdf', 'notes.csv',
    ]);
    expect(whereIs(part(r, 'pupils.xlsx, sheet Year 9'), 'Q886402190100')).toBe('cell B2');
    expect(whereIs(part(r, 'report.pdf'), 'NHS number')).toBe('page 2');
    expect(part(r, 'notes.csv').text).toBe('Name,UPN\r\nEmily Bennett,Q886402190100\r\n');
    expect(r.skipped).toBeUndefined();
  });

  it('says a zip whose every file is encrypted is protected', () => {
    expect(extract('archive-protected.zip')).toEqual({ kind: 'protected', why: 'password-protected zip' });
  });

  it('reads the open files of a zip that mixes them with encrypted ones, and names the encrypted ones', () => {
    const r = text(extract('archive-mixed.zip'));
    expect(r.parts.map((p) => p.label)).toEqual(['report.pdf']);
    expect(r.skipped).toEqual([{ name: 'pupils.xlsx', kind: 'protected', why: 'password-protected' }]);
  });

  it('names the files inside that could not be read or are not documents, and does not open a zip inside a zip', () => {
    const r = text(extract('mixed.zip', zip({
      'scan.pdf': fixture('scan.pdf'),
      'photo.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
      'inner.zip': zip({ 'a.txt': 'UPN Q886402190100' }),
      '__MACOSX/._scan.pdf': 'resource fork',
      'folder/': '',
      'folder/a.txt': 'read me',
    })));
    expect(r.parts.map((p) => `${p.label}: ${p.text}`)).toEqual(['folder/a.txt: read me']);
    expect(r.skipped).toEqual([
      { name: 'scan.pdf', kind: 'unreadable', why: 'scanned image, no text' },
      { name: 'photo.jpg', kind: 'unsupported', why: 'an image' },
      { name: 'inner.zip', kind: 'unsupported', why: 'a zip inside a zip, not opened' },
    ]);
  });

  it('says an empty zip is empty and a cut-off zip is truncated', () => {
    expect(extract('empty.zip', zip({}))).toEqual({ kind: 'unreadable', why: 'an empty zip file' });
    const whole = fixture('archive.zip');
    expect(extract('cut.zip', whole.subarray(0, whole.length - 200))).toEqual({ kind: 'unreadable', why: 'not a complete zip file (its directory is missing; truncated?)' });
  });
});

/** Patches a 32-bit little-endian field in every central directory entry (signature PK\1\2) at `offset` from its start. */
function patchCentral(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const out = bytes.slice();
  for (let i = 0; i + 4 <= out.length; i++) {
    if (out[i] === 0x50 && out[i + 1] === 0x4b && out[i + 2] === 1 && out[i + 3] === 2) {
      new DataView(out.buffer).setUint32(i + offset, value, true);
    }
  }
  return out;
}

const zeros = (bytes: number): Uint8Array => new Uint8Array(deflateRawSync(new Uint8Array(bytes)));

describe('zip limits', () => {
  it('stops a zip bomb at the inflate limit: by the sizes it declares, and while inflating an entry that lies', () => {
    // 30 MB of zeros in 30 KB; the ratio limit is lifted to reach the others.
    const data = zeros(30 * MB);
    expect(data.length).toBeLessThan(50 * 1024);
    const noRatio = { maxInflateRatio: 1e6 };
    expect(outcome(extract('bomb.zip', rawZip([{ name: 'a.txt', data, size: 30 * MB }, { name: 'b.txt', data, size: 30 * MB }]), { ...noRatio, maxTextChars: 1e9 })))
      .toBe('unreadable: stopped: expands to more than 50 MB (zip bomb?)');
    expect(outcome(extract('bomb.zip', rawZip([{ name: 'zeros.txt', data, size: 1000 }]), noRatio))).toBe('unreadable: stopped: zeros.txt is larger than it says it is');
  });

  it('stops an entry that expands more than 200 times once past 1 MB, and passes prose', () => {
    expect(outcome(extract('ratio.zip', rawZip([{ name: 'zeros.txt', data: zeros(5 * MB), size: 5 * MB }])))).toBe('unreadable: stopped: expands more than 200 times (zip bomb?)');
    const text = prose(1.5 * MB);
    expect(outcome(extract('prose.zip', zip({ 'a.txt': text })))).toBe(`text: 1 parts, ${text.length} characters`);
  });

  it('stops entries that each pass but together exceed the inflate limit (an overlapping-entry bomb)', () => {
    // Eight directory entries pointing at one 1 MB stream, as Fifield's non-recursive bomb does, against a 5 MB limit.
    const data = new Uint8Array(deflateRawSync(strToU8(prose(MB))));
    const bomb = rawZip(Array.from({ length: 8 }, (_, i) => ({ name: `f${i}.txt`, data, size: MB })));
    expect(outcome(extract('many.zip', bomb, { maxInflatedBytes: 5 * MB, maxTextChars: 1e9 }))).toBe('unreadable: stopped: expands to more than 5 MB (zip bomb?)');
  });

  it('stops at 2,000 entries, by the directory count and by the entries actually listed', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2001; i++) files[`f${i}.txt`] = '';
    expect(outcome(extract('entries.zip', zip(files)))).toBe('unreadable: stopped: more than 2,000 files in the archive');
    const ten: Record<string, string> = {};
    for (let i = 0; i < 10; i++) ten[`f${i}.txt`] = 'x';
    expect(outcome(extract('entries.zip', zip(ten), { maxEntries: 5 }))).toBe('unreadable: stopped: more than 5 files in the archive');
  });

  it('refuses an entry whose declared size alone is over the limit, before inflating it', () => {
    const small = zip({ 'a.txt': 'hello' });
    expect(outcome(extract('huge.zip', patchCentral(small, 24, 0xfffffff0)))).toBe('unreadable: stopped: expands to more than 50 MB (zip bomb?)');
  });

  it('says an entry with damaged deflate data is damaged, in an archive and in a workbook', () => {
    const broken = rawZip([{ name: 'a.txt', data: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00, 0x12]), size: 100 }]);
    expect(text(extract('b.zip', broken)).skipped).toEqual([{ name: 'a.txt', kind: 'unreadable', why: 'a.txt is damaged' }]);
    const damaged = fixture('pupils.xlsx').slice();
    damaged.fill(0xff, 200, 400);
    expect(extract('pupils.xlsx', damaged).kind).toBe('unreadable');
  });

  it('reads stored (uncompressed) entries and says which compression methods it cannot read', () => {
    expect(part(extract('s.zip', zip({ 'a.csv': 'UPN,Q886402190100' }, 0)), 'a.csv').text).toBe('UPN,Q886402190100');
    const bzip2 = rawZip([{ name: 'a.txt', data: strToU8('BZh91AY&SY'), size: 10, method: 12 }]);
    expect(text(extract('m.zip', bzip2)).skipped).toEqual([{ name: 'a.txt', kind: 'unreadable', why: 'a.txt uses a compression method (12) that is not read' }]);
  });

  it('treats an AES-encrypted entry (method 99) as protected', () => {
    const aes = rawZip([{ name: 'pupils.csv', data: strToU8('ciphertext'), size: 10, method: 99, flags: 1 }]);
    expect(outcome(extract('aes.zip', aes))).toBe('protected: password-protected zip');
  });
});
