// Byte and bit plumbing for the send-check record, written out because the
// send-time runtime of classic Outlook may lack atob.
// (UTF-8 is src/policy/hash.ts's utf8Encode and extract/text-decode's decodeUtf8.)

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
