// A zip container (OOXML, ODF, a .zip attachment), read from its central
// directory. fflate's unzipSync would trust the headers' sizes and inflate
// every entry at once; here entries are listed first (encryption flag, count,
// declared sizes checked against the limits) and each is inflated only when a
// reader asks for it, through the capped inflater.
import { Unreadable, Stop, formatCount, type Budget } from './budget';
import { inflateRaw } from './inflate';
import { decodeUtf8, decodeUtf8Pieces, decodeWindows1252, isUtf8 } from './text-decode';

export interface ZipEntry {
  /** Path inside the archive, with forward slashes and no leading slash. */
  readonly name: string;
  readonly isDirectory: boolean;
  /** General purpose bit 0: the entry is encrypted (ZipCrypto or AES). */
  readonly encrypted: boolean;
  readonly method: number;
  readonly compressedSize: number;
  /** The size the central directory declares; checked, never trusted. */
  readonly size: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Little-endian readers, for zip's records and cfb.ts's sectors. */
export const u16 = (b: Uint8Array, at: number): number => (b[at] as number) | ((b[at + 1] as number) << 8);
export const u32 = (b: Uint8Array, at: number): number => (u16(b, at) + u16(b, at + 2) * 0x10000);
/** 64-bit little-endian as a double: exact below 2^53, far beyond any attachment. */
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 0x100000000;

export const isZip = (b: Uint8Array): boolean =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7) && (b[3] === 4 || b[3] === 6 || b[3] === 8);

export class ZipArchive {
  readonly entries: readonly ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();

  private constructor(private readonly bytes: Uint8Array, entries: ZipEntry[], private readonly delta: number, private readonly budget: Budget) {
    this.entries = entries;
    for (const e of entries) {
      if (!this.byName.has(e.name)) this.byName.set(e.name, e);
      const lower = e.name.toLowerCase();
      if (!this.byLowerName.has(lower)) this.byLowerName.set(lower, e);
    }
  }

  /** Lists the entries; throws Unreadable for what is not a zip, Stop past the entry limit. */
  static open(bytes: Uint8Array, budget: Budget): ZipArchive {
    const eocd = findEocd(bytes);
    if (eocd < 0) throw new Unreadable('not a complete zip file (its directory is missing; truncated?)');
    let count = u16(bytes, eocd + 10);
    let cdSize = u32(bytes, eocd + 12);
    let cdOffset = u32(bytes, eocd + 16);
    const loc = eocd - 20;
    if (loc >= 0 && u32(bytes, loc) === ZIP64_LOCATOR) {
      const z = u64(bytes, loc + 8);
      if (z + 56 <= bytes.length && u32(bytes, z) === ZIP64_EOCD) {
        count = u64(bytes, z + 32);
        cdSize = u64(bytes, z + 40);
        cdOffset = u64(bytes, z + 48);
      }
    }
    const { maxEntries } = budget.limits;
    if (count > maxEntries) throw new Stop(`stopped: more than ${formatCount(maxEntries)} files in the archive`);
    // Data prepended to the archive (a self-extractor) shifts every offset by the same amount.
    let delta = 0;
    if (u32(bytes, cdOffset) !== CENTRAL && count > 0) {
      const guess = eocd - cdSize;
      if (guess >= 0 && u32(bytes, guess) === CENTRAL) delta = guess - cdOffset;
      else throw new Unreadable('a damaged zip file (its directory is not where it says)');
    }
    const entries: ZipEntry[] = [];
    let at = cdOffset + delta;
    while (at + 46 <= bytes.length && u32(bytes, at) === CENTRAL) {
      if (entries.length >= maxEntries) throw new Stop(`stopped: more than ${formatCount(maxEntries)} files in the archive`);
      budget.tick();
      const flags = u16(bytes, at + 8);
      const method = u16(bytes, at + 10);
      let compressedSize = u32(bytes, at + 20);
      let size = u32(bytes, at + 24);
      const nameLength = u16(bytes, at + 28);
      const extraLength = u16(bytes, at + 30);
      const commentLength = u16(bytes, at + 32);
      let localOffset = u32(bytes, at + 42);
      const nameEnd = at + 46 + nameLength;
      if (nameEnd > bytes.length) break;
      const utf8 = (flags & 0x800) !== 0 || isUtf8(bytes, at + 46, nameEnd);
      const rawName = utf8 ? decodeUtf8(bytes, at + 46, nameEnd) : decodeWindows1252(bytes, at + 46, nameEnd);
      // Zip64 extra field: the 64-bit values of whichever fields are 0xFFFFFFFF, in this order.
      for (let x = nameEnd; x + 4 <= nameEnd + extraLength && x + 4 <= bytes.length;) {
        const id = u16(bytes, x);
        const len = u16(bytes, x + 2);
        if (id === 1) {
          let f = x + 4;
          if (size === 0xffffffff) { size = u64(bytes, f); f += 8; }
          if (compressedSize === 0xffffffff) { compressedSize = u64(bytes, f); f += 8; }
          if (localOffset === 0xffffffff) localOffset = u64(bytes, f);
        }
        x += 4 + len;
      }
      const name = rawName.replace(/\\/g, '/').replace(/^\/+/, '');
      entries.push({ name, isDirectory: name.endsWith('/'), encrypted: (flags & 1) !== 0 || method === 99, method, compressedSize, size, localOffset });
      at = nameEnd + extraLength + commentLength;
    }
    if (entries.length === 0 && count > 0) throw new Unreadable('a damaged zip file (no readable entries)');
    return new ZipArchive(bytes, entries, delta, budget);
  }

  get(name: string): ZipEntry | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }

  /** The entry's bytes, inflated within the budget. `what` names it in messages. */
  read(entry: ZipEntry, what = entry.name): Uint8Array {
    const { bytes } = this;
    if (entry.encrypted) throw new Unreadable(`${what} is encrypted`);
    const local = entry.localOffset + this.delta;
    if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL) throw new Unreadable(`a damaged zip file (${what} is missing)`);
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw new Unreadable(`a truncated zip file (${what} is cut short)`);
    const data = bytes.subarray(start, end);
    const { maxInflatedBytes } = this.budget.limits;
    if (entry.size > maxInflatedBytes - this.budget.inflated) {
      throw new Stop(`stopped: expands to more than ${formatCount(maxInflatedBytes / (1024 * 1024))} MB (zip bomb?)`);
    }
    if (entry.method === 0) {
      this.budget.addInflated(data.length);
      return data;
    }
    if (entry.method !== 8) throw new Unreadable(`${what} uses a compression method (${entry.method}) that is not read`);
    // The declared size bounds the output (with slack for writers that round); the budget bounds the total.
    return inflateRaw(data, this.budget, { maxOutput: entry.size + 1024, what });
  }

  /** An XML or text entry as a string (UTF-8, BOM dropped), or undefined when absent. */
  text(name: string): string | undefined {
    const entry = this.get(name);
    if (!entry) return undefined;
    const data = this.read(entry);
    return decodeUtf8(data, bomLength(data));
  }

  /** An XML entry as text() reads it, in pieces decoded as they are read, cut before a '<' where it can: for scanXmlPieces. */
  xmlPieces(name: string): Iterable<string> | undefined {
    const entry = this.get(name);
    if (!entry) return undefined;
    const data = this.read(entry);
    return decodeUtf8Pieces(data, bomLength(data), data.length, 0x3c);
  }
}

const bomLength = (data: Uint8Array): number => (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0);

function findEocd(bytes: Uint8Array): number {
  const last = bytes.length - 22;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && u32(bytes, i) === EOCD) return i;
  }
  return -1;
}
