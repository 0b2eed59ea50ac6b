import { describe, expect, it } from 'vitest';
import { BitReader, BitWriter, fromBase64, toBase64 } from '../codec';
import { utf8Encode } from '../../../policy/hash';
import { decodeUtf8Js } from '../../extract/text-decode';

describe('base64', () => {
  it('round-trips every length of padding', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 64, 65, 66]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      const text = toBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect([...fromBase64(text)]).toEqual([...bytes]);
    }
  });

  it('refuses characters outside the alphabet instead of skipping them', () => {
    expect(() => fromBase64('ab$d')).toThrow(/not base64/);
    expect(() => fromBase64('abcde')).toThrow(/wrong length/);
    expect(() => fromBase64('ab-_')).toThrow(/character "-"/);
    expect(() => fromBase64('ab\ncd')).toThrow(/not base64/);
  });
});

describe('UTF-8', () => {
  it('matches the platform encoder and decoder for accents, apostrophes, astral characters and lone surrogates', () => {
    for (const s of ['Zoë Smith-Jones', 'Siobhán Ó Súilleabháin', 'O’Neil', 'emoji 🙂 ok', '', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d']) {
      expect([...utf8Encode(s)]).toEqual([...new TextEncoder().encode(s)]);
      expect(decodeUtf8Js(utf8Encode(s))).toBe(new TextDecoder().decode(new TextEncoder().encode(s)));
    }
  });
});

describe('bits', () => {
  it('writes and reads values of any width up to 32 bits, and Rice-coded counts', () => {
    const w = new BitWriter();
    w.write(1, 1);
    w.write(0xdeadbeef, 32);
    w.writeRice(0, 1);
    w.writeRice(5, 1);
    w.write(3, 2);
    const r = new BitReader(w.finish());
    expect(r.read(1)).toBe(1);
    expect(r.read(32)).toBe(0xdeadbeef);
    expect(r.readRice(1)).toBe(0);
    expect(r.readRice(1)).toBe(5);
    expect(r.read(2)).toBe(3);
    expect(r.atEnd()).toBe(true);
    expect(() => r.read(9)).toThrow(/ends early/);
  });
});
