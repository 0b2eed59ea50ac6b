// Parents, carers and pupils imported from the school's MIS. The caller
// validates the whole file first (all or nothing); this then upserts by
// ContactKey, so importing the same file twice creates no duplicates.
// AUP Contacts is for admins only; every change here also republishes the
// AUP Send Check snapshot staff's Outlook reads (issue 10), so the Teams
// panel and `npm run contacts` share one path: plan, then import or remove.
import type { BatchRequest, GraphClient } from './client';
import { batchPartError } from './client';
import { GraphRequestError } from './errors';
import { CONTACTS_LIST } from './schema';
import { SettingsRepository } from './settings';
import { SendCheckRepository, buildSnapshot, newSnapshotId, type PublishReport } from './send-check';
import type { Item, SiteLists } from './lists';
import { ITEM_SELECT, expandFields, itemHolds } from './lists';

export type ContactRole = 'Parent' | 'Carer' | 'Pupil';

export interface Contact {
  readonly email: string;
  readonly role: ContactRole;
  readonly pupilName?: string;
  readonly pupilUpn?: string;
}

export interface StoredContact extends Contact {
  readonly itemId: string;
  readonly key: string;
}

interface ContactFields {
  Title?: string;
  Email: string;
  Role: ContactRole;
  PupilName?: string | null;
  PupilUpn?: string | null;
  ContactKey: string;
}

export interface ImportReport {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly removed: number;
}

export interface ImportPlan {
  /** The file's contacts, once each. */
  readonly contacts: readonly Contact[];
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Stored contacts the file no longer lists (leavers' families): removed unless the admin keeps them. */
  readonly missing: readonly StoredContact[];
}

export interface ImportOptions {
  /** Delete stored contacts the import no longer lists (the MIS export is the whole truth). Default false. */
  readonly removeMissing?: boolean;
}

/**
 * The one definition of a contact's identity: role, address and pupil. A parent
 * of two pupils is two contacts; the same row imported again is the same key.
 */
export function contactKey(contact: Contact): string {
  const pupil = (contact.pupilUpn ?? contact.pupilName ?? '').trim().toLowerCase();
  return `${contact.role}|${contact.email.trim().toLowerCase()}|${pupil}`;
}

const FIELDS = ['Email', 'Role', 'PupilName', 'PupilUpn', 'ContactKey'] as const;

function toFields(contact: Contact): ContactFields {
  return {
    Title: contact.email.trim(),
    Email: contact.email.trim(),
    Role: contact.role,
    PupilName: contact.pupilName ?? null,
    PupilUpn: contact.pupilUpn ?? null,
    ContactKey: contactKey(contact),
  };
}

function same(a: ContactFields, b: Partial<ContactFields>): boolean {
  return a.Email === b.Email && a.Role === b.Role && (a.PupilName ?? null) === (b.PupilName ?? null) && (a.PupilUpn ?? null) === (b.PupilUpn ?? null);
}

export class ContactsRepository {
  constructor(private readonly lists: SiteLists) {}

  private get graph(): GraphClient {
    return this.lists.graph;
  }

  /** What importing `contacts` would do, without writing: the counts to show before asking. */
  async plan(contacts: readonly Contact[]): Promise<ImportPlan> {
    const existing = await this.listAll();
    const byKey = new Map(existing.map((c) => [c.key, c]));
    const wanted = new Map(contacts.map((c) => [contactKey(c), c]));
    let created = 0, updated = 0, unchanged = 0;
    for (const [key, c] of wanted) {
      const current = byKey.get(key);
      if (!current) created++;
      else if (!same(toFields(c), toFields(current))) updated++;
      else unchanged++;
    }
    return { contacts: [...wanted.values()], created, updated, unchanged, missing: existing.filter((c) => !wanted.has(c.key)) };
  }

  /** Deletes these stored contacts (the admin panel's Remove). A contact already gone counts as removed. */
  async remove(contacts: readonly Pick<StoredContact, 'itemId'>[]): Promise<number> {
    if (contacts.length === 0) return 0;
    const path = await this.lists.itemsPath(CONTACTS_LIST);
    const requests: BatchRequest[] = contacts.map((c, i) => ({ id: `d${i}`, method: 'DELETE', url: `${path}/${c.itemId}` }));
    const failed = (await this.graph.batch(requests)).filter((r) => r.status >= 400 && r.status !== 404);
    const first = failed[0];
    if (first) {
      const cause = batchPartError(first, requests.find((r) => r.id === first.id));
      throw new GraphRequestError({ status: cause.status, code: cause.code, requestId: cause.requestId, message: `${failed.length} of ${requests.length} contacts could not be removed; try again. First: ${cause.message}` }, { cause });
    }
    return contacts.length;
  }

  async listAll(): Promise<StoredContact[]> {
    return (await this.items()).flatMap((item) => {
      const f = item.fields;
      if (!item.id || !f?.Email || !f.Role || !f.ContactKey) return [];
      return [{
        itemId: item.id, key: f.ContactKey, email: f.Email, role: f.Role,
        ...(f.PupilName ? { pupilName: f.PupilName } : {}),
        ...(f.PupilUpn ? { pupilUpn: f.PupilUpn } : {}),
      }];
    });
  }

  /**
   * Creates, updates (and optionally removes) contacts in $batch requests of 20.
   * Every part is attempted; if any fails, a GraphRequestError names the first
   * and how many failed. Re-running the same import then completes it.
   */
  async import(contacts: readonly Contact[], options: ImportOptions = {}): Promise<ImportReport> {
    const path = await this.lists.itemsPath(CONTACTS_LIST);
    const existing = new Map((await this.items()).flatMap((i) => (i.id && i.fields?.ContactKey ? [[i.fields.ContactKey, { ...i, id: i.id }] as const] : [])));
    const wanted = new Map(contacts.map((c) => [contactKey(c), toFields(c)]));
    const requests: BatchRequest[] = [];
    const updates = new Map<string, { itemId: string; fields: ContactFields }>();
    let created = 0, updated = 0, unchanged = 0, removed = 0;
    for (const [key, fields] of wanted) {
      const current = existing.get(key);
      if (!current) {
        created++;
        requests.push({ id: `c${requests.length}`, method: 'POST', url: path, body: { fields } });
      } else if (!same(fields, current.fields ?? {})) {
        updated++;
        updates.set(`u${requests.length}`, { itemId: current.id, fields });
        requests.push({ id: `u${requests.length}`, method: 'PATCH', url: `${path}/${current.id}/fields`, body: fields, headers: current.eTag ? { 'If-Match': current.eTag } : {} });
      } else {
        unchanged++;
      }
    }
    if (options.removeMissing) {
      for (const [key, item] of existing) {
        if (wanted.has(key)) continue;
        removed++;
        requests.push({ id: `d${requests.length}`, method: 'DELETE', url: `${path}/${item.id}` });
      }
    }
    const responses = await this.graph.batch(requests);
    // A write that landed before its answer was lost meets itself on the retry: a create gets 409, a
    // delete 404, an update 412 (its own new eTag). Those reached the goal; an update is checked by reading it back.
    const failed: typeof responses = [];
    for (const r of responses) {
      if (r.status < 400 || (r.status === 409 && r.id.startsWith('c')) || (r.status === 404 && r.id.startsWith('d'))) continue;
      const update = r.status === 412 ? updates.get(r.id) : undefined;
      if (update && (await itemHolds(this.graph, path, update.itemId, update.fields))) continue;
      failed.push(r);
    }
    if (failed.length > 0) {
      const first = failed[0]!;
      const cause = batchPartError(first, requests.find((r) => r.id === first.id));
      throw new GraphRequestError({
        status: cause.status, code: cause.code, requestId: cause.requestId,
        message: `${failed.length} of ${requests.length} contact changes failed; run the import again to finish it. First: ${cause.message}`,
      }, { cause });
    }
    return { created, updated, unchanged, removed };
  }

  private async items(): Promise<Item<Partial<ContactFields>>[]> {
    const path = await this.lists.itemsPath(CONTACTS_LIST);
    return this.graph.all<Item<Partial<ContactFields>>>(path, { query: { $select: ITEM_SELECT, $expand: expandFields(FIELDS), $top: 999 } });
  }
}

export interface ContactsChange {
  readonly contacts: ImportReport;
  readonly sendCheck: PublishReport;
}

/**
 * Rebuilds AUP Send Check from AUP Contacts as they now stand and the pupils
 * and contacts AUP Settings holds: a new snapshot, then the old one deleted.
 */
export async function publishSendCheck(lists: SiteLists, now: Date): Promise<PublishReport> {
  const [contacts, stored] = await Promise.all([new ContactsRepository(lists).listAll(), new SettingsRepository(lists).read()]);
  const id = newSnapshotId(now);
  return new SendCheckRepository(lists).publish(id, buildSnapshot(contacts, stored?.settings ?? {}, id, now));
}

/**
 * The import both the Teams panel and `npm run contacts` run, after
 * showing the plan: contacts first, then, in the same run, a new send-check
 * snapshot. If the contacts fail half-way nothing is published and the error
 * says to run it again (re-running completes it, as before).
 */
export async function importContacts(lists: SiteLists, contacts: readonly Contact[], options: { readonly removeMissing: boolean; readonly now: Date }): Promise<ContactsChange> {
  const report = await new ContactsRepository(lists).import(contacts, { removeMissing: options.removeMissing });
  return { contacts: report, sendCheck: await publishSendCheck(lists, options.now) };
}

/** Removes contacts (the admin panel), then republishes the send-check snapshot without them. */
export async function removeContacts(lists: SiteLists, contacts: readonly Pick<StoredContact, 'itemId'>[], now: Date): Promise<ContactsChange> {
  const removed = await new ContactsRepository(lists).remove(contacts);
  return { contacts: { created: 0, updated: 0, unchanged: 0, removed }, sendCheck: await publishSendCheck(lists, now) };
}
