import { describe, expect, it } from 'vitest';
import { addDays, campaignOn, dueDateFor, isIsoDate, type VersionDates } from '../campaign';

const v = (version: string, status: VersionDates['status'], effectiveDate: string | null, publishedAt: string | null = null): VersionDates =>
  ({ version, status, effectiveDate, publishedAt });

describe('campaignOn', () => {
  const v1 = v('2020-04', 'Current', '2020-04-01', '2020-03-20T09:00:00Z');
  const v2 = v('2026-12', 'Current', '2027-01-04', '2026-12-04T10:00:00Z');

  it('keeps the version in force current until the day a later one takes effect, with no one acting', () => {
    expect(campaignOn([v1, v2], '2027-01-03')).toEqual({ current: v1, upcoming: v2, earlier: [] });
    expect(campaignOn([v1, v2], '2027-01-04')).toEqual({ current: v2, upcoming: null, earlier: [v1] });
  });

  it('makes a version published with no effective date current at once', () => {
    const now = v('2026-12', 'Current', null, '2026-12-04T10:00:00Z');
    expect(campaignOn([v1, now], '2026-12-04').current).toBe(now);
  });

  it('gives the soonest of several coming versions', () => {
    const v3 = v('2027-06', 'Current', '2027-06-01', '2026-12-05T10:00:00Z');
    expect(campaignOn([v1, v3, v2], '2026-12-10').upcoming).toBe(v2);
  });

  it('has no current version before the first takes effect, and leaves drafts out', () => {
    const draft = v('2027-09', 'Draft', null);
    expect(campaignOn([v2, draft], '2026-12-10')).toEqual({ current: null, upcoming: v2, earlier: [] });
  });

  it('lists retired versions as earlier, newest first', () => {
    const old = v('2019-09', 'Retired', '2019-09-01');
    expect(campaignOn([old, v1, v2], '2027-02-01').earlier).toEqual([v1, old]);
  });
});

describe('dates', () => {
  it('adds days across a month and a year end', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
  it('knows a real calendar date', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
  });
});

describe('dueDateFor', () => {
  const version = { dueDate: '2026-12-18', publishedAt: '2026-12-04T10:00:00Z', effectiveDate: null };
  it("is the version's date for someone hired before publication, or with no hire date", () => {
    expect(dueDateFor(version, '2019-09-01T00:00:00Z')).toEqual({ due: '2026-12-18', joiner: false });
    expect(dueDateFor(version, null)).toEqual({ due: '2026-12-18', joiner: false });
  });
  it('gives a new joiner 14 days from joining, when that is later', () => {
    expect(dueDateFor(version, '2027-01-05T00:00:00Z')).toEqual({ due: '2027-01-19', joiner: true });
    // Joined the day after publication: the version's own date is later still.
    expect(dueDateFor({ ...version, dueDate: '2026-12-31' }, '2026-12-05T00:00:00Z')).toEqual({ due: '2026-12-31', joiner: true });
  });
});
