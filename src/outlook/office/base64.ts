// Attachment content arrives as base64. The send-time runtime in classic
// Outlook may have neither atob nor TextDecoder, so both steps are done here.

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

/** UTF-8 to a string; malformed sequences become U+FFFD, as TextDecoder does. */
export function utf8ToString(bytes: Uint8Array): string {
  let out = '';
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // skip a BOM
  while (i < bytes.length) {
    const b = bytes[i++] ?? 0;
    let cp: number;
    let extra: number;
    if (b < 0x80) { cp = b; extra = 0; }
    else if (b >= 0xc2 && b < 0xe0) { cp = b & 0x1f; extra = 1; }
    else if (b >= 0xe0 && b < 0xf0) { cp = b & 0x0f; extra = 2; }
    else if (b >= 0xf0 && b < 0xf5) { cp = b & 0x07; extra = 3; }
    else { out += '\uFFFD'; continue; }
    let ok = true;
    for (let k = 0; k < extra; k++) {
      const c = bytes[i];
      if (c === undefined || (c & 0xc0) !== 0x80) { ok = false; break; }
      cp = (cp << 6) | (c & 0x3f);
      i++;
    }
    out += ok ? String.fromCodePoint(cp) : '\uFFFD';
  }
  return out;
}

export function decodeBase64Text(base64: string): string {
  return utf8ToString(base64ToBytes(base64));
}
