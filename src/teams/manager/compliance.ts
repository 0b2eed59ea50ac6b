// Who has signed the current policy: pure functions from the directory's staff
// list and the version's acknowledgements to the manager's table and chart.
// No I/O here, so the 10,000-staff case is tested without a browser.

/** A person who must sign: a transitive member of the all-staff group. */
export interface StaffMember {
  readonly id: string;
  readonly displayName: string;
  /** Mail, or the UPN when the directory has no mail. */
  readonly email: string;
  readonly department?: string | null;
  readonly jobTitle?: string | null;
}

/** The parts of an acknowledgement compliance needs; src/graph's Acknowledgement fits. */
export interface SignatureRecord {
  readonly policyVersion: string;
  /** The server's createdBy: who signed. */
  readonly signedBy: { readonly id: string };
  /** The server's createdDateTime (ISO 8601): when. */
  readonly signedAt: string;
}

export type SignStatus = 'signed' | 'outstanding';

export interface ComplianceRow {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly department: string;
  readonly jobTitle: string;
  readonly status: SignStatus;
  /** The server's time of the first signature of this version; absent when outstanding. */
  readonly signedAt?: string;
}

export interface ComplianceSummary {
  readonly total: number;
  readonly signed: number;
  readonly outstanding: number;
  /** Whole per cent, rounded down so 99.9% never shows as 100%; null with no staff. */
  readonly percent: number | null;
}

export interface Compliance extends ComplianceSummary {
  readonly version: string;
  readonly rows: readonly ComplianceRow[];
  /** Signatures by people no longer in the all-staff group: kept out of the figures. */
  readonly signedByOthers: number;
}

/** What the table and chart show for a blank department or job title. */
export const NOT_RECORDED = 'Not recorded';

const label = (value: string | null | undefined): string => (value && value.trim() !== '' ? value.trim() : NOT_RECORDED);

export function percentOf(signed: number, total: number): number | null {
  return total === 0 ? null : Math.floor((signed * 100) / total);
}

export function computeCompliance(staff: readonly StaffMember[], acknowledgements: readonly SignatureRecord[], version: string): Compliance {
  // The earliest signature counts: signing twice does not move the date a manager sees.
  const firstSigned = new Map<string, string>();
  for (const ack of acknowledgements) {
    if (ack.policyVersion !== version) continue;
    const earlier = firstSigned.get(ack.signedBy.id);
    if (earlier === undefined || Date.parse(ack.signedAt) < Date.parse(earlier)) firstSigned.set(ack.signedBy.id, ack.signedAt);
  }
  const seen = new Set<string>();
  const rows: ComplianceRow[] = [];
  for (const person of staff) {
    // Transitive membership lists someone once per path through nested groups.
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    const signedAt = firstSigned.get(person.id);
    rows.push({
      id: person.id,
      name: person.displayName,
      email: person.email,
      department: label(person.department),
      jobTitle: label(person.jobTitle),
      ...(signedAt !== undefined ? { status: 'signed' as const, signedAt } : { status: 'outstanding' as const }),
    });
  }
  const signed = rows.filter((r) => r.status === 'signed').length;
  let signedByOthers = 0;
  for (const id of firstSigned.keys()) if (!seen.has(id)) signedByOthers++;
  return { version, rows, total: rows.length, signed, outstanding: rows.length - signed, percent: percentOf(signed, rows.length), signedByOthers };
}

export type GroupBy = 'department' | 'jobTitle';

export interface GroupSummary extends ComplianceSummary {
  readonly group: string;
}

/** One bar per department or job title, alphabetical, with "Not recorded" last. */
export function groupCompliance(rows: readonly ComplianceRow[], by: GroupBy): GroupSummary[] {
  const counts = new Map<string, { total: number; signed: number }>();
  for (const row of rows) {
    const c = counts.get(row[by]) ?? { total: 0, signed: 0 };
    c.total++;
    if (row.status === 'signed') c.signed++;
    counts.set(row[by], c);
  }
  return [...counts]
    .map(([group, c]) => ({ group, total: c.total, signed: c.signed, outstanding: c.total - c.signed, percent: percentOf(c.signed, c.total) }))
    .sort((a, b) => (a.group === NOT_RECORDED ? 1 : b.group === NOT_RECORDED ? -1 : a.group.localeCompare(b.group, 'en-GB')));
}
