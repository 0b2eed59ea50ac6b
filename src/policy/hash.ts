// SHA-256 as hex: the policy text's fingerprint and the engine's contact
// hashes. A leaf module (nothing but @noble/hashes) so policy and
// compose-check both depend on it without depending on each other.
// @noble/hashes is pure JS; its own utf8ToBytes needs TextEncoder, which
// Outlook's send-time runtime may lack, so the string is encoded here.
import { sha256 } from '@noble/hashes/sha2.js';

function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(out);
}

const HEX = '0123456789abcdef';

export function sha256Hex(text: string): string {
  let hex = '';
  for (const b of sha256(utf8(text))) hex += HEX[b >> 4]! + HEX[b & 15]!;
  return hex;
}
