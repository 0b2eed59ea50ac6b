// Attachment content arrives as base64. The send-time runtime in classic
// Outlook may have no atob, so it is decoded here: by character code through
// a table, four characters at a time where it can, as a 2 MB workbook is 2.7
// million of them. Line breaks and other characters outside the alphabet are
// skipped; the standard and the URL-safe alphabets are both read.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** The value of each character code below 128; 64 for one outside the alphabet. */
const VALUES = new Uint8Array(128).fill(64);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;
VALUES[45] = 62; // '-'
VALUES[95] = 63; // '_'

const valueAt = (text: string, i: number): number => {
  const c = text.charCodeAt(i);
  return c < 128 ? (VALUES[c] as number) : 64;
};

export function base64ToBytes(base64: string): Uint8Array {
  const n = base64.length;
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let o = 0;
  let buffer = 0;
  let bits = 0;
  let i = 0;
  while (i < n) {
    // A whole group of four on a byte boundary: three bytes at once.
    if (bits === 0 && i + 4 <= n) {
      const a = valueAt(base64, i);
      const b = valueAt(base64, i + 1);
      const c = valueAt(base64, i + 2);
      const d = valueAt(base64, i + 3);
      if ((a | b | c | d) < 64) {
        const v = (a << 18) | (b << 12) | (c << 6) | d;
        out[o++] = v >> 16;
        out[o++] = (v >> 8) & 255;
        out[o++] = v & 255;
        i += 4;
        continue;
      }
    }
    // Otherwise one character: skipped when outside the alphabet (a line break, padding).
    const v = valueAt(base64, i++);
    if (v > 63) continue;
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}
