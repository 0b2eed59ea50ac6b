import { describe, expect, it } from 'vitest';
import { computeCompliance as compute, groupCompliance, NOT_RECORDED, percentOf, type ComplianceInput, type SignatureRecord, type StaffMember, type VersionFacts } from '../compliance';

const HASH = 'a'.repeat(64);
const person = (id: string, extra: Partial<StaffMember> = {}): StaffMember => ({ id, displayName: `Person ${id}`, email: `${id}@school.uk`, ...extra });
/** A record made properly: both boxes ticked, signed, the right text, never edited. */
const ack = (id: string, signedAt: string, policyVersion = '2020-04', extra: Partial<SignatureRecord> = {}): SignatureRecord => ({
  policyVersion, signedBy: { id }, signedAt, modifiedAt: signedAt, itemVersion: 1, acceptsPolicy: true, understandsBreach: true,
  policyHash: HASH, signature: `Person ${id}`, ...extra,
});
const facts = (version: string, extra: Partial<VersionFacts> = {}): VersionFacts =>
  ({ version, hash: HASH, publishedAt: '2024-01-01T00:00:00Z', effectiveDate: null, dueDate: null, ...extra });
const computeCompliance = (staff: readonly StaffMember[], acks: readonly SignatureRecord[], version: string, input: Partial<ComplianceInput> = {}, extra: Partial<VersionFacts> = {}) =>
  compute(staff, acks, facts(version, extra), { ...input });

describe('computeCompliance', () => {
  it('marks each member signed with the server time, or never signed', () => {
    const c = computeCompliance([person('a'), person('b')], [ack('a', '2024-09-02T08:15:00Z')], '2020-04');
    expect(c.rows).toEqual([
      { id: 'a', name: 'Person a', email: 'a@school.uk', department: NOT_RECORDED, jobTitle: NOT_RECORDED, status: 'signed', signedAt: '2024-09-02T08:15:00Z' },
      { id: 'b', name: 'Person b', email: 'b@school.uk', department: NOT_RECORDED, jobTitle: NOT_RECORDED, status: 'never-signed' },
    ]);
    expect([c.total, c.signed, c.outstanding, c.percent]).toEqual([2, 1, 1, 50]);
  });

  it('ignores signatures of other versions, so a new version starts everyone unsigned', () => {
    const c = computeCompliance([person('a')], [ack('a', '2024-01-01T00:00:00Z', '2020-04')], '2025-09');
    expect(c.rows[0]?.status).toBe('never-signed');
    expect(c.percent).toBe(0);
  });

  it('tells "signed an earlier version" (and which) from "never signed"', () => {
    const earlier = [ack('a', '2023-01-01T00:00:00Z', '2019-09'), ack('a', '2024-01-01T00:00:00Z', '2020-04')];
    const c = computeCompliance([person('a'), person('b')], [], '2025-09', { earlier, earlierVersions: ['2020-04', '2019-09'] }, { dueDate: '2025-10-01' });
    expect(c.rows.map((r) => [r.id, r.status, r.earlierVersion, r.dueDate])).toEqual([['a', 'signed-earlier', '2020-04', '2025-10-01'], ['b', 'never-signed', undefined, '2025-10-01']]);
    expect(c.counts).toEqual({ signed: 0, 'needs-review': 0, 'signed-earlier': 1, 'never-signed': 1, 'joined-after': 0 });
  });

  it('gives someone who joined after publication their own due date, 14 days after joining', () => {
    const c = computeCompliance([person('n', { hireDate: '2024-03-01T00:00:00Z' })], [], '2020-04', {}, { dueDate: '2024-01-31' });
    expect(c.rows[0]).toMatchObject({ status: 'joined-after', dueDate: '2024-03-15', hireDate: '2024-03-01' });
  });

  it.each([
    ['a box not ticked', { acceptsPolicy: false }, ['notAccepted']],
    ['an empty signature', { signature: '' }, ['noSignature']],
    ['a drawing with no strokes', { signature: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 150"><path d="" fill="none"/></svg>' }, ['noSignature']],
    ['a wrong hash', { policyHash: 'b'.repeat(64) }, ['wrongHash']],
    ['an edit after signing', { modifiedAt: '2024-09-03T08:00:00Z', itemVersion: 2 }, ['edited']],
    ['a record made before publication', { signedAt: '2023-12-31T00:00:00Z', modifiedAt: '2023-12-31T00:00:00Z' }, ['beforePublication']],
  ] as const)('counts a record with %s as needs review, with the reason, not as signed', (_, change, reasons) => {
    const c = computeCompliance([person('a')], [ack('a', '2024-09-02T08:00:00Z', '2020-04', change)], '2020-04');
    expect(c.rows[0]).toMatchObject({ status: 'needs-review', reasons });
    expect([c.signed, c.counts['needs-review'], c.outstanding]).toEqual([0, 1, 1]);
  });

  it('counts a valid record as signed even beside one that needs review', () => {
    const c = computeCompliance([person('a')], [ack('a', '2024-09-02T08:00:00Z', '2020-04', { acceptsPolicy: false }), ack('a', '2024-09-03T08:00:00Z')], '2020-04');
    expect(c.rows[0]).toMatchObject({ status: 'signed', signedAt: '2024-09-03T08:00:00Z' });
  });

  it('shows when each person was last reminded', () => {
    const c = computeCompliance([person('a')], [], '2020-04', { lastReminded: new Map([['a', '2024-09-05T09:00:00Z']]) });
    expect(c.rows[0]?.lastReminded).toBe('2024-09-05T09:00:00Z');
  });

  it('keeps the earliest of several signatures of the same version', () => {
    const c = computeCompliance([person('a')], [ack('a', '2024-09-03T10:00:00Z'), ack('a', '2024-09-02T10:00:00Z')], '2020-04');
    expect(c.rows[0]?.signedAt).toBe('2024-09-02T10:00:00Z');
    expect(c.signed).toBe(1);
  });

  it('lists a member reached through two nested groups once', () => {
    expect(computeCompliance([person('a'), person('a')], [], '2020-04').total).toBe(1);
  });

  it('counts signatures from people outside the staff group apart, not in the percentage', () => {
    const c = computeCompliance([person('a')], [ack('leaver', '2024-09-02T10:00:00Z')], '2020-04');
    expect([c.signed, c.percent, c.signedByOthers]).toEqual([0, 0, 1]);
  });

  it('has no percentage when there are no staff', () => {
    expect(computeCompliance([], [], '2020-04').percent).toBeNull();
  });

  // The time is the bench's to report (npm run bench -- manager), not a test's to assert.
  it('computes 10,000 staff against 50,000 signatures', () => {
    const staff = Array.from({ length: 10_000 }, (_, i) => person(`u${i}`, { department: `D${i % 12}` }));
    const acks = Array.from({ length: 50_000 }, (_, i) => ack(`u${i % 12_000}`, '2024-09-02T10:00:00Z', i % 2 ? '2020-04' : 'old'));
    const c = computeCompliance(staff, acks, '2020-04');
    expect(c.total).toBe(10_000);
    expect(c.signed).toBe(5_000); // odd i are the current version; i % 12,000 hits each odd-indexed id below 10,000
  });
});

describe('percentOf', () => {
  it('rounds down so 9,999 of 10,000 is not shown as complete', () => {
    expect(percentOf(9_999, 10_000)).toBe(99);
    expect(percentOf(10_000, 10_000)).toBe(100);
  });
  it('is 0 with no one signed and null with no one to sign', () => {
    expect(percentOf(0, 3)).toBe(0);
    expect(percentOf(0, 0)).toBeNull();
  });
});

describe('groupCompliance', () => {
  const rows = computeCompliance(
    [person('a', { department: 'Teaching', jobTitle: 'Teacher' }), person('b', { department: 'Teaching', jobTitle: 'TA' }), person('c', { department: ' ' }), person('d', { department: 'Admin' })],
    [ack('a', '2024-09-02T10:00:00Z'), ack('c', '2024-09-02T10:00:00Z')],
    '2020-04',
  ).rows;

  it('summarises by department, alphabetically, with blanks as "Not recorded" last', () => {
    expect(groupCompliance(rows, 'department')).toEqual([
      { group: 'Admin', total: 1, signed: 0, outstanding: 1, percent: 0 },
      { group: 'Teaching', total: 2, signed: 1, outstanding: 1, percent: 50 },
      { group: NOT_RECORDED, total: 1, signed: 1, outstanding: 0, percent: 100 },
    ]);
  });

  it('summarises by job title', () => {
    expect(groupCompliance(rows, 'jobTitle').map((g) => [g.group, g.signed, g.total])).toEqual([['TA', 0, 1], ['Teacher', 1, 1], [NOT_RECORDED, 1, 2]]);
  });
});
