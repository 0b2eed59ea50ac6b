import { describe, expect, it, vi } from 'vitest';
import type { Acknowledgement, SubmitAcknowledgement, SubmitResult } from '../../graph/acknowledgements';
import { clearForm, clearPending, loadForm, loadPending, saveForm, submitSignature, type Submitter } from '../outbox';

class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length(): number { return this.map.size; }
  clear(): void { this.map.clear(); }
  getItem(key: string): string | null { return this.map.get(key) ?? null; }
  key(i: number): string | null { return [...this.map.keys()][i] ?? null; }
  removeItem(key: string): void { this.map.delete(key); }
  setItem(key: string, value: string): void { this.map.set(key, value); }
}

const input = (over: Partial<SubmitAcknowledgement> = {}): SubmitAcknowledgement => ({
  policyVersion: '2020-04', policyHash: 'abc', signerId: 'u1', signerUpn: 'jo@school', printedName: 'Jo',
  acceptsPolicy: true, understandsBreach: true, signature: 'Jo', clientSignedAt: '2025-01-01T09:00:00Z', submissionId: 's-1', ...over,
});

/** A fake list with a unique SubmissionId, failing the first `failures` calls; `landsBeforeFailing` makes a failure after the write (a lost answer). */
function fakeList(failures: number, landsBeforeFailing = false): Submitter & { records: Map<string, Acknowledgement>; calls: number } {
  const records = new Map<string, Acknowledgement>();
  const store = (i: SubmitAcknowledgement): SubmitResult => {
    const existing = records.get(i.submissionId);
    if (existing) return { acknowledgement: existing, created: false };
    const ack = { itemId: String(records.size + 1), submissionId: i.submissionId, policyVersion: i.policyVersion, signedAt: '2025-01-01T09:00:01Z' } as Acknowledgement;
    records.set(i.submissionId, ack);
    return { acknowledgement: ack, created: true };
  };
  const list = {
    records,
    calls: 0,
    async submit(i: SubmitAcknowledgement): Promise<SubmitResult> {
      list.calls++;
      if (list.calls <= failures) {
        if (landsBeforeFailing) store(i);
        throw Object.assign(new Error('503'), { status: 503 });
      }
      return store(i);
    },
  };
  return list;
}

// A silent logger per call: the failure detail is asserted where it matters, not printed in every run.
const env = (storage: Storage, online = true) => ({ storage, now: () => new Date('2025-01-01T09:00:00Z'), online: () => online, log: { warn: vi.fn() } });

describe('submitSignature', () => {
  it('records at once and leaves nothing pending when the list answers', async () => {
    const storage = new MemoryStorage();
    const list = fakeList(0);
    const e = env(storage);
    const out = await submitSignature(list, input(), e);
    expect(out.status).toBe('recorded');
    expect(e.log.warn).not.toHaveBeenCalled();
    expect(loadPending(storage, 'u1')).toBeNull();
    expect(list.records.size).toBe(1);
  });

  it('keeps the completed form when sending fails, and says why', async () => {
    const storage = new MemoryStorage();
    const e = env(storage);
    const out = await submitSignature(fakeList(1), input(), e);
    expect(out.status).toBe('pending');
    expect(e.log.warn).toHaveBeenCalledExactlyOnceWith('AUP signature not yet recorded', expect.objectContaining({ status: 503 }));
    expect(loadPending(storage, 'u1')).toMatchObject({ input: input(), lastError: 'The service is busy.', savedAt: '2025-01-01T09:00:00.000Z' });
  });

  it('says "offline" when the browser is offline', async () => {
    const storage = new MemoryStorage();
    await submitSignature(fakeList(1), input(), env(storage, false));
    expect(loadPending(storage, 'u1')?.lastError).toBe('You are offline.');
  });

  it('records exactly once when the first write landed but its answer was lost', async () => {
    const storage = new MemoryStorage();
    const list = fakeList(1, true);
    expect((await submitSignature(list, input(), env(storage))).status).toBe('pending');
    const pending = loadPending(storage, 'u1')!;
    const retried = await submitSignature(list, pending.input, env(storage));
    expect(retried).toMatchObject({ status: 'recorded', created: false });
    expect(list.records.size).toBe(1);
    expect(loadPending(storage, 'u1')).toBeNull();
  });

  it('keeps the first saved time across retries', async () => {
    const storage = new MemoryStorage();
    const list = fakeList(2);
    await submitSignature(list, input(), env(storage));
    await submitSignature(list, input(), { ...env(storage), now: () => new Date('2025-01-02T10:00:00Z') });
    expect(loadPending(storage, 'u1')?.savedAt).toBe('2025-01-01T09:00:00.000Z');
  });

  it('warns on the console when no logger is given', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const { log: _log, ...withoutLog } = env(new MemoryStorage());
      await submitSignature(fakeList(1), input(), withoutLog);
      expect(warn).toHaveBeenCalledExactlyOnceWith('AUP signature not yet recorded', expect.objectContaining({ status: 503 }));
    } finally {
      warn.mockRestore();
    }
  });
});

describe('loadPending', () => {
  it("never returns another signer's form", async () => {
    const storage = new MemoryStorage();
    await submitSignature(fakeList(1), input(), env(storage));
    expect(loadPending(storage, 'u2')).toBeNull();
    expect(loadPending(storage, 'u1')).not.toBeNull();
  });

  it('ignores corrupt storage and can be cleared', () => {
    const storage = new MemoryStorage();
    storage.setItem('aup-guard.pending-signature.u1', '{not json');
    expect(loadPending(storage, 'u1')).toBeNull();
    storage.setItem('aup-guard.pending-signature.u1', JSON.stringify({ input: input(), savedAt: 'x', lastError: null }));
    clearPending(storage, 'u1');
    expect(loadPending(storage, 'u1')).toBeNull();
  });
});

describe('unsent form', () => {
  const form = { accept: true, breach: false, name: 'Ann Able', typed: 'Ann Able', readToEnd: true };

  it('is kept per signer and version, and removed once recorded', () => {
    const storage = new MemoryStorage();
    saveForm(storage, 'u1', '2026-12', form);
    expect(loadForm(storage, 'u1', '2026-12')).toEqual(form);
    expect(loadForm(storage, 'u2', '2026-12')).toBeNull();
    expect(loadForm(storage, 'u1', '2020-04')).toBeNull();
    clearForm(storage, 'u1', '2026-12');
    expect(loadForm(storage, 'u1', '2026-12')).toBeNull();
  });

  it('is ignored when what is stored is not a form', () => {
    const storage = new MemoryStorage();
    storage.setItem('aup-guard.unsent-form.u1.2026-12', '{not json');
    expect(loadForm(storage, 'u1', '2026-12')).toBeNull();
    storage.setItem('aup-guard.unsent-form.u1.2026-12', JSON.stringify({ accept: 'yes' }));
    expect(loadForm(storage, 'u1', '2026-12')).toBeNull();
  });

  it('does not break the form when storage refuses it', () => {
    const full = Object.assign(new MemoryStorage(), { setItem: () => { throw new Error('QuotaExceededError'); } });
    expect(() => saveForm(full, 'u1', '2026-12', form)).not.toThrow();
  });
});
