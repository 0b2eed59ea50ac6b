// Building the send-check record: in the admin's contacts import (the
// snapshot written to AUP Send Check) and in the task pane (the copy each
// store gets, narrowed to fit, with any contacts still in AUP Settings folded
// in). Kept apart from ./record.ts so the send handler never bundles deflate.
import { deflateSync } from 'fflate';
import type { PupilEntry } from '../settings';
import { nameKey } from './settings-directory';
import { normaliseAddress } from './types';
import { BitWriter, toBase64 } from './codec';
import { utf8Encode } from '../../policy/hash';
import { MAX_BITS, fingerprint32, truncate } from './keyed';
import type { ContactKind, SendCheckData, SendCheckEntry, SendCheckEnvelope } from './record';
import { COUNT_RICE_K, SEND_CHECK_FORMAT, SEND_CHECK_VERSION } from './record';

export interface SendCheckContact {
  readonly email: string;
  readonly kind: ContactKind;
  /** Indices into the source's pupils; empty for a family contact of a pupil not on the roster. */
  readonly pupils: readonly number[];
}

export interface SendCheckSource {
  /** Names (and preferred names), UPNs and pupils' own addresses; only the names stay readable. */
  readonly pupils: readonly PupilEntry[];
  readonly contacts: readonly SendCheckContact[];
}

export interface BuildOptions {
  readonly id: string;
  /** ISO-8601; the record never reads the clock. */
  readonly createdAt: string;
  /** At least 16 random bytes, new for every snapshot. */
  readonly key: Uint8Array;
  readonly bits?: number;
  readonly upnBits?: number;
  /** The school's pupil domains: pupils' own addresses on them are marked, so a small store may leave them out. */
  readonly pupilDomains?: readonly string[];
}

/** Tabs and line breaks separate the roster's fields and lines, so names keep neither. */
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The fields of SendCheckData that encoding needs (its key is the same either way). */
type Fingerprints = Pick<SendCheckData, 'id' | 'createdAt' | 'key' | 'bits' | 'upnBits' | 'schoolAddresses' | 'roster' | 'upns' | 'entries'>;

function encode(d: Fingerprints, bits: number, upnBits: number, schoolAddresses = d.schoolAddresses): string {
  if (bits > d.bits || upnBits > d.upnBits) throw new Error(`cannot widen fingerprints from ${d.bits}/${d.upnBits} to ${bits}/${upnBits} bits`);
  const narrow = (fp: number, from: number, to: number): number => Math.floor(fp / 2 ** (from - to));
  const roster = d.roster.map((p) => (p.preferredName ? `${oneLine(p.name)}\t${oneLine(p.preferredName)}` : oneLine(p.name))).join('\n');
  const upns = new BitWriter();
  if (upnBits > 0) {
    for (let i = 0; i < d.roster.length; i++) {
      const fp = d.upns[i];
      upns.write(fp === undefined ? 0 : 1, 1);
      if (fp !== undefined) upns.write(narrow(fp, d.upnBits, upnBits), upnBits);
    }
  }
  // Grouped by pupil (the unlinked last); within a group sorted, duplicates once.
  const byGroup = new Map<number, Set<string>>();
  for (const e of d.entries) {
    if (!schoolAddresses && e.onPupilDomain) continue;
    const g = e.pupil < 0 ? d.roster.length : e.pupil;
    const set = byGroup.get(g) ?? new Set<string>();
    set.add(`${e.kind === 'pupil' ? (e.onPupilDomain ? 3 : 1) : 0}:${narrow(e.fp, d.bits, bits)}`);
    byGroup.set(g, set);
  }
  const links = new BitWriter();
  for (let g = 0; g <= d.roster.length; g++) {
    const items = [...(byGroup.get(g) ?? [])].sort();
    links.writeRice(items.length, COUNT_RICE_K);
    for (const item of items) {
      const [kind, fp] = item.split(':');
      links.write(Number(kind) & 1, 1);
      if (Number(kind) & 1) links.write(Number(kind) >> 1, 1);
      links.write(Number(fp), bits);
    }
  }
  const envelope: SendCheckEnvelope = {
    format: SEND_CHECK_FORMAT,
    version: SEND_CHECK_VERSION,
    id: d.id,
    createdAt: d.createdAt,
    key: toBase64(d.key),
    bits,
    upnBits,
    schoolAddresses: schoolAddresses && d.schoolAddresses,
    pupils: d.roster.length,
    roster: d.roster.length === 0 ? '' : toBase64(deflateSync(utf8Encode(roster), { level: 9 })),
    upns: upnBits > 0 ? toBase64(upns.finish()) : '',
    links: toBase64(links.finish()),
  };
  return JSON.stringify(envelope);
}

/** Roster order is free (ids are opaque), so names are sorted: neighbours share letters and deflate better. */
function sortRoster(pupils: readonly PupilEntry[]): { roster: PupilEntry[]; idOf: number[] } {
  const order = pupils.map((p, i) => ({ p, i, k: nameKey(p.name) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
  const idOf: number[] = new Array<number>(pupils.length);
  order.forEach((o, newId) => { idOf[o.i] = newId; });
  return { roster: order.map((o) => o.p), idOf };
}

/** The full-width record for a snapshot (32-bit fingerprints unless asked otherwise). */
export function buildSendCheck(source: SendCheckSource, options: BuildOptions): string {
  if (options.key.length < 16) throw new Error('the send-check key must be at least 16 bytes');
  const { roster, idOf } = sortRoster(source.pupils);
  const fp = (email: string): number => fingerprint32(options.key, 'address', normaliseAddress(email));
  const pupilDomains = (options.pupilDomains ?? []).map((d) => d.toLowerCase());
  const onPupilDomain = (email: string): { onPupilDomain?: true } => {
    const domain = normaliseAddress(email).slice(normaliseAddress(email).lastIndexOf('@') + 1);
    return pupilDomains.some((d) => domain === d || domain.endsWith(`.${d}`)) ? { onPupilDomain: true } : {};
  };
  const entries: SendCheckEntry[] = [];
  source.pupils.forEach((p, i) => {
    if (p.email) entries.push({ fp: fp(p.email), kind: 'pupil', pupil: idOf[i] ?? -1, ...onPupilDomain(p.email) });
  });
  for (const c of source.contacts) {
    const linked = c.pupils.filter((i) => i >= 0 && i < source.pupils.length);
    const own = c.kind === 'pupil' ? onPupilDomain(c.email) : {};
    if (linked.length === 0) entries.push({ fp: fp(c.email), kind: c.kind, pupil: -1, ...own });
    for (const i of linked) entries.push({ fp: fp(c.email), kind: c.kind, pupil: idOf[i] ?? -1, ...own });
  }
  const upns = roster.map((p) => (p.upn ? fingerprint32(options.key, 'upn', p.upn.trim().toUpperCase()) : undefined));
  const names = roster.map((p): PupilEntry => (p.preferredName ? { name: p.name, preferredName: p.preferredName } : { name: p.name }));
  const full: Fingerprints = { id: options.id, createdAt: options.createdAt, key: options.key, bits: MAX_BITS, upnBits: MAX_BITS, schoolAddresses: true, roster: names, upns, entries };
  return encode(full, options.bits ?? MAX_BITS, options.upnBits ?? MAX_BITS);
}

/** The same record with narrower fingerprints (smaller, more false positives: see addressFalsePositiveRate), optionally without pupils' school addresses. */
export function narrowSendCheck(data: SendCheckData, bits: number, upnBits: number, schoolAddresses = data.schoolAddresses): string {
  return encode(data, bits, upnBits, schoolAddresses);
}

/**
 * What is given up, in order, when a store has a budget: first the UPN
 * fingerprints (detection finds UPNs by their check letter anyway; the
 * roster's only add confidence), then pupils' own addresses on the school's
 * pupil domains (the engine knows those domains are pupils'; only whose is
 * lost), then address bits, never below 16.
 */
export const WIDTH_LADDER: readonly (readonly [bits: number, upnBits: number, schoolAddresses: boolean])[] = [
  [32, 32, true], [32, 16, true], [32, 0, true], [32, 0, false], [28, 0, false], [24, 0, false], [22, 0, false], [20, 0, false], [18, 0, false], [16, 0, false],
];

export interface Fitted {
  readonly json: string;
  readonly bits: number;
  readonly upnBits: number;
  readonly schoolAddresses: boolean;
}

/** The fullest version of the record that `fits`, or undefined when even the narrowest does not. */
export function fitSendCheck(data: SendCheckData, fits: (json: string) => boolean): Fitted | undefined {
  for (const [bits, upnBits, schoolAddresses] of WIDTH_LADDER) {
    if (bits > data.bits) continue;
    const u = Math.min(upnBits, data.upnBits);
    const keep = schoolAddresses && data.schoolAddresses;
    const json = encode(data, bits, u, keep);
    if (fits(json)) return { json, bits, upnBits: u, schoolAddresses: keep };
  }
  return undefined;
}

/**
 * Adds clear pupils and contacts (those AUP Settings may still hold) to a
 * record under its own key, so the Outlook cache keeps one roster and no
 * address in clear. A pupil whose name is already on the roster is that pupil.
 */
export function extendSendCheck(data: SendCheckData, extra: SendCheckSource): string {
  const roster = [...data.roster];
  const upns = [...data.upns];
  const byName = new Map<string, number>();
  roster.forEach((p, i) => { if (!byName.has(nameKey(p.name))) byName.set(nameKey(p.name), i); });
  const idOf = extra.pupils.map((p) => {
    const known = byName.get(nameKey(p.name));
    const id = known ?? roster.length;
    if (known === undefined) {
      roster.push(p.preferredName ? { name: p.name, preferredName: p.preferredName } : { name: p.name });
      upns.push(undefined);
      byName.set(nameKey(p.name), id);
    }
    if (p.upn && upns[id] === undefined && data.upnBits > 0) upns[id] = truncate(fingerprint32(data.key, 'upn', p.upn.trim().toUpperCase()), data.upnBits);
    return id;
  });
  const fp = (email: string): number => truncate(fingerprint32(data.key, 'address', normaliseAddress(email)), data.bits);
  const entries: SendCheckEntry[] = [...data.entries];
  // Settings' own pupils' addresses are kept whatever their domain: there are few, and the record cannot tell.
  extra.pupils.forEach((p, i) => {
    if (p.email) entries.push({ fp: fp(p.email), kind: 'pupil', pupil: idOf[i] ?? -1 });
  });
  for (const c of extra.contacts) {
    const linked = c.pupils.map((i) => idOf[i]).filter((id): id is number => id !== undefined);
    if (linked.length === 0) entries.push({ fp: fp(c.email), kind: c.kind, pupil: -1 });
    for (const id of linked) entries.push({ fp: fp(c.email), kind: c.kind, pupil: id });
  }
  return encode({ ...data, roster, upns, entries }, data.bits, data.upnBits);
}

/** Clear settings as a source: `pupils` and `parentContacts` (each naming its pupil), linked by name. */
export function sourceFromSettings(settings: { readonly pupils?: readonly PupilEntry[]; readonly parentContacts?: readonly { readonly email: string; readonly pupil?: string }[] }): SendCheckSource {
  const pupils = settings.pupils ?? [];
  const byName = new Map<string, number[]>();
  pupils.forEach((p, i) => byName.set(nameKey(p.name), [...(byName.get(nameKey(p.name)) ?? []), i]));
  const contacts = (settings.parentContacts ?? []).map((c): SendCheckContact => ({
    email: c.email, kind: 'family', pupils: c.pupil ? byName.get(nameKey(c.pupil)) ?? [] : [],
  }));
  return { pupils, contacts };
}
