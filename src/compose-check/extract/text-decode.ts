// Bytes to text without TextDecoder: classic Outlook's send-time runtime may
// lack it, so UTF-8, UTF-16 and Windows-1252 are decoded here. TextDecoder is
// used when the host has it (it is several times faster on large sheets); the
// two paths give the same text, and a test runs with it deleted.

/** Characters per String.fromCharCode call: far below engines' argument limits. */
const CHUNK = 8192;
/** ASCII bytes in a row worth a fromCharCode call of their own; shorter runs (accented text) are copied with their neighbours. */
const ASCII_RUN = 32;

interface NativeDecoder { decode(input: Uint8Array): string }
type DecoderCtor = new (label: string, options?: { fatal?: boolean }) => NativeDecoder;

/** Looked up on every call, so a test can remove it after this module loads. */
function nativeDecoder(): DecoderCtor | undefined {
  const ctor = (globalThis as { TextDecoder?: DecoderCtor }).TextDecoder;
  return typeof ctor === 'function' ? ctor : undefined;
}

/** UTF-8 to a string; malformed sequences become U+FFFD, as the WHATWG decoder does. */
export function decodeUtf8(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const Native = nativeDecoder();
  if (Native) return new Native('utf-8').decode(bytes.subarray(start, end));
  return decodeUtf8Js(bytes, start, end);
}

/** Bytes per piece in decodeUtf8Pieces: a piece is an ordinary heap string, not a large object (over 128 KB in V8). */
const PIECE = 65536;

/**
 * UTF-8 to text a piece at a time, each decoded only when asked for, for
 * scanXmlPieces: making one string of a 6 MB sheet took longer than decoding
 * it. A piece ends before the last `cutBefore` byte (an ASCII character: '<'
 * for XML) in its second half, if there is one, or else where no character
 * can straddle the cut; joined, the pieces are exactly decodeUtf8(bytes, start, end).
 */
export function* decodeUtf8Pieces(bytes: Uint8Array, start = 0, end = bytes.length, cutBefore = -1, size = PIECE): IterableIterator<string> {
  let at = start;
  while (at < end) {
    let cut = Math.min(end, at + size);
    if (cut < end) {
      const half = at + (size >> 1);
      let marked = cutBefore < 0 ? -1 : cut;
      while (marked > half && bytes[marked] !== cutBefore) marked--;
      if (marked > half) cut = marked;
      else {
        // Back to the first byte of a character, at most 3 bytes (a 4-byte character's first byte). Further
        // back than that no sequence can reach the cut, whatever the bytes there.
        let c = cut;
        while (c > cut - 3 && c > at && isContinuation(bytes[c] as number)) c--;
        if (c > at && !isContinuation(bytes[c] as number)) cut = c;
      }
    }
    yield decodeUtf8(bytes, at, cut);
    at = cut;
  }
}

const isContinuation = (b: number): boolean => (b & 0xc0) === 0x80;

/** The hand-written path, exported for tests that compare it with TextDecoder. */
export function decodeUtf8Js(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(CHUNK + 2, Math.max(0, end - start)));
  let n = 0;
  let i = start;
  const flush = (): void => {
    parts.push(String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]));
    n = 0;
  };
  while (i < end) {
    if (n >= CHUNK) flush();
    const b = bytes[i] as number;
    if (b < 0x80) {
      // A long ASCII run (most of an XML part) goes to fromCharCode straight from the bytes, not copied unit by unit.
      let j = i + 1;
      const stop = Math.min(end, i + CHUNK);
      while (j < stop && (bytes[j] as number) < 0x80) j++;
      if (j - i >= ASCII_RUN) {
        if (n > 0) flush();
        parts.push(String.fromCharCode.apply(null, bytes.subarray(i, j) as unknown as number[]));
        i = j;
        continue;
      }
      for (; i < j; i++) {
        if (n >= CHUNK) flush();
        units[n++] = bytes[i] as number;
      }
      continue;
    }
    let need = 0;
    let cp = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 0x1f; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; cp = b & 0x0f; if (b === 0xe0) lower = 0xa0; if (b === 0xed) upper = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; cp = b & 0x07; if (b === 0xf0) lower = 0x90; if (b === 0xf4) upper = 0x8f; }
    else { units[n++] = 0xfffd; i++; continue; }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const c = j < end ? (bytes[j] as number) : -1;
      if (c < lower || c > upper) { ok = false; break; }
      lower = 0x80;
      upper = 0xbf;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (!ok) {
      // The maximal subpart is replaced by one U+FFFD and decoding resumes at the offending byte.
      units[n++] = 0xfffd;
      i = j;
      continue;
    }
    i = j;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units[n++] = 0xd800 + (cp >> 10);
      units[n++] = 0xdc00 + (cp & 0x3ff);
    } else {
      units[n++] = cp;
    }
  }
  if (n > 0 || parts.length === 0) flush();
  return parts.join('');
}

/** True when the bytes are well-formed UTF-8 (so not Windows-1252 text). */
export function isUtf8(bytes: Uint8Array, start = 0, end = bytes.length): boolean {
  let i = start;
  while (i < end) {
    const b = bytes[i] as number;
    if (b < 0x80) { i++; continue; }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lower = 0xa0; if (b === 0xed) upper = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lower = 0x90; if (b === 0xf4) upper = 0x8f; }
    else return false;
    for (let k = 1; k <= need; k++) {
      // A sequence cut off by the end of the bytes is still UTF-8 that was truncated.
      if (i + k >= end) return true;
      const c = bytes[i + k] as number;
      if (c < lower || c > upper) return false;
      lower = 0x80;
      upper = 0xbf;
    }
    i += need + 1;
  }
  return true;
}

/** UTF-16 code units, little- or big-endian; a trailing odd byte is dropped. */
export function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, start = 0, end = bytes.length): string {
  const count = Math.floor((end - start) / 2);
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(CHUNK, count));
  let n = 0;
  for (let k = 0; k < count; k++) {
    const a = bytes[start + 2 * k] as number;
    const b = bytes[start + 2 * k + 1] as number;
    units[n++] = littleEndian ? a | (b << 8) : (a << 8) | b;
    if (n === units.length) {
      parts.push(String.fromCharCode.apply(null, units as unknown as number[]));
      n = 0;
    }
  }
  if (n > 0) parts.push(String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]));
  return parts.join('');
}

/** Windows-1252's 0x80-0x9F; the rest of the byte range is Latin-1. Undefined bytes map to themselves, as WHATWG does. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export const cp1252 = (b: number): number => (b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b);

export function decodeWindows1252(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(CHUNK, Math.max(0, end - start)));
  let n = 0;
  for (let i = start; i < end; i++) {
    units[n++] = cp1252(bytes[i] as number);
    if (n === units.length) {
      parts.push(String.fromCharCode.apply(null, units as unknown as number[]));
      n = 0;
    }
  }
  if (n > 0) parts.push(String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]));
  return parts.join('');
}

/** Latin-1, byte for byte: for PDF syntax and names in zip headers without the UTF-8 flag. */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = '';
  for (let i = start; i < end; i += CHUNK) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + CHUNK)) as unknown as number[]);
  }
  return out;
}

/**
 * A text file's bytes as text: a byte-order mark decides (UTF-8, UTF-16 LE or
 * BE); without one, UTF-16 is recognised by its zero bytes, well-formed UTF-8
 * is UTF-8, and anything else is Windows-1252 (what Excel writes as "CSV" on
 * a UK Windows machine).
 */
export function decodeText(bytes: Uint8Array): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes, 3);
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes, true, 2);
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes, false, 2);
  const utf16 = sniffUtf16(bytes);
  if (utf16 !== undefined) return decodeUtf16(bytes, utf16);
  return isUtf8(bytes) ? decodeUtf8(bytes) : decodeWindows1252(bytes);
}

/** UTF-16 without a BOM: mostly ASCII text has a zero in every other byte. */
function sniffUtf16(bytes: Uint8Array): boolean | undefined {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return true;
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return false;
  return undefined;
}
