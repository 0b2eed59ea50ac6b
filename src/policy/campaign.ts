// Which policy version is in force on a given day, which is coming, and when
// each person's signature is due. Computed when read, from the versions'
// dates, so a version published with a later effective date becomes current on
// that day without anyone (or any scheduler) acting (issue 14). Pure: the
// caller passes today's date as the school reads it.

export interface VersionDates {
  readonly version: string;
  readonly status: 'Draft' | 'Current' | 'Retired';
  /** `YYYY-MM-DD`, the day it takes effect; null takes effect when published. */
  readonly effectiveDate: string | null;
  /** When it was published (server time, ISO 8601); null for drafts and versions published before this was recorded. */
  readonly publishedAt: string | null;
}

export interface CampaignState<V> {
  /** The version staff must sign now; null before any is in force. */
  readonly current: V | null;
  /** The next version published with a later effective date: staff may sign it early. */
  readonly upcoming: V | null;
  /** Published versions before the current one, newest first (audits). */
  readonly earlier: readonly V[];
}

/** Days a new joiner has to sign a version published before they joined. */
export const JOINER_DAYS = 14;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(isoDate: string, days: number): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error(`"${isoDate}" is not a date (YYYY-MM-DD)`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

/** The day a version takes effect: its effective date, or the day it was published. */
const takesEffect = (v: VersionDates): string => v.effectiveDate ?? v.publishedAt?.slice(0, 10) ?? '';

/** Newer first: later effective date, then later publication, then the label. */
export function newerFirst(a: VersionDates, b: VersionDates): number {
  return takesEffect(b).localeCompare(takesEffect(a))
    || (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '')
    || b.version.localeCompare(a.version);
}

/**
 * The state of every published version on `today` (`YYYY-MM-DD`, school time).
 * Status Current means "published and not withdrawn"; of those, the newest in
 * force is current and any newer ones not yet in force are upcoming (the
 * soonest is returned). Retired versions, and Current ones a newer one has
 * superseded, are earlier. Drafts are left out.
 */
export function campaignOn<V extends VersionDates>(versions: readonly V[], today: string): CampaignState<V> {
  const published = versions.filter((v) => v.status !== 'Draft').sort(newerFirst);
  const live = published.filter((v) => v.status === 'Current');
  const inForce = live.filter((v) => v.effectiveDate === null || v.effectiveDate <= today);
  const current = inForce[0] ?? null;
  const coming = live.filter((v) => v.effectiveDate !== null && v.effectiveDate > today);
  const upcoming = coming[coming.length - 1] ?? null;
  const earlier = published.filter((v) => v !== current && !coming.includes(v));
  return { current, upcoming, earlier };
}

/**
 * When a person must have signed a version: its due date, or, for someone
 * who joined after it was published, `joinerDays` after they joined (when that
 * is later). Null when the version has no due date and they are not a joiner.
 */
export function dueDateFor(
  version: { readonly dueDate: string | null; readonly publishedAt: string | null; readonly effectiveDate: string | null },
  hireDate: string | null,
  joinerDays = JOINER_DAYS,
): { readonly due: string | null; readonly joiner: boolean } {
  const published = version.publishedAt?.slice(0, 10) ?? version.effectiveDate;
  const hired = hireDate?.slice(0, 10) ?? null;
  if (!hired || !published || hired <= published) return { due: version.dueDate, joiner: false };
  const own = addDays(hired, joinerDays);
  return { due: version.dueDate && version.dueDate > own ? version.dueDate : own, joiner: true };
}
