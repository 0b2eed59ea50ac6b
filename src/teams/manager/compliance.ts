// Who has signed a policy version: pure functions from the directory's staff
// list, the version's records and the reminders sent, to the manager's table,
// counts and chart. No I/O here, so the 10,000-staff case is tested without a
// browser. A record counts as signed only when nothing about it needs a
// person to look at it (src/policy/review.ts, issue 10).
import { dueDateFor, type ReviewReason } from '../../policy/index';
import { reviewSignature } from '../signature';

/** A person who must sign: a transitive member of the all-staff group. */
export interface StaffMember {
  readonly id: string;
  readonly displayName: string;
  /** Mail, or the UPN when the directory has no mail. */
  readonly email: string;
  readonly department?: string | null;
  readonly jobTitle?: string | null;
  /** Entra's employeeHireDate, when the directory has one. */
  readonly hireDate?: string | null;
}

/** The parts of an acknowledgement compliance needs; src/graph's Acknowledgement fits. */
export interface SignatureRecord {
  readonly policyVersion: string;
  /** The server's createdBy: who signed. */
  readonly signedBy: { readonly id: string };
  /** The server's createdDateTime (ISO 8601): when. */
  readonly signedAt: string;
  readonly modifiedAt?: string | null;
  readonly itemVersion?: number | null;
  readonly acceptsPolicy?: boolean;
  readonly understandsBreach?: boolean;
  readonly policyHash?: string;
  /** The stored signature; absent when the records were read without them. */
  readonly signature?: string;
}

/** The version being reported on, as compliance needs it. */
export interface VersionFacts {
  readonly version: string;
  /** SHA-256 of the version's text, computed from the text. */
  readonly hash: string;
  readonly publishedAt: string | null;
  readonly effectiveDate: string | null;
  readonly dueDate: string | null;
}

export type SignStatus = 'signed' | 'needs-review' | 'joined-after' | 'signed-earlier' | 'never-signed';

/** Every status, in the order the counts and the filter list them. */
export const STATUSES: readonly SignStatus[] = ['signed', 'needs-review', 'signed-earlier', 'never-signed', 'joined-after'];

export interface ComplianceRow {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly department: string;
  readonly jobTitle: string;
  readonly status: SignStatus;
  /** The server's time of the first valid signature of this version (signed), or of the record to review. */
  readonly signedAt?: string;
  /** Why the record needs review. */
  readonly reasons?: readonly ReviewReason[];
  /** The earlier version they last signed (signed-earlier). */
  readonly earlierVersion?: string;
  /** When they must sign by: the version's due date, or their own as a new joiner. */
  readonly dueDate?: string;
  readonly hireDate?: string;
  /** The server's time of the last reminder about this version. */
  readonly lastReminded?: string;
}

export type StatusCounts = Readonly<Record<SignStatus, number>>;

export interface ComplianceSummary {
  readonly total: number;
  readonly signed: number;
  /** Everyone without a valid signature (needs review included). */
  readonly outstanding: number;
  /** Whole per cent, rounded down so 99.9% never shows as 100%; null with no staff. */
  readonly percent: number | null;
}

export interface Compliance extends ComplianceSummary {
  readonly version: string;
  readonly rows: readonly ComplianceRow[];
  readonly counts: StatusCounts;
  /** Signatures by people no longer in the all-staff group: kept out of the figures. */
  readonly signedByOthers: number;
}

export interface ComplianceInput {
  /** Records of other (earlier) versions: who signed which, newest version first in `earlierVersions`. */
  readonly earlier?: readonly Pick<SignatureRecord, 'policyVersion' | 'signedBy'>[];
  readonly earlierVersions?: readonly string[];
  /** Latest reminder per person about this version (server time). */
  readonly lastReminded?: ReadonlyMap<string, string>;
}

/** What the table and chart show for a blank department or job title. */
export const NOT_RECORDED = 'Not recorded';

const label = (value: string | null | undefined): string => (value && value.trim() !== '' ? value.trim() : NOT_RECORDED);

export function percentOf(signed: number, total: number): number | null {
  return total === 0 ? null : Math.floor((signed * 100) / total);
}

interface Best {
  valid?: string;
  review?: { at: string; reasons: ReviewReason[] };
}

export function computeCompliance(staff: readonly StaffMember[], records: readonly SignatureRecord[], version: VersionFacts, input: ComplianceInput): Compliance {
  // Per signer: the earliest valid record (signing twice does not move the date a manager
  // sees), else the latest record that needs review, with its reasons.
  const bySigner = new Map<string, Best>();
  for (const r of records) {
    if (r.policyVersion !== version.version) continue;
    const reasons = reviewSignature(r, version);
    const best = bySigner.get(r.signedBy.id) ?? {};
    if (reasons.length === 0) {
      if (best.valid === undefined || Date.parse(r.signedAt) < Date.parse(best.valid)) best.valid = r.signedAt;
    } else if (!best.review || Date.parse(r.signedAt) > Date.parse(best.review.at)) {
      best.review = { at: r.signedAt, reasons };
    }
    bySigner.set(r.signedBy.id, best);
  }
  // The newest earlier version each person signed (earlierVersions is newest first).
  const order = new Map((input.earlierVersions ?? []).map((v, i) => [v, i]));
  const rank = (v: string): number => order.get(v) ?? Number.MAX_SAFE_INTEGER;
  const earlierBySigner = new Map<string, string>();
  for (const r of input.earlier ?? []) {
    if (r.policyVersion === version.version) continue;
    const seen = earlierBySigner.get(r.signedBy.id);
    if (seen === undefined || (seen !== r.policyVersion && rank(r.policyVersion) < rank(seen))) earlierBySigner.set(r.signedBy.id, r.policyVersion);
  }

  const seen = new Set<string>();
  const rows: ComplianceRow[] = [];
  const counts: Record<SignStatus, number> = { signed: 0, 'needs-review': 0, 'joined-after': 0, 'signed-earlier': 0, 'never-signed': 0 };
  for (const person of staff) {
    // Transitive membership lists someone once per path through nested groups.
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    const best = bySigner.get(person.id);
    const due = dueDateFor(version, person.hireDate ?? null);
    const reminded = input.lastReminded?.get(person.id);
    const base = {
      id: person.id,
      name: person.displayName,
      email: person.email,
      department: label(person.department),
      jobTitle: label(person.jobTitle),
      ...(person.hireDate ? { hireDate: person.hireDate.slice(0, 10) } : {}),
      ...(reminded ? { lastReminded: reminded } : {}),
    };
    let row: ComplianceRow;
    if (best?.valid !== undefined) row = { ...base, status: 'signed', signedAt: best.valid };
    else if (best?.review) row = { ...base, status: 'needs-review', signedAt: best.review.at, reasons: best.review.reasons, ...(due.due ? { dueDate: due.due } : {}) };
    else if (due.joiner) row = { ...base, status: 'joined-after', ...(due.due ? { dueDate: due.due } : {}) };
    else {
      const earlierVersion = earlierBySigner.get(person.id);
      row = earlierVersion !== undefined
        ? { ...base, status: 'signed-earlier', earlierVersion, ...(due.due ? { dueDate: due.due } : {}) }
        : { ...base, status: 'never-signed', ...(due.due ? { dueDate: due.due } : {}) };
    }
    counts[row.status]++;
    rows.push(row);
  }
  let signedByOthers = 0;
  for (const [id, best] of bySigner) if (best.valid !== undefined && !seen.has(id)) signedByOthers++;
  return {
    version: version.version, rows, counts, total: rows.length, signed: counts.signed, outstanding: rows.length - counts.signed,
    percent: percentOf(counts.signed, rows.length), signedByOthers,
  };
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
