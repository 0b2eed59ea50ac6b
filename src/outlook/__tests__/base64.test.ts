import { describe, expect, it } from 'vitest';
import { decodeBase64Text } from '../office/base64';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('decodeBase64Text', () => {
  it.each(['', 'a', 'ab', 'abc', 'Name,UPN\nAmelia Hart,B801200005001\n', 'Zoë – “quotes” 😀'])('round-trips %j', (text) => {
    expect(decodeBase64Text(b64(text))).toBe(text);
  });

  it('skips a UTF-8 byte-order mark and line breaks in the base64', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('csv')]).toString('base64');
    expect(decodeBase64Text(withBom.replace(/(.{2})/, '$1\r\n'))).toBe('csv');
  });

  it('replaces malformed UTF-8 rather than throwing', () => {
    expect(decodeBase64Text(Buffer.from([0x61, 0xff, 0x62]).toString('base64'))).toBe('a\uFFFDb');
  });
});
