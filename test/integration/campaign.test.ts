// A signing campaign's Graph calls (issue 14) through the real graph-client
// against the emulator: publishing with a due date and a later effective date,
// the reminders list, bulk activity notifications, the Teams app catalog and
// users' hire dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/emulator/index';
import { DEMO_TEAMS_APP_CATALOG_ID, DEMO_TEAMS_APP_MANIFEST_ID } from '../../src/emulator/seed/ids';
import {
  AcknowledgementsRepository, BULK_NOTIFICATION_LIMIT, DirectoryRepository, GraphRequestError, NotificationRepository, PoliciesRepository,
  RemindersRepository, TeamsAppCatalog, isAppNotInstalled, siteLists, ukToday,
} from '../../src/graph/index';
import { CURRENT_POLICY_META, addDays, policyHash } from '../../src/policy/index';
import { REMINDERS_LIST } from '../../src/graph/schema';
import { DEMO_GROUPS, devUsers, signIn, startEmulator } from './support';
import type { DevUser, Emulator, Session } from './support';

let emulator: Emulator;
let users: DevUser[];
let admin: Session;
let manager: Session;
let staff: Session;

const byUpn = (upn: string): DevUser => {
  const u = users.find((x) => x.upn === upn);
  if (!u) throw new Error(`no demo user ${upn}`);
  return u;
};
const listsOf = (s: Session) => siteLists(s.graph, emulator.siteId);

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataFile: ':memory:', seed: 'demo' });
  users = await devUsers(emulator);
  admin = await signIn(emulator, byUpn(DEMO_USERS.admin));
  manager = await signIn(emulator, byUpn(DEMO_USERS.manager));
  staff = await signIn(emulator, byUpn(DEMO_USERS.staff));
});

afterAll(async () => {
  await emulator?.close();
});

describe('publishing', () => {
  it("records SharePoint's own time of publication and keeps the version in force current until a later version's date", async () => {
    const policies = new PoliciesRepository(listsOf(admin));
    const today = ukToday(new Date());
    const current = (await policies.current(today))!;
    expect(current.version).toBe(CURRENT_POLICY_META.versionLabel);
    expect(current.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    const starts = addDays(today, 10);
    await policies.createDraft({ version: '2099-01', title: current.title, text: `${current.text!}\n\nNew words.`, dueDate: addDays(today, 20) });
    const before = Date.now();
    const published = await policies.publish('2099-01', { effectiveDate: starts, dueDate: addDays(today, 20), today });
    expect(published).toMatchObject({ status: 'Current', effectiveDate: starts, dueDate: addDays(today, 20) });
    expect(Date.parse(published.publishedAt!)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);

    // Today the old version is still the one to sign; the new one is coming. On its date it is current, with no one acting.
    const now = await policies.campaign(today, 'none');
    expect([now.current?.version, now.upcoming?.version]).toEqual([CURRENT_POLICY_META.versionLabel, '2099-01']);
    const then = await policies.campaign(starts, 'current');
    expect([then.current?.version, then.upcoming, then.earlier.map((v) => v.version)]).toEqual(['2099-01', null, [CURRENT_POLICY_META.versionLabel]]);
    expect(then.current?.text).toContain('New words.');
    // Not retired yet: it is still in force today.
    expect((await policies.get(CURRENT_POLICY_META.versionLabel))?.status).toBe('Current');
  });
});

describe('RemindersRepository', () => {
  it('records who was reminded, by whom and how, and gives the latest per person', async () => {
    const reminders = new RemindersRepository(listsOf(manager));
    const a = byUpn(DEMO_USERS.staff);
    const b = byUpn(DEMO_USERS.staffWithoutApp);
    const first = await reminders.record('2020-04', [{ recipientId: a.id, recipientName: a.displayName, channel: 'Teams' }, { recipientId: b.id, recipientName: b.displayName, channel: 'Email' }]);
    expect(first).toEqual({ recorded: 2, failed: [] });
    await new Promise((r) => setTimeout(r, 1100)); // SharePoint's times are whole seconds
    await reminders.record('2020-04', [{ recipientId: a.id, recipientName: a.displayName, channel: 'Teams' }]);
    await reminders.record('2099-01', [{ recipientId: a.id, recipientName: a.displayName, channel: 'Teams' }]);

    const all = await reminders.listForVersion('2020-04');
    expect(all).toHaveLength(3);
    expect(all.every((r) => r.sentBy.id === manager.user.id)).toBe(true);
    const latest = await reminders.lastReminded('2020-04');
    expect([...latest.keys()].sort()).toEqual([a.id, b.id].sort());
    expect(Date.parse(latest.get(a.id)!.sentAt)).toBeGreaterThan(Date.parse(all.find((r) => r.recipientId === b.id)!.sentAt));
    expect((await reminders.allLatest()).get(b.id)?.channel).toBe('Email');
  });

  it('keeps reminders from staff: the list is invisible to them, in the repository and in Graph', async () => {
    await expect(new RemindersRepository(listsOf(staff)).listForVersion('2020-04')).rejects.toMatchObject({ code: 'listNotProvisioned' });
    const visible = await staff.graph.all<{ displayName?: string }>(`/sites/${emulator.siteId}/lists`, { query: { $select: 'displayName' } });
    expect(visible.map((l) => l.displayName)).not.toContain(REMINDERS_LIST.displayName);
  });
});

describe('bulk activity notifications', () => {
  const activity = { topic: { source: 'text' as const, value: 'AUP', webUrl: 'https://teams.microsoft.com/l/entity/x/aup' }, activityType: 'policyPublished', previewText: 'Please sign version 2099-01' };

  it(`sends one request per ${BULK_NOTIFICATION_LIMIT} staff, and Teams delivers only to those who have the app`, async () => {
    emulator.seedScale({ staff: 180, acknowledgements: 0 });
    const all = await new DirectoryRepository(manager.graph, DEMO_GROUPS).allStaff();
    emulator.clearOutbox();
    manager.requests.reset();
    const progress: number[] = [];
    const report = await new NotificationRepository(manager.graph).notifyMany(all.map((s) => s.id), activity, (done) => progress.push(done));
    expect(report).toEqual({ accepted: all.length, requests: Math.ceil(all.length / 100), failed: [] });
    expect(manager.requests.total()).toBe(Math.ceil(all.length / 100));
    expect(progress[progress.length - 1]).toBe(all.length);
    const sent = emulator.outbox();
    const withoutApp = users.filter((u) => !u.teamsAppInstalled).map((u) => u.id);
    expect(sent.length).toBe(all.length - withoutApp.length);
    expect(sent.some((e) => e.kind === 'activityNotification' && withoutApp.includes(e.to))).toBe(false);
  });

  it('reports a batch Graph refuses, with its message, instead of sending mail', async () => {
    emulator.clearOutbox();
    const report = await new NotificationRepository(manager.graph).notifyMany(['not-a-user'], activity);
    expect(report.accepted).toBe(0);
    expect(report.failed[0]?.message).toContain('not-a-user');
    expect(emulator.outbox()).toEqual([]);
  });
});

describe('one reminder that Teams refuses', () => {
  it('becomes mail only when Teams says the person does not have the app', async () => {
    const noApp = byUpn(DEMO_USERS.staffWithoutApp);
    const refused = await manager.graph.post(`/users/${noApp.id}/teamwork/sendActivityNotification`, { topic: { source: 'text', value: 'x', webUrl: 'https://x' }, activityType: 'signReminder' }).catch((e: unknown) => e);
    expect(isAppNotInstalled(refused)).toBe(true);
    // A bad request (here, no activity type) is shown to the manager, not mailed, even to someone without the app.
    emulator.clearOutbox();
    const noType = { topic: { source: 'text' as const, value: 'x', webUrl: 'https://x' }, activityType: undefined as unknown as string, previewText: 'x' };
    const bad = await new NotificationRepository(manager.graph).notify({ id: noApp.id, mail: noApp.upn }, noType, { subject: 's', text: 't' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(GraphRequestError);
    expect((bad as GraphRequestError).status).toBe(400);
    expect(isAppNotInstalled(bad)).toBe(false);
    expect(emulator.outbox()).toEqual([]);
  });
});

describe('TeamsAppCatalog', () => {
  it("finds the app's id in the organisation's catalog from its manifest id", async () => {
    const found = await new TeamsAppCatalog(manager.graph).findByManifestId(DEMO_TEAMS_APP_MANIFEST_ID);
    expect(found).toEqual({ kind: 'found', app: expect.objectContaining({ id: DEMO_TEAMS_APP_CATALOG_ID, externalId: DEMO_TEAMS_APP_MANIFEST_ID, distributionMethod: 'organization' }) });
    expect(await new TeamsAppCatalog(manager.graph).findByManifestId('00000000-0000-4000-8000-000000000000')).toEqual({ kind: 'missing' });
  });
});

describe("users' hire dates", () => {
  it('come with the staff list, for new joiners\' own due dates', async () => {
    const all = await new DirectoryRepository(manager.graph, DEMO_GROUPS).allStaff();
    const starters = all.filter((s) => s.hireDate !== null);
    expect(starters.length).toBeGreaterThanOrEqual(1);
    expect(starters[0]!.hireDate).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
  });
});

describe('signatures of the demo school', () => {
  it('fingerprint the text of the version they sign, so they count as signed', async () => {
    const policy = (await new PoliciesRepository(listsOf(manager)).get(CURRENT_POLICY_META.versionLabel))!;
    const acks = await new AcknowledgementsRepository(listsOf(manager)).listForVersion(CURRENT_POLICY_META.versionLabel);
    expect(acks.length).toBeGreaterThan(0);
    expect(acks.every((a) => a.policyHash === policyHash(policy.text!) && a.itemVersion === 1 && a.modifiedAt === a.signedAt)).toBe(true);
  });

  it('can be read as just who signed, for "signed an earlier version", and just what the review needs, for the report', async () => {
    const repo = new AcknowledgementsRepository(listsOf(manager));
    const full = await repo.listForVersion(CURRENT_POLICY_META.versionLabel);
    const signers = await repo.signersOf(CURRENT_POLICY_META.versionLabel, { pageSize: 5000 });
    expect(signers.map((s) => s.signedBy.id).sort()).toEqual(full.map((a) => a.signedBy.id).sort());
    const forReview = await repo.listForVersion(CURRENT_POLICY_META.versionLabel, { forReview: true, pageSize: 5000 });
    expect(forReview.map((a) => [a.signedBy.id, a.policyHash, a.acceptsPolicy, a.understandsBreach, a.signature, a.modifiedAt]).sort())
      .toEqual(full.map((a) => [a.signedBy.id, a.policyHash, a.acceptsPolicy, a.understandsBreach, a.signature, a.modifiedAt]).sort());
  });
});
