import { describe, expect, it } from 'vitest';
import { reviewRecord, type RecordFacts } from '../review';

const version = { hash: 'a'.repeat(64), publishedAt: '2026-12-04T10:00:00Z' };
const good: RecordFacts = {
  acceptsPolicy: true, understandsBreach: true, hasSignature: true, policyHash: 'a'.repeat(64),
  createdAt: '2026-12-05T09:00:00Z', modifiedAt: '2026-12-05T09:00:00Z', itemVersion: 1,
};

describe('reviewRecord', () => {
  it('finds nothing to review in a record made properly', () => {
    expect(reviewRecord(good, version)).toEqual([]);
  });

  it.each([
    [{ acceptsPolicy: false }, ['notAccepted']],
    [{ understandsBreach: false }, ['breachNotUnderstood']],
    [{ hasSignature: false }, ['noSignature']],
    [{ policyHash: 'b'.repeat(64) }, ['wrongHash']],
    [{ createdAt: '2026-12-04T09:59:59Z', modifiedAt: '2026-12-04T09:59:59Z' }, ['beforePublication']],
    [{ modifiedAt: '2026-12-06T09:00:00Z', itemVersion: 2 }, ['edited']],
    [{ itemVersion: 3 }, ['edited']],
  ] as const)('needs review for %o', (change, reasons) => {
    expect(reviewRecord({ ...good, ...change }, version)).toEqual(reasons);
  });

  it('counts a signature made in the second of publication as after it, and ignores the hash case', () => {
    expect(reviewRecord({ ...good, createdAt: version.publishedAt, modifiedAt: version.publishedAt, policyHash: 'A'.repeat(64) }, version)).toEqual([]);
  });

  it('does not check the time against a version published before publication times were kept', () => {
    expect(reviewRecord({ ...good, createdAt: '2020-01-01T00:00:00Z', modifiedAt: '2020-01-01T00:00:00Z' }, { ...version, publishedAt: null })).toEqual([]);
  });
});
