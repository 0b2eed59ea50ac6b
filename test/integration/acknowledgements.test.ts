// The acknowledgement store through the real graph-client against the
// emulator over HTTP: idempotency, retries through injected faults, a small
// soak, item-level security and paging.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmitAcknowledgement } from '../../src/graph/index';
import { GraphRequestError, siteLists, AcknowledgementsRepository, createGraphClient } from '../../src/graph/index';
import { ACKNOWLEDGEMENTS_LIST } from '../../src/graph/schema';
import { devToken, devUsers, firstWithRole, signIn, startEmulator, storeFor } from './support';

// The emulator sends Retry-After: 0 with every injected fault when asked, so the
// RetryHandler never falls back to its exponential back-off here; each of these
// tests takes well under 3 s, and 10 s still leaves a slow machine room.
const FAULT_TEST_MS = 10_000;
import type { DevUser, Emulator, Session } from './support';

const VERSION = '2020-04';

function signature(user: DevUser, overrides: Partial<SubmitAcknowledgement> = {}): SubmitAcknowledgement {
  return {
    policyVersion: VERSION,
    policyHash: 'a'.repeat(64),
    signerId: user.id,
    signerUpn: user.upn,
    printedName: user.displayName,
    acceptsPolicy: true,
    understandsBreach: true,
    signature: user.displayName,
    clientSignedAt: '2020-04-02T09:00:00Z',
    submissionId: randomUUID(),
    ...overrides,
  };
}

let emulator: Emulator;
let users: DevUser[];
let staffA: Session;
let staffB: Session;
let manager: Session;
let siteId: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataFile: ':memory:', seed: 'demo' });
  users = await devUsers(emulator);
  staffA = await signIn(emulator, firstWithRole(users, 'staff', 0));
  staffB = await signIn(emulator, firstWithRole(users, 'staff', 1));
  manager = await signIn(emulator, firstWithRole(users, 'manager'));
  siteId = (await manager.graph.get<{ id: string }>('/sites/root', { query: { $select: 'id' } })).id;
});

afterAll(async () => {
  await emulator?.close();
});

describe('submitting a signature', () => {
  it('records the server\'s createdBy and createdDateTime as who and when', async () => {
    const { acknowledgement, created } = await storeFor(staffA, siteId).acknowledgements.submit(signature(staffA.user));
    expect(created).toBe(true);
    expect(acknowledgement.signedBy.id).toBe(staffA.user.id);
    expect(Date.parse(acknowledgement.signedAt)).not.toBeNaN();
    expect(acknowledgement.signedAt).not.toBe('2020-04-02T09:00:00Z');
  });

  it('stores the same signature submitted twice exactly once', async () => {
    const store = storeFor(staffA, siteId);
    const input = signature(staffA.user);
    const first = await store.acknowledgements.submit(input);
    const second = await store.acknowledgements.submit(input);
    expect(second.created).toBe(false);
    expect(second.acknowledgement.itemId).toBe(first.acknowledgement.itemId);
    const all = await storeFor(manager, siteId).acknowledgements.listForVersion(VERSION);
    expect(all.filter((a) => a.submissionId === input.submissionId)).toHaveLength(1);
  });
});

describe('security', () => {
  it('a staff token cannot read another member of staff\'s acknowledgement', async () => {
    const { acknowledgement } = await storeFor(staffB, siteId).acknowledgements.submit(signature(staffB.user));
    const asA = storeFor(staffA, siteId).acknowledgements;
    const seenByA = await asA.listForVersion(VERSION);
    expect(seenByA.length).toBeGreaterThan(0);
    expect(seenByA.every((a) => a.signedBy.id === staffA.user.id)).toBe(true);
    expect(await asA.listMine(staffB.user.id)).toEqual([]);
    const path = await siteLists(staffA.graph, siteId).itemsPath(ACKNOWLEDGEMENTS_LIST);
    const direct = await staffA.graph.get(`${path}/${acknowledgement.itemId}`).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(GraphRequestError);
    expect([403, 404]).toContain((direct as GraphRequestError).status);
  });

  it('a managers\'s token sees everyone\'s acknowledgements', async () => {
    const all = await storeFor(manager, siteId).acknowledgements.listForVersion(VERSION);
    const signers = new Set(all.map((a) => a.signedBy.id));
    expect(signers.has(staffA.user.id)).toBe(true);
    expect(signers.has(staffB.user.id)).toBe(true);
  });

  it('a staff token cannot sign as someone else: createdBy is the caller whatever the body claims', async () => {
    const forged = signature(staffA.user, { signerId: staffB.user.id, signerUpn: staffB.user.upn, printedName: staffB.user.displayName });
    const { acknowledgement } = await storeFor(staffA, siteId).acknowledgements.submit(forged);
    expect(acknowledgement.signedBy.id).toBe(staffA.user.id);
    expect(acknowledgement.claimed.signerId).toBe(staffB.user.id);
    const stored = (await storeFor(manager, siteId).acknowledgements.listForVersion(VERSION)).find((a) => a.submissionId === forged.submissionId);
    expect(stored?.signedBy.id).toBe(staffA.user.id);
  });

  it('a signature stored under someone else\'s id is not theirs: listMine goes by createdBy', async () => {
    const forged = signature(staffA.user, { signerId: manager.user.id, signerUpn: manager.user.upn, printedName: manager.user.displayName });
    await storeFor(staffA, siteId).acknowledgements.submit(forged);
    const mine = await storeFor(manager, siteId).acknowledgements.listMine(manager.user.id);
    expect(mine.find((a) => a.submissionId === forged.submissionId)).toBeUndefined();
    expect(mine.every((a) => a.signedBy.id === manager.user.id)).toBe(true);
    const staffOwn = await storeFor(staffA, siteId).acknowledgements.listMine(staffA.user.id);
    expect(staffOwn.length).toBeGreaterThan(0);
  });

  it('a staff token cannot edit another member of staff\'s acknowledgement', async () => {
    const { acknowledgement } = await storeFor(staffB, siteId).acknowledgements.submit(signature(staffB.user));
    const path = await siteLists(staffA.graph, siteId).itemsPath(ACKNOWLEDGEMENTS_LIST);
    const attempt = await staffA.graph.patch(`${path}/${acknowledgement.itemId}/fields`, { PrintedName: 'Someone else' }).catch((e: unknown) => e);
    expect(attempt).toBeInstanceOf(GraphRequestError);
    expect([403, 404]).toContain((attempt as GraphRequestError).status);
  });
});

describe('paging', () => {
  it('reads every acknowledgement of a version across pages, one request per page', async () => {
    const store = storeFor(manager, siteId);
    const expected = (await store.acknowledgements.listForVersion(VERSION)).length;
    expect(expected).toBeGreaterThan(3);
    manager.requests.reset();
    const paged = await store.acknowledgements.listForVersion(VERSION, { pageSize: 2 });
    expect(paged).toHaveLength(expected);
    expect(new Set(paged.map((a) => a.itemId)).size).toBe(expected);
    // One request per page of two; a server may end with an empty page after an exact multiple.
    expect(manager.requests.total()).toBeGreaterThanOrEqual(Math.ceil(expected / 2));
    expect(manager.requests.total()).toBeLessThanOrEqual(Math.ceil(expected / 2) + 1);
  });

  it('finds nothing for a version nobody signed, in one request', async () => {
    const store = storeFor(manager, siteId);
    await store.acknowledgements.listForVersion(VERSION); // warm the list-id cache
    manager.requests.reset();
    await expect(store.acknowledgements.listForVersion('1999-01')).resolves.toEqual([]);
    expect(manager.requests.total()).toBe(1);
  });
});

describe('through injected faults', () => {
  it('gets through 429 and 503 answers with the RetryHandler', { timeout: FAULT_TEST_MS }, async () => {
    const store = storeFor(staffA, siteId);
    await store.acknowledgements.listMine(staffA.user.id); // list ids cached before faults begin
    emulator.setFaults({ rate: 0.2, kinds: ['429', '503'], retryAfterSeconds: 0, seed: 7 });
    try {
      staffA.requests.reset();
      const results = await Promise.all(Array.from({ length: 10 }, () => store.acknowledgements.submit(signature(staffA.user))));
      expect(results.every((r) => r.created)).toBe(true);
      expect(staffA.requests.total()).toBeGreaterThan(10); // some were retried
    } finally {
      emulator.setFaults(undefined);
    }
  });

  it('waits the server\'s Retry-After between 503s, not graph-client\'s back-off of 2 s from the third try', { timeout: FAULT_TEST_MS }, async () => {
    const token = await devToken(emulator, staffA.user.upn);
    let sent = 0;
    const graph = createGraphClient({
      baseUrl: emulator.url, getToken: async () => token, retry: { maxRetries: 5, delaySeconds: 0 },
      // Three 503s in a row, then the service is back.
      fetch: (input, init) => {
        if (++sent === 4) emulator.setFaults(undefined);
        return fetch(input, init);
      },
    });
    const repo = new AcknowledgementsRepository(siteLists(graph, siteId));
    await repo.listMine(staffA.user.id); // list ids cached before faults begin
    sent = 0;
    emulator.setFaults({ rate: 1, kinds: ['503'], retryAfterSeconds: 0 });
    const started = performance.now();
    try {
      expect((await repo.submit(signature(staffA.user))).created).toBe(true);
    } finally {
      emulator.setFaults(undefined);
    }
    expect(sent).toBe(4);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('a write whose answer was lost, then retried by the caller, leaves one record', { timeout: FAULT_TEST_MS }, async () => {
    // One retry only: every answer is lost while the fault is on, so more would only wait longer.
    const store = storeFor(await signIn(emulator, staffA.user, { maxRetries: 1, delaySeconds: 0 }), siteId);
    await store.acknowledgements.listMine(staffA.user.id);
    const input = signature(staffA.user, { policyVersion: 'lost-answer' });
    // Every answer lost: the first POST lands, the RetryHandler's retries hit the unique SubmissionId, and all report 503.
    emulator.setFaults({ rate: 1, kinds: ['commit-then-503'], retryAfterSeconds: 0, seed: 1 });
    const failed = await store.acknowledgements.submit(input).catch((e: unknown) => e).finally(() => emulator.setFaults(undefined));
    expect(failed).toBeInstanceOf(GraphRequestError);
    expect((failed as GraphRequestError).status).toBe(503);
    expect((failed as GraphRequestError).isTransient).toBe(true);
    const retried = await store.acknowledgements.submit(input);
    expect(retried.created).toBe(false);
    expect(await storeFor(manager, siteId).acknowledgements.listForVersion('lost-answer')).toHaveLength(1);
  });

  it('soak: 60 signatures with 20% of requests failing give exactly 60 records, no duplicates', { timeout: FAULT_TEST_MS }, async () => {
    const soakUsers = users.filter((u) => u.role === 'staff').slice(2, 8);
    const sessions = await Promise.all(soakUsers.map((u) => signIn(emulator, u)));
    const inputs = Array.from({ length: 60 }, (_, i) => ({ session: sessions[i % sessions.length]!, input: signature(sessions[i % sessions.length]!.user, { policyVersion: 'soak-60' }) }));
    const repos = new Map(sessions.map((s) => [s, new AcknowledgementsRepository(siteLists(s.graph, siteId))]));
    await Promise.all(sessions.map((s) => repos.get(s)!.listMine(s.user.id)));
    emulator.setFaults({ rate: 0.2, kinds: ['429', '503', 'commit-then-503'], retryAfterSeconds: 0, seed: 42 });
    try {
      // Each signature is retried by the caller too, as the Teams tab does after a time-out, with the same SubmissionId.
      await Promise.all(inputs.map(async ({ session, input }) => {
        for (let attempt = 0; ; attempt++) {
          try {
            return await repos.get(session)!.submit(input);
          } catch (error) {
            if (!(error instanceof GraphRequestError && error.isTransient) || attempt >= 5) throw error;
          }
        }
      }));
    } finally {
      emulator.setFaults(undefined);
    }
    const stored = await storeFor(manager, siteId).acknowledgements.listForVersion('soak-60');
    expect(stored).toHaveLength(60);
    expect(new Set(stored.map((a) => a.submissionId))).toEqual(new Set(inputs.map((i) => i.input.submissionId)));
  });
});
