import { describe, expect, it } from 'vitest';
import { base64ToBytes } from '../codec';

const bytes = (n: number, seed = 7): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 131 + seed * 17 + (i >> 3)) & 255);

describe('base64ToBytes', () => {
  it.each([0, 1, 2, 3, 4, 5, 57, 1000])('round-trips %i bytes', (n) => {
    const data = bytes(n);
    expect(base64ToBytes(Buffer.from(data).toString('base64'))).toEqual(data);
  });

  it('skips line breaks wherever they fall, as MIME wraps base64 at 76 characters', () => {
    const data = bytes(3000);
    const b64 = Buffer.from(data).toString('base64');
    expect(base64ToBytes(b64.replace(/(.{76})/g, '$1\r\n'))).toEqual(data);
    expect(base64ToBytes(b64.replace(/(.{5})/g, '$1\n'))).toEqual(data);
  });

  it('reads the URL-safe alphabet', () => {
    const data = bytes(300);
    expect(base64ToBytes(Buffer.from(data).toString('base64url'))).toEqual(data);
  });
});
