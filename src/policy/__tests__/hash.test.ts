import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../hash';

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^import\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1] ?? '');

describe('sha256Hex', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('matches the published SHA-256 vectors for empty and ASCII input', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('encodes two-, three- and four-byte characters as UTF-8 without TextEncoder', () => {
    const text = 'é€😀 O’Brien';
    // Node's own digest of the same UTF-8 bytes.
    const expected = createHash('sha256').update(text, 'utf8').digest('hex');
    vi.stubGlobal('TextEncoder', undefined);
    expect(sha256Hex(text)).toBe(expected);
  });

  it('hashes a lone surrogate as U+FFFD, as Node and TextEncoder encode it', () => {
    for (const text of ['a\ud800b', 'end \ud83d', '\udc00']) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});

describe('module graph', () => {
  it('keeps hash.ts a leaf: it imports nothing but @noble/hashes', () => {
    expect(importsOf(join(__dirname, '..', 'hash.ts')).every((m) => m.startsWith('@noble/hashes/'))).toBe(true);
  });

  it('has no policy module importing compose-check, which itself imports policy/clauses', () => {
    const dir = join(__dirname, '..');
    const offenders = readdirSync(dir).filter((f) => f.endsWith('.ts'))
      .filter((f) => importsOf(join(dir, f)).some((m) => m.includes('compose-check')));
    expect(offenders).toEqual([]);
  });
});
