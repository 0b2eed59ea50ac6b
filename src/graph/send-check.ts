// AUP Send Check: what staff's Outlook needs from AUP Contacts (admins only),
// without any address in clear (issue 10). The contacts import writes a new
// snapshot in parts, then deletes the old one; readers take the newest
// complete snapshot, so a half-written import never leaves staff with nothing.
import type { PupilEntry, Settings } from '../compose-check/settings';
import { buildSendCheck, sourceFromSettings, type SendCheckContact, type SendCheckSource } from '../compose-check/directory/build';
import { nameKey } from '../compose-check/directory/settings-directory';
import type { BatchRequest, BatchResponse, GraphClient } from './client';
import { batchPartError } from './client';
import { GraphRequestError } from './errors';
import type { Contact } from './contacts';
import type { Item, SiteLists } from './lists';
import { ITEM_SELECT, expandFields } from './lists';
import { SEND_CHECK_LIST } from './schema';

/** Multi-line text in SharePoint holds more, but parts this size keep each request and item small. */
export const MAX_PART_CHARS = 60_000;

interface SendCheckFields {
  Title?: string;
  SnapshotId: string;
  Part: number;
  PartCount: number;
  Payload: string;
}

export interface Snapshot {
  readonly id: string;
  readonly payload: string;
}

export interface PublishReport {
  readonly snapshotId: string;
  readonly parts: number;
  readonly chars: number;
  /** Items of older (or unfinished) snapshots deleted afterwards. */
  readonly removed: number;
}

/** Sortable by time, unique by its random tail: `20260126T101500Z-1a2b3c4d`. */
export function newSnapshotId(now: Date, random: () => Uint8Array = () => globalThis.crypto.getRandomValues(new Uint8Array(4))): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${[...random()].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function splitParts(payload: string, max = MAX_PART_CHARS): string[] {
  const parts: string[] = [];
  for (let i = 0; i < payload.length; i += max) parts.push(payload.slice(i, i + max));
  return parts.length > 0 ? parts : [''];
}

/**
 * The newest snapshot whose parts are all there (1..PartCount, once each),
 * joined. Ids sort by time, so "newest" needs no clock.
 */
export function newestComplete(items: readonly Partial<SendCheckFields>[]): Snapshot | undefined {
  const byId = new Map<string, Map<number, { count: number; payload: string }>>();
  for (const f of items) {
    if (typeof f.SnapshotId !== 'string' || typeof f.Part !== 'number' || typeof f.PartCount !== 'number') continue;
    const parts = byId.get(f.SnapshotId) ?? new Map<number, { count: number; payload: string }>();
    parts.set(f.Part, { count: f.PartCount, payload: f.Payload ?? '' });
    byId.set(f.SnapshotId, parts);
  }
  const complete = [...byId.entries()].filter(([, parts]) => {
    const count = parts.values().next().value?.count ?? 0;
    if (count < 1 || parts.size !== count) return false;
    for (let p = 1; p <= count; p++) if (parts.get(p)?.count !== count) return false;
    return true;
  });
  complete.sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  const newest = complete[0];
  if (!newest) return undefined;
  const [id, parts] = newest;
  return { id, payload: [...parts.entries()].sort(([a], [b]) => a - b).map(([, p]) => p.payload).join('') };
}

export class SendCheckRepository {
  constructor(private readonly lists: SiteLists) {}

  private get graph(): GraphClient {
    return this.lists.graph;
  }

  /** The newest complete snapshot, or undefined when no import has finished yet. */
  async latest(): Promise<Snapshot | undefined> {
    return newestComplete((await this.items()).map((i) => i.fields ?? {}));
  }

  /**
   * Writes the record as a new snapshot, then deletes every item of any other
   * snapshot. If the writes fail, the old snapshot is untouched (readers keep
   * using it) and the parts written are removed by the next import.
   */
  async publish(snapshotId: string, payload: string): Promise<PublishReport> {
    const path = await this.lists.itemsPath(SEND_CHECK_LIST);
    const parts = splitParts(payload);
    const writes: BatchRequest[] = parts.map((p, i) => ({
      id: `p${i + 1}`, method: 'POST', url: path,
      body: { fields: { Title: `${snapshotId} ${i + 1}/${parts.length}`, SnapshotId: snapshotId, Part: i + 1, PartCount: parts.length, Payload: p } satisfies SendCheckFields },
    }));
    this.throwFailed(await this.graph.batch(writes), writes, 'send-check parts could not be written; run the import again');
    const old = (await this.items()).filter((i) => i.id && i.fields?.SnapshotId !== snapshotId);
    const deletes: BatchRequest[] = old.map((i, n) => ({ id: `d${n}`, method: 'DELETE', url: `${path}/${i.id}` }));
    // A delete whose answer was lost meets 404 on the retry: gone is what was wanted.
    this.throwFailed((await this.graph.batch(deletes)).filter((r) => r.status !== 404), deletes, 'old send-check items could not all be removed; the new snapshot is in use, and the next import removes them');
    return { snapshotId, parts: parts.length, chars: payload.length, removed: old.length };
  }

  private throwFailed(responses: readonly BatchResponse[], requests: readonly BatchRequest[], what: string): void {
    const failed = responses.filter((r) => r.status >= 400);
    const first = failed[0];
    if (!first) return;
    const cause = batchPartError(first, requests.find((r) => r.id === first.id));
    throw new GraphRequestError({ status: cause.status, code: cause.code, requestId: cause.requestId, message: `${failed.length} of ${requests.length} ${what}. First: ${cause.message}` }, { cause });
  }

  private async items(): Promise<Item<Partial<SendCheckFields>>[]> {
    const path = await this.lists.itemsPath(SEND_CHECK_LIST);
    return this.graph.all<Item<Partial<SendCheckFields>>>(path, { query: { $select: ITEM_SELECT, $expand: expandFields(['SnapshotId', 'Part', 'PartCount', 'Payload']), $top: 999 } });
  }
}

/**
 * The source of a snapshot: every pupil the contacts or the settings name
 * (by UPN where there is one, else by name), their own addresses, and each
 * parent's or carer's address linked to the pupils it belongs to. Parent and
 * Carer become "family": the record never says which (issue 10).
 */
export function sendCheckSource(contacts: readonly Contact[], settings: Pick<Settings, 'pupils' | 'parentContacts'> = {}): SendCheckSource {
  const fromSettings = sourceFromSettings(settings);
  const pupils: PupilEntry[] = [];
  const byKey = new Map<string, number>();
  const keyOf = (name: string | undefined, upn: string | undefined): string | undefined =>
    upn ? `upn:${upn.trim().toUpperCase()}` : name ? `name:${nameKey(name)}` : undefined;
  const pupilId = (name: string | undefined, upn: string | undefined): number | undefined => {
    const key = keyOf(name, upn);
    if (!key) return undefined;
    // A UPN row and a name-only row for the same pupil are one pupil.
    const existing = byKey.get(key) ?? (name ? byKey.get(`name:${nameKey(name)}`) : undefined);
    if (existing !== undefined) {
      const p = pupils[existing];
      if (p && !p.name && name) pupils[existing] = { ...p, name };
      if (p && upn && !p.upn) pupils[existing] = { ...(pupils[existing] ?? p), upn };
      byKey.set(key, existing);
      return existing;
    }
    pupils.push({ name: name ?? '', ...(upn ? { upn } : {}) });
    byKey.set(key, pupils.length - 1);
    if (name) byKey.set(`name:${nameKey(name)}`, pupils.length - 1);
    return pupils.length - 1;
  };
  for (const p of fromSettings.pupils) pupilId(p.name, p.upn);
  const linked: SendCheckContact[] = [];
  for (const c of contacts) {
    const id = pupilId(c.pupilName, c.pupilUpn);
    linked.push({ email: c.email, kind: c.role === 'Pupil' ? 'pupil' : 'family', pupils: id === undefined ? [] : [id] });
  }
  // Settings' own pupils' addresses and parent contacts, relinked to the merged roster.
  for (const p of fromSettings.pupils) {
    const id = pupilId(p.name, p.upn);
    if (p.email && id !== undefined) linked.push({ email: p.email, kind: 'pupil', pupils: [id] });
  }
  for (const c of fromSettings.contacts) {
    const ids = c.pupils.flatMap((i) => {
      const p = fromSettings.pupils[i];
      const id = p ? pupilId(p.name, p.upn) : undefined;
      return id === undefined ? [] : [id];
    });
    linked.push({ email: c.email, kind: 'family', pupils: ids });
  }
  return { pupils, contacts: linked };
}

/** A full-width snapshot record for these contacts and settings, under a new random key. */
export function buildSnapshot(contacts: readonly Contact[], settings: Pick<Settings, 'pupils' | 'parentContacts' | 'pupilDomains'>, snapshotId: string, now: Date,
  key: Uint8Array = globalThis.crypto.getRandomValues(new Uint8Array(16))): string {
  return buildSendCheck(sendCheckSource(contacts, settings), { id: snapshotId, createdAt: now.toISOString(), key, pupilDomains: settings.pupilDomains ?? [] });
}
