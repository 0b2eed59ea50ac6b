// Attachment content arrives as base64. The send-time runtime in classic
// Outlook may have neither atob nor TextDecoder, so both steps are done here
// (UTF-8 by the engine's own decoder, which the send-check record uses too).
import { utf8Decode } from '../../compose-check/directory/codec';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP: Record<string, number> = {};
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charAt(i)] = i;
// URL-safe variants map to the same values.
LOOKUP['-'] = 62;
LOOKUP['_'] = 63;

export function base64ToBytes(base64: string): Uint8Array {
  const clean = base64.replace(/[^A-Za-z0-9+/\-_]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < clean.length; i++) {
    buffer = (buffer << 6) | (LOOKUP[clean.charAt(i)] ?? 0);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** UTF-8 to a string, a byte-order mark dropped; malformed sequences become U+FFFD, as TextDecoder does. */
export function utf8ToString(bytes: Uint8Array): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return utf8Decode(bom ? bytes.subarray(3) : bytes);
}

export function decodeBase64Text(base64: string): string {
  return utf8ToString(base64ToBytes(base64));
}
