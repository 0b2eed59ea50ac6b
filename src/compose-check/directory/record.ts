// The send-check record: what staff's Outlook needs to tell family contacts
// and pupils from everyone else, and whose they are, without holding anyone's
// address (issue 10). Read side only: the send handler bundles this file, so
// it inflates but never deflates, and builds nothing (see ./build.ts).
//
// Layout (JSON, every binary part base64):
//  - roster: the pupils' names, one line each ("name" or "name\tpreferred
//    name"), UTF-8, deflated. A pupil's id is its line number.
//  - upns: per pupil, one bit "has a UPN", then `upnBits` of its keyed fingerprint.
//  - links: per pupil, a Rice-coded count, then that many entries of one bit
//    (0 family, 1 the pupil's own; a pupil's own has a second bit: 1 when it
//    is on one of the school's pupil domains) and `bits` of the address's
//    keyed fingerprint; then the same for addresses linked to no roster pupil.
//    A small store may leave out pupils' addresses on the pupil domains: the
//    engine knows those domains are pupils' anyway; only "whose" is lost.
//    An address linked to two pupils appears under each: the pair (address,
//    pupil) is what the record stores, so "is A linked to P?" is a lookup.
import { inflateSync } from 'fflate';
import type { PupilEntry } from '../settings';
import type { ContactDirectory, ContactMatch } from './types';
import { NO_MATCH, normaliseAddress } from './types';
import { BitReader, fromBase64 } from './codec';
import { decodeUtf8 } from '../extract/text-decode';
import { MAX_BITS, fingerprint32, truncate } from './keyed';

export const SEND_CHECK_FORMAT = 'aup-guard/send-check';
export const SEND_CHECK_VERSION = 1;
/** Rice parameter for the per-pupil counts: a pupil usually has 1 to 3 addresses. */
export const COUNT_RICE_K = 1;

/** The stored form. */
export interface SendCheckEnvelope {
  readonly format: typeof SEND_CHECK_FORMAT;
  readonly version: typeof SEND_CHECK_VERSION;
  /** The snapshot it belongs to (AUP Send Check's SnapshotId). */
  readonly id: string;
  /** When the admin's import made it, ISO-8601. */
  readonly createdAt: string;
  /** The HMAC key, base64: random per snapshot, readable by everyone who can read the record. */
  readonly key: string;
  /** Width of the address fingerprints, 8 to 32 bits. */
  readonly bits: number;
  /** Width of the UPN fingerprints, 0 (none kept) to 32 bits. */
  readonly upnBits: number;
  /** False when pupils' own addresses on the school's pupil domains were left out to fit a small store. */
  readonly schoolAddresses: boolean;
  readonly pupils: number;
  readonly roster: string;
  readonly upns: string;
  readonly links: string;
}

export type ContactKind = 'family' | 'pupil';

export interface SendCheckEntry {
  /** The address's keyed fingerprint at the record's width. */
  readonly fp: number;
  readonly kind: ContactKind;
  /** The roster pupil it is linked to, or -1 for a family contact whose pupil is not on the roster. */
  readonly pupil: number;
  /** A pupil's own address on one of the school's pupil domains. */
  readonly onPupilDomain?: boolean;
}

export interface SendCheckData {
  readonly id: string;
  readonly createdAt: string;
  readonly key: Uint8Array;
  readonly bits: number;
  readonly upnBits: number;
  readonly schoolAddresses: boolean;
  /** Names only (and preferred names): UPNs and addresses are fingerprints below. */
  readonly roster: readonly PupilEntry[];
  /** Each pupil's UPN fingerprint at `upnBits`, where one was kept. */
  readonly upns: readonly (number | undefined)[];
  readonly entries: readonly SendCheckEntry[];
}

export type SendCheckParse =
  | { readonly ok: true; readonly data: SendCheckData }
  | { readonly ok: false; readonly problem: string };

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Math.floor(v) === v && v >= min && v <= max;

function decodeRoster(base64: string, count: number): PupilEntry[] {
  if (count === 0) return [];
  const lines = decodeUtf8(inflateSync(fromBase64(base64))).split('\n');
  if (lines.length !== count) throw new Error(`the roster has ${lines.length} names for ${count} pupils`);
  return lines.map((line) => {
    const tab = line.indexOf('\t');
    return tab < 0 ? { name: line } : { name: line.slice(0, tab), preferredName: line.slice(tab + 1) };
  });
}

/** Validates and decodes a stored record; never throws. */
export function parseSendCheck(json: string): SendCheckParse {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'the send-check record is not JSON' };
  }
  if (typeof raw !== 'object' || raw === null) return { ok: false, problem: 'the send-check record is not an object' };
  const r = raw as Partial<Record<keyof SendCheckEnvelope, unknown>>;
  if (r.format !== SEND_CHECK_FORMAT) return { ok: false, problem: 'not a send-check record' };
  if (r.version !== SEND_CHECK_VERSION) return { ok: false, problem: `unknown send-check record version ${String(r.version)}` };
  if (typeof r.id !== 'string' || r.id === '') return { ok: false, problem: 'the send-check record has no id' };
  if (typeof r.createdAt !== 'string' || Number.isNaN(Date.parse(r.createdAt))) return { ok: false, problem: 'the send-check record has no creation time' };
  if (!isInt(r.bits, 8, MAX_BITS) || !isInt(r.upnBits, 0, MAX_BITS)) return { ok: false, problem: 'the send-check record has bad fingerprint widths' };
  if (!isInt(r.pupils, 0, 100_000)) return { ok: false, problem: 'the send-check record has a bad pupil count' };
  if (typeof r.schoolAddresses !== 'boolean') return { ok: false, problem: 'the send-check record is missing a part' };
  if (typeof r.key !== 'string' || typeof r.roster !== 'string' || typeof r.upns !== 'string' || typeof r.links !== 'string') {
    return { ok: false, problem: 'the send-check record is missing a part' };
  }
  try {
    const key = fromBase64(r.key);
    if (key.length < 16) throw new Error('the key is too short');
    const roster = decodeRoster(r.roster, r.pupils);
    const upns: (number | undefined)[] = [];
    if (r.upnBits > 0) {
      const bits = new BitReader(fromBase64(r.upns));
      for (let i = 0; i < r.pupils; i++) upns.push(bits.read(1) === 1 ? bits.read(r.upnBits) : undefined);
    }
    const entries: SendCheckEntry[] = [];
    const links = new BitReader(fromBase64(r.links));
    for (let pupil = 0; pupil <= r.pupils; pupil++) {
      const count = links.readRice(COUNT_RICE_K);
      for (let j = 0; j < count; j++) {
        const kind: ContactKind = links.read(1) === 1 ? 'pupil' : 'family';
        const onPupilDomain = kind === 'pupil' && links.read(1) === 1;
        // The last group (after every pupil) holds addresses linked to no roster pupil.
        entries.push({ fp: links.read(r.bits), kind, pupil: pupil === r.pupils ? -1 : pupil, ...(onPupilDomain ? { onPupilDomain } : {}) });
      }
    }
    if (!links.atEnd()) throw new Error('the links run past their end');
    return { ok: true, data: { id: r.id, createdAt: r.createdAt, key, bits: r.bits, upnBits: r.upnBits, schoolAddresses: r.schoolAddresses, roster, upns, entries } };
  } catch (error) {
    return { ok: false, problem: `the send-check record is corrupt: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The directory over a record, plus "which roster pupils have this UPN?" for detection. */
export interface SendCheckDirectory extends ContactDirectory {
  pupilsWithUpn(upn: string): readonly number[];
}

const directories = new WeakMap<SendCheckData, SendCheckDirectory>();

export function sendCheckDirectory(data: SendCheckData): SendCheckDirectory {
  const found = directories.get(data);
  if (found) return found;
  const byFp = new Map<number, SendCheckEntry[]>();
  for (const e of data.entries) {
    const list = byFp.get(e.fp);
    if (list) list.push(e);
    else byFp.set(e.fp, [e]);
  }
  const byUpn = new Map<number, number[]>();
  data.upns.forEach((fp, i) => {
    if (fp === undefined) return;
    byUpn.set(fp, [...(byUpn.get(fp) ?? []), i]);
  });
  // Recipients repeat from check to check; HMAC in pure JS is the costliest step for a short message.
  const memo = new Map<string, readonly SendCheckEntry[]>();
  const entriesOf = (address: string): readonly SendCheckEntry[] => {
    const a = normaliseAddress(address);
    let found = memo.get(a);
    if (found === undefined) {
      if (memo.size >= 1000) memo.clear();
      found = byFp.get(truncate(fingerprint32(data.key, 'address', a), data.bits)) ?? [];
      memo.set(a, found);
    }
    return found;
  };
  const directory: SendCheckDirectory = {
    match(address): ContactMatch {
      const es = entriesOf(address);
      if (es.length === 0) return NO_MATCH;
      return { family: es.some((e) => e.kind === 'family'), pupil: es.some((e) => e.kind === 'pupil') };
    },
    isLinked: (address, pupil) => pupil >= 0 && entriesOf(address).some((e) => e.pupil === pupil),
    linkedPupils: (address) => [...new Set(entriesOf(address).filter((e) => e.pupil >= 0).map((e) => e.pupil))].sort((a, b) => a - b),
    pupilsWithUpn(upn) {
      if (data.upnBits === 0) return [];
      return byUpn.get(truncate(fingerprint32(data.key, 'upn', upn.trim().toUpperCase()), data.upnBits)) ?? [];
    },
  };
  directories.set(data, directory);
  return directory;
}

/** The chance that one address which is nobody's contact is taken for one (a stated rate, not a measurement). */
export function addressFalsePositiveRate(data: Pick<SendCheckData, 'bits' | 'entries'>): number {
  return new Set(data.entries.map((e) => e.fp)).size / 2 ** data.bits;
}
