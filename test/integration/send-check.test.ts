// The contacts import and AUP Send Check through the real graph-client
// against the emulator: contacts and a new snapshot in one run, the old
// snapshot removed, readers taking the newest complete one, leavers removed
// by default, and the record answering as the contacts say (issue 10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContactsRepository, SendCheckRepository, importContacts, provision, removeContacts, siteLists, type Contact, type SiteLists } from '../../src/graph/index';
import { SEND_CHECK_LIST } from '../../src/graph/schema';
import { parseSendCheck, sendCheckDirectory } from '../../src/compose-check/directory';
import { DEMO_GROUPS, devUsers, firstWithRole, policySeed, signIn, startEmulator } from './support';
import type { Emulator, Session } from './support';

let emulator: Emulator;
let admin: Session;
let staff: Session;
let lists: SiteLists;

const contacts: Contact[] = [
  { email: 'oliver.bennett@pupils.example.org.uk', role: 'Pupil', pupilName: 'Oliver Bennett', pupilUpn: 'K886402120108' },
  { email: 'mark.bennett@hotmail.co.uk', role: 'Parent', pupilName: 'Oliver Bennett', pupilUpn: 'K886402120108' },
  { email: 'nan.hughes@example.net', role: 'Carer', pupilName: 'Amelia Hughes' },
];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataFile: ':memory:', seed: 'empty' });
  const users = await devUsers(emulator);
  admin = await signIn(emulator, firstWithRole(users, 'admin'));
  staff = await signIn(emulator, firstWithRole(users, 'staff'));
  const report = await provision({ graph: admin.graph, spRest: admin.spRest, siteId: 'root', groups: DEMO_GROUPS, policy: await policySeed() });
  lists = siteLists(admin.graph, report.siteId);
});

afterAll(async () => {
  await emulator?.close();
});

async function latestFor(session: Session) {
  const snapshot = await new SendCheckRepository(siteLists(session.graph, lists.siteId)).latest();
  if (!snapshot) throw new Error('no snapshot');
  const parsed = parseSendCheck(snapshot.payload);
  if (!parsed.ok) throw new Error(parsed.problem);
  return { id: snapshot.id, data: parsed.data, directory: sendCheckDirectory(parsed.data) };
}

describe('contacts import and AUP Send Check', () => {
  it('writes the contacts and, in the same run, a snapshot staff can read, with no address in clear', async () => {
    const change = await importContacts(lists, contacts, { removeMissing: true, now: new Date('2026-01-26T10:15:00Z') });
    expect(change.contacts).toMatchObject({ created: 3, removed: 0 });
    expect(change.sendCheck).toMatchObject({ parts: 1, removed: 0 });
    const { data, directory } = await latestFor(staff);
    expect(data.roster.map((p) => p.name).sort()).toEqual(['Amelia Hughes', 'Oliver Bennett']);
    const oliver = data.roster.findIndex((p) => p.name === 'Oliver Bennett');
    expect(directory.match('Mark.Bennett@hotmail.co.uk')).toEqual({ family: true, pupil: false });
    expect(directory.match('nan.hughes@example.net')).toEqual({ family: true, pupil: false });
    expect(directory.linkedPupils('mark.bennett@hotmail.co.uk')).toEqual([oliver]);
    expect(directory.pupilsWithUpn('K886402120108')).toEqual([oliver]);
    const items = await admin.graph.all<{ fields?: { Payload?: string } }>(await lists.itemsPath(SEND_CHECK_LIST), { query: { $expand: 'fields($select=Payload)' } });
    expect(JSON.stringify(items)).not.toMatch(/hotmail|nan\.hughes|Carer|Parent|K886402120108/);
  });

  it('replaces the snapshot on the next import and removes leavers by default', async () => {
    const before = await latestFor(staff);
    const change = await importContacts(lists, contacts.slice(0, 2), { removeMissing: true, now: new Date('2026-01-27T10:15:00Z') });
    expect(change.contacts.removed).toBe(1);
    expect(change.sendCheck.removed).toBe(1);
    const after = await latestFor(staff);
    expect(after.id > before.id).toBe(true);
    expect(after.directory.match('nan.hughes@example.net').family).toBe(false);
    expect(await admin.graph.all(await lists.itemsPath(SEND_CHECK_LIST))).toHaveLength(1);
  });

  it('keeps them when asked to', async () => {
    await importContacts(lists, contacts, { removeMissing: false, now: new Date('2026-01-28T10:15:00Z') });
    const change = await importContacts(lists, contacts.slice(0, 1), { removeMissing: false, now: new Date('2026-01-29T10:15:00Z') });
    expect(change.contacts.removed).toBe(0);
    expect((await latestFor(staff)).directory.match('nan.hughes@example.net').family).toBe(true);
  });

  it('ignores a snapshot whose parts are not all written, so staff keep the last complete one', async () => {
    const complete = await latestFor(staff);
    const path = await lists.itemsPath(SEND_CHECK_LIST);
    // A later import that wrote part 1 of 2 and stopped.
    await admin.graph.post(path, { fields: { Title: 'x', SnapshotId: '29991231T000000Z-dead', Part: 1, PartCount: 2, Payload: '{"format":' } });
    expect((await latestFor(staff)).id).toBe(complete.id);
    // The next import clears the unfinished parts away.
    await importContacts(lists, contacts, { removeMissing: false, now: new Date('2026-01-30T10:15:00Z') });
    expect((await admin.graph.all<{ fields?: { SnapshotId?: string } }>(path, { query: { $expand: 'fields($select=SnapshotId)' } })).map((i) => i.fields?.SnapshotId)).not.toContain('29991231T000000Z-dead');
  });

  it('republishes without the contacts an admin removes', async () => {
    const mark = (await new ContactsRepository(lists).listAll()).filter((c) => c.email === 'mark.bennett@hotmail.co.uk');
    await removeContacts(lists, mark, new Date('2026-01-31T10:15:00Z'));
    expect((await latestFor(staff)).directory.match('mark.bennett@hotmail.co.uk').family).toBe(false);
  });
});
