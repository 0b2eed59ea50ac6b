// Compound File Binary ([MS-CFB]): the container of Office 97-2003 files and
// of password-protected OOXML ([MS-OFFCRYPTO]: an .xlsx with a password is a
// CFB holding EncryptionInfo and EncryptedPackage streams). Only the
// directory's names are read: enough to tell an encrypted workbook from an
// older .xls, .doc, .ppt or an Outlook .msg.
import { Unreadable, type Budget } from './budget';
import { decodeUtf16 } from './text-decode';
import { u16, u32 } from './zip';

export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const isCfb = (b: Uint8Array): boolean => CFB_SIGNATURE.every((v, i) => b[i] === v);

const END_OF_CHAIN = 0xfffffffe;
const MAX_REGULAR = 0xfffffffa;

/** The names of every storage and stream in the container. */
export function cfbNames(bytes: Uint8Array, budget: Budget): string[] {
  if (bytes.length < 512 || !isCfb(bytes)) throw new Unreadable('not a valid Office file');
  const shift = u16(bytes, 0x1e);
  if (shift !== 9 && shift !== 12) throw new Unreadable('not a valid Office file (bad sector size)');
  const size = 1 << shift;
  const sectorCount = Math.floor((bytes.length - size) / size);
  const sectorAt = (n: number): number => (n + 1) * size;

  // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(bytes, 0x4c + 4 * i);
    if (s <= MAX_REGULAR) fatSectors.push(s);
  }
  let difat = u32(bytes, 0x44);
  for (let guard = 0; difat <= MAX_REGULAR && guard < sectorCount; guard++) {
    const base = sectorAt(difat);
    if (base + size > bytes.length) break;
    for (let i = 0; i < size / 4 - 1; i++) {
      const s = u32(bytes, base + 4 * i);
      if (s <= MAX_REGULAR) fatSectors.push(s);
    }
    difat = u32(bytes, base + size - 4);
  }
  const perSector = size / 4;
  const next = (sector: number): number => {
    const fat = fatSectors[Math.floor(sector / perSector)];
    if (fat === undefined) return END_OF_CHAIN;
    const at = sectorAt(fat) + 4 * (sector % perSector);
    return at + 4 <= bytes.length ? u32(bytes, at) : END_OF_CHAIN;
  };

  const names: string[] = [];
  let sector = u32(bytes, 0x30);
  // Each sector is visited at most once, so a FAT that loops cannot hold us.
  for (let visited = 0; sector <= MAX_REGULAR && visited <= sectorCount; visited++) {
    const base = sectorAt(sector);
    if (base + size > bytes.length) break;
    for (let e = base; e + 128 <= base + size; e += 128) {
      budget.tick();
      const nameBytes = u16(bytes, e + 64);
      const type = bytes[e + 66];
      if (nameBytes < 2 || nameBytes > 64 || (type !== 1 && type !== 2 && type !== 5)) continue;
      names.push(decodeUtf16(bytes, true, e, e + nameBytes - 2));
    }
    sector = next(sector);
  }
  if (names.length === 0) throw new Unreadable('not a valid Office file (no directory)');
  return names;
}

export type CfbKind = 'encrypted-ooxml' | 'doc' | 'xls' | 'ppt' | 'msg' | 'other';

export function cfbKind(names: readonly string[]): CfbKind {
  const has = (n: string): boolean => names.indexOf(n) >= 0;
  if (has('EncryptedPackage') && has('EncryptionInfo')) return 'encrypted-ooxml';
  if (has('WordDocument')) return 'doc';
  if (has('Workbook') || has('Book')) return 'xls';
  if (has('PowerPoint Document')) return 'ppt';
  if (names.some((n) => n.startsWith('__substg1.0_'))) return 'msg';
  return 'other';
}
