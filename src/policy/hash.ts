// SHA-256 as hex: the policy text's fingerprint and the engine's contact
// hashes. A leaf module (nothing but @noble/hashes) so policy and
// compose-check both depend on it without depending on each other.
// @noble/hashes is pure JS; its own utf8ToBytes needs TextEncoder, which
// Outlook's send-time runtime may lack, so the string is encoded here, by the
// one UTF-8 encoder the engine has (the send-check record's keyed fingerprints use it too).
import { sha256 } from '@noble/hashes/sha2.js';

/** UTF-8 as TextEncoder gives it (a lone surrogate as U+FFFD), which the send-time runtime may lack. */
export function utf8Encode(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    // A surrogate pair is one code point; a lone surrogate is encoded as U+FFFD.
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      } else cp = 0xfffd;
    } else if (cp >= 0xd800 && cp < 0xe000) cp = 0xfffd;
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
  for (const b of sha256(utf8Encode(text))) hex += HEX[b >> 4]! + HEX[b & 15]!;
  return hex;
}
