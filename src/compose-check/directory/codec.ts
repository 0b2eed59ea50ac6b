// Byte and bit plumbing, written out because the send-time runtime of classic
// Outlook may lack atob and btoa: base64 for the send-check record and for
// attachment content as Outlook hands it over, and the record's bit fields.
// (UTF-8 is src/policy/hash.ts's utf8Encode and extract/text-decode's decodeUtf8.)

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

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

/** The value of each character code below 128; 64 for one outside the alphabet. */
const VALUES = new Uint8Array(128).fill(64);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;
VALUES[45] = 62; // '-'
VALUES[95] = 63; // '_'

const valueAt = (text: string, i: number): number => {
  const c = text.charCodeAt(i);
  return c < 128 ? (VALUES[c] as number) : 64;
};

/**
 * Lenient, for attachment content: line breaks, padding and other characters
 * outside the alphabet are skipped; the standard and the URL-safe alphabets
 * are both read. By character code through a table, four characters at a
 * time where it can, as a 2 MB workbook is 2.7 million of them.
 */
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

/** Strict, for the send-check record: anything but the standard alphabet and trailing padding is an error, not silently skipped. */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  if (clean.length % 4 === 1) throw new Error('not base64 (wrong length)');
  const bad = /[^A-Za-z0-9+/]/.exec(clean);
  if (bad) throw new Error(`not base64 (character ${JSON.stringify(bad[0])})`);
  return base64ToBytes(clean);
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
