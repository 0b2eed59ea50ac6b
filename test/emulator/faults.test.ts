import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultInjector, parseFaultOptions } from '../../src/emulator/faults';
import { createTestList, signIn, start, DEMO_USERS, type Emulator, type Session } from './support';

describe('FaultInjector', () => {
  it('fails close to the asked fraction of requests', () => {
    const f = new FaultInjector({ rate: 0.2, kinds: ['429', '503'], seed: 42 });
    let failed = 0;
    for (let i = 0; i < 5000; i++) if (f.pick()) failed++;
    expect(failed / 5000).toBeGreaterThan(0.18);
    expect(failed / 5000).toBeLessThan(0.22);
    const { injected } = f.stats();
    expect(injected['429'] + injected['503']).toBe(failed);
    expect(injected['429']).toBeGreaterThan(0);
    expect(injected['503']).toBeGreaterThan(0);
  });
  it('repeats the same sequence for the same seed', () => {
    const run = () => {
      const f = new FaultInjector({ rate: 0.5, kinds: ['429', '503'], seed: 7 });
      return Array.from({ length: 50 }, () => f.pick() ?? '-').join(',');
    };
    expect(run()).toBe(run());
  });
  it('never fails at rate 0 and always fails at rate 1', () => {
    const none = new FaultInjector({ rate: 0, kinds: ['503'] });
    const all = new FaultInjector({ rate: 1, kinds: ['503'] });
    expect(Array.from({ length: 100 }, () => none.pick()).filter(Boolean)).toHaveLength(0);
    expect(Array.from({ length: 100 }, () => all.pick()).filter(Boolean)).toHaveLength(100);
  });
  it('rejects a rate outside 0..1', () => {
    expect(() => new FaultInjector({ rate: 1.5, kinds: ['429'] })).toThrow(RangeError);
  });
});

describe('parseFaultOptions (PUT /_dev/faults)', () => {
  it('accepts a full option set and `{}` for off', () => {
    expect(parseFaultOptions({ rate: 0.2, kinds: ['429', '503'], retryAfterSeconds: 0 })).toEqual({ rate: 0.2, kinds: ['429', '503'], retryAfterSeconds: 0 });
    expect(parseFaultOptions({})).toBeUndefined();
  });
  it('names the field that is wrong', () => {
    expect(() => parseFaultOptions({ rate: 2, kinds: ['429'] })).toThrow(/^rate: /);
    expect(() => parseFaultOptions({ rate: 0.1, kinds: ['500'] })).toThrow(/^kinds\.0: /);
    expect(() => parseFaultOptions({ rate: 0.1, kinds: ['429'], retry: 1 })).toThrow(/retry/);
  });
});

describe('fault injection over HTTP', () => {
  let emulator: Emulator;
  let admin: Session;
  beforeAll(async () => {
    emulator = await start();
    admin = await signIn(emulator, DEMO_USERS.admin);
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('answers 429 with Retry-After, in Graph\'s error format', async () => {
    emulator.setFaults({ rate: 1, kinds: ['429'], retryAfterSeconds: 1 });
    const r = await admin.get<{ error: { code: string } }>('me');
    emulator.setFaults(undefined);
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('1');
    expect(r.body.error.code).toBe('TooManyRequests');
  });
  it('lets a test ask for Retry-After: 0', async () => {
    emulator.setFaults({ rate: 1, kinds: ['429'], retryAfterSeconds: 0 });
    const r = await admin.get('me');
    emulator.setFaults(undefined);
    expect(r.headers.get('retry-after')).toBe('0');
  });
  it('sends the configured Retry-After with 503 and commit-then-503 too, as Graph and SharePoint do', async () => {
    for (const kind of ['503', 'commit-then-503'] as const) {
      for (const seconds of [0, 2]) {
        emulator.setFaults({ rate: 1, kinds: [kind], retryAfterSeconds: seconds });
        const r = await admin.get<{ error: { code: string } }>('me');
        emulator.setFaults(undefined);
        expect(r.status).toBe(503);
        expect(r.headers.get('retry-after')).toBe(String(seconds));
        expect(r.body.error.code).toBe('serviceNotAvailable');
      }
    }
  });
  it('sends Retry-After on SharePoint REST 503s and on 503 $batch steps', async () => {
    emulator.setFaults({ rate: 1, kinds: ['503'], retryAfterSeconds: 0 });
    const sp = await fetch(`${emulator.url}/sites/wellsap/_api/web/lists`, { headers: { Authorization: `Bearer ${admin.token}`, Accept: 'application/json;odata=nometadata' } });
    expect(sp.status).toBe(503);
    expect(sp.headers.get('retry-after')).toBe('0');
    emulator.setFaults({ rate: 0.5, kinds: ['503'], retryAfterSeconds: 0, seed: 11 });
    const failedSteps: { headers: Record<string, string> }[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await admin.post<{ responses?: { status: number; headers: Record<string, string> }[] }>('$batch', {
        requests: Array.from({ length: 10 }, (_, j) => ({ id: String(j), method: 'GET', url: '/me' })),
      });
      failedSteps.push(...(r.body.responses ?? []).filter((step) => step.status === 503));
    }
    emulator.setFaults(undefined);
    expect(failedSteps.length).toBeGreaterThan(0);
    expect(failedSteps.every((step) => step.headers['Retry-After'] === '0')).toBe(true);
  });
  it('fails about the asked fraction of 300 real requests, and never the /_dev endpoints', async () => {
    emulator.setFaults({ rate: 0.3, kinds: ['429', '503'], retryAfterSeconds: 0, seed: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) statuses.push((await admin.get('me')).status);
    for (let i = 0; i < 20; i++) expect((await fetch(`${emulator.url}/_dev/users`)).status).toBe(200);
    emulator.setFaults(undefined);
    const failed = statuses.filter((s) => s === 429 || s === 503).length;
    expect(statuses.every((s) => s === 200 || s === 429 || s === 503)).toBe(true);
    expect(failed).toBeGreaterThan(60);
    expect(failed).toBeLessThan(120);
  });
  it('does not perform a request that got 429 or 503', async () => {
    const listId = await createTestList(admin, 'Fault List');
    emulator.setFaults({ rate: 1, kinds: ['503'] });
    expect((await admin.post(`sites/root/lists/${listId}/items`, { fields: { Key: 'lost' } })).status).toBe(503);
    emulator.setFaults(undefined);
    const r = await admin.get<{ value: unknown[] }>(`sites/root/lists/${listId}/items`);
    expect(r.body.value).toHaveLength(0);
  });
  it('commit-then-503 performs the write and then reports failure, as a lost reply would', async () => {
    const listId = await createTestList(admin, 'Lost Reply List');
    emulator.setFaults({ rate: 1, kinds: ['commit-then-503'] });
    expect((await admin.post(`sites/root/lists/${listId}/items`, { fields: { Key: 'kept' } })).status).toBe(503);
    emulator.setFaults(undefined);
    const r = await admin.get<{ value: unknown[] }>(`sites/root/lists/${listId}/items`);
    expect(r.body.value).toHaveLength(1);
  });
  it('fails single $batch steps, as Graph throttles them one by one', async () => {
    emulator.setFaults({ rate: 0.5, kinds: ['429'], retryAfterSeconds: 0, seed: 11 });
    let outer = 0;
    const inner: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await admin.post<{ responses?: { status: number; headers: Record<string, string> }[] }>('$batch', {
        requests: Array.from({ length: 10 }, (_, j) => ({ id: String(j), method: 'GET', url: '/me' })),
      });
      if (r.status === 429) outer++;
      else for (const step of r.body.responses ?? []) inner.push(step.status);
    }
    emulator.setFaults(undefined);
    expect(outer).toBeGreaterThan(0);
    expect(inner.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(inner.filter((s) => s === 200).length).toBeGreaterThan(0);
  });
});
