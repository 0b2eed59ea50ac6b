// Byte and bit plumbing for the send-check record, written out because the
// send-time runtime of classic Outlook may lack atob, TextEncoder and
// TextDecoder (the same reason src/policy/hash.ts encodes UTF-8 itself).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP: Record<string, number> = {};
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charAt(i)] = i;

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63)
      + (b === undefined ? '=' : ALPHABET.charAt((n >> 6) & 63))
      + (c === undefined ? '=' : ALPHABET.charAt(n & 63));
  }
  return out;
}

/** Strict: anything but the standard alphabet and trailing padding is an error, not silently skipped. */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  if (clean.length % 4 === 1) throw new Error('not base64 (wrong length)');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = LOOKUP[clean.charAt(i)];
    if (v === undefined) throw new Error(`not base64 (character ${JSON.stringify(clean.charAt(i))})`);
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

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

/** UTF-8 to a string; malformed sequences become U+FFFD, as TextDecoder does. */
export function utf8Decode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
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

/** Writes unsigned values of up to 32 bits, most significant bit first. */
export class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private used = 0;

  write(value: number, bits: number): void {
    for (let i = bits - 1; i >= 0; i--) {
      this.current = (this.current << 1) | (Math.floor(value / 2 ** i) & 1);
      if (++this.used === 8) {
        this.bytes.push(this.current);
        this.current = 0;
        this.used = 0;
      }
    }
  }

  /** Rice code with parameter k: the quotient in unary, then k remainder bits. Small counts cost 2-3 bits. */
  writeRice(value: number, k: number): void {
    const q = Math.floor(value / 2 ** k);
    for (let i = 0; i < q; i++) this.write(1, 1);
    this.write(0, 1);
    this.write(value % 2 ** k, k);
  }

  finish(): Uint8Array {
    const out = this.used > 0 ? [...this.bytes, this.current << (8 - this.used)] : this.bytes;
    return Uint8Array.from(out);
  }
}

export class BitReader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  read(bits: number): number {
    let value = 0;
    for (let i = 0; i < bits; i++) {
      const byte = this.bytes[this.pos >> 3];
      if (byte === undefined) throw new Error('the record ends early');
      value = value * 2 + ((byte >> (7 - (this.pos & 7))) & 1);
      this.pos++;
    }
    return value;
  }

  readRice(k: number): number {
    let q = 0;
    while (this.read(1) === 1) {
      if (++q > 1_000_000) throw new Error('the record is corrupt (runaway count)');
    }
    return q * 2 ** k + this.read(k);
  }

  /** Whether only the final byte's zero padding is left. */
  atEnd(): boolean {
    return this.bytes.length * 8 - this.pos < 8;
  }
}
