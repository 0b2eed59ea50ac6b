// The directory, mail and Teams notifications through the real graph-client
// against the emulator's demo school.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/emulator/index';
import type { SentActivityNotification, SentMail } from '../../src/emulator/index';
import { DirectoryRepository, NotificationRepository } from '../../src/graph/index';
import { DEMO_GROUPS, devUsers, signIn, startEmulator } from './support';
import type { DevUser, Emulator, Session } from './support';

let emulator: Emulator;
let users: DevUser[];
let manager: Session;
let staff: Session;

const byUpn = (upn: string): DevUser => {
  const u = users.find((x) => x.upn === upn);
  if (!u) throw new Error(`no demo user ${upn}`);
  return u;
};

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataFile: ':memory:', seed: 'demo' });
  users = await devUsers(emulator);
  manager = await signIn(emulator, byUpn(DEMO_USERS.manager));
  staff = await signIn(emulator, byUpn(DEMO_USERS.staff));
});

afterAll(async () => {
  await emulator?.close();
});

describe('DirectoryRepository', () => {
  it('says who is signed in', async () => {
    const me = await new DirectoryRepository(staff.graph, DEMO_GROUPS).me();
    expect(me).toMatchObject({ id: staff.user.id, userPrincipalName: DEMO_USERS.staff });
  });

  it('reads every member of the all-staff group across pages of 999', async () => {
    emulator.seedScale({ staff: 1500, acknowledgements: 0 });
    manager.requests.reset();
    const all = await new DirectoryRepository(manager.graph, DEMO_GROUPS).allStaff();
    expect(all.length).toBeGreaterThan(1500);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    expect(manager.requests.total()).toBe(Math.ceil(all.length / 999));
    expect(all.every((s) => s.email !== '')).toBe(true);
  });

  it('knows a manager from a member of staff', async () => {
    const directory = new DirectoryRepository(manager.graph, DEMO_GROUPS);
    expect(await directory.isManager(manager.user.id)).toBe(true);
    expect(await directory.isManager(staff.user.id)).toBe(false);
  });
});

describe('NotificationRepository', () => {
  const activity = { topic: { source: 'text' as const, value: 'AUP 2020-04', webUrl: 'https://teams.microsoft.com/l/entity/x' }, activityType: 'signReminder', previewText: 'Please sign the AUP' };
  const fallback = { subject: 'Please sign the AUP', text: 'Open AUP Guard in Teams to sign.' };

  it('sends a Teams activity notification when the recipient has the app', async () => {
    emulator.clearOutbox();
    const outcome = await new NotificationRepository(manager.graph).notify({ id: staff.user.id, mail: DEMO_USERS.staff }, activity, fallback);
    expect(outcome).toBe('activity');
    const sent = emulator.outbox() as (SentMail | SentActivityNotification)[];
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'activityNotification', to: staff.user.id, previewText: 'Please sign the AUP' });
  });

  it('falls back to mail when Teams refuses (no app installed)', async () => {
    emulator.clearOutbox();
    const noApp = byUpn(DEMO_USERS.staffWithoutApp);
    const outcome = await new NotificationRepository(manager.graph).notify({ id: noApp.id, mail: noApp.upn }, activity, fallback);
    expect(outcome).toBe('mail');
    expect(emulator.outbox()).toEqual([expect.objectContaining({ kind: 'mail', from: DEMO_USERS.manager, to: [noApp.upn], subject: fallback.subject })]);
  });

  it('throws rather than falls back when there is no address to mail', async () => {
    const noApp = byUpn(DEMO_USERS.staffWithoutApp);
    await expect(new NotificationRepository(manager.graph).notify({ id: noApp.id, mail: null }, activity, fallback)).rejects.toMatchObject({ status: 403 });
  });
});
