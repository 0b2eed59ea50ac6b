// The policy as data: the versions we ship, the statements staff sign, the
// text's fingerprint and the section-by-section "what changed". Pure: used by
// the Teams tab, the emulator's seed, provisioning and the admin view alike,
// so it imports no host, DOM or network module (lint enforces it).
import { sha256Hex } from './hash.js';

export interface PolicyMeta {
  /** `YYYY-MM` of the version, e.g. `2020-04`; the key of every acknowledgement. */
  readonly versionLabel: string;
  readonly title: string;
  /** ISO date (`YYYY-MM-DD`) the version took effect. */
  readonly effectiveDate: string;
}

/** Versions shipped in `assets/policy/<versionLabel>.md`, newest first. */
export const POLICY_VERSIONS = [
  {
    versionLabel: '2020-04',
    title: 'ICT, Technology and Social Media Acceptable Use Policy for All Permanent and Temporary Staff',
    effectiveDate: '2020-04-01',
  },
] as const satisfies readonly PolicyMeta[];

export const CURRENT_POLICY_META: PolicyMeta = POLICY_VERSIONS[0];

/**
 * A version label: letters, digits, dot, dash and underscore, at most 32. Labels
 * become list values, file names and words in reminder mail sent from a
 * manager's mailbox, so they are checked wherever they are read, not only in
 * the admin form (issue #10): a label written straight into SharePoint is
 * refused too.
 */
const VERSION_LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

export const isVersionLabel = (label: string): boolean => VERSION_LABEL.test(label);

/** Why a label is refused, in the words the admin form and errors use. */
export const versionLabelProblem = (label: string): string =>
  `"${label}" can hold only letters, digits, ".", "-" and "_" (at most 32).`;

/** Where a shipped version's Markdown lives, relative to the project root. */
export function policyAssetPath(versionLabel: string): string {
  return `assets/policy/${versionLabel}.md`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** `2020-04` → `April 2020`, as the paper form names versions; other labels are shown as they are. */
export function versionName(versionLabel: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(versionLabel);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${m[1]}` : versionLabel;
}

/**
 * A version as every screen, message and export names it: its label, and the
 * month the paper form would say, so "2026-12" and "December 2026" are never
 * two names for one thing ("2026-12 (December 2026)"). Other labels as they are.
 */
export function describeVersion(versionLabel: string): string {
  const name = versionName(versionLabel);
  return name === versionLabel ? versionLabel : `${versionLabel} (${name})`;
}

/**
 * The first tick box, naming the version actually being signed. The paper's
 * statement writes "for all" where the heading says "for All"; we follow the
 * paper so April 2020 reads word for word as staff signed it before.
 */
export function acceptStatement(policy: Pick<PolicyMeta, 'title' | 'versionLabel'>): string {
  const title = policy.title.replace(/ for All /, ' for all ');
  return `I have read and accept the terms of the: ${title} (${versionName(policy.versionLabel)} version)`;
}

/** The second tick box, the same for every version. */
export const BREACH_STATEMENT = 'I understand the implications of any breach of this policy as outlined above.';

export interface AckStatements {
  readonly accept: string;
  readonly breach: string;
}

export function ackStatements(policy: Pick<PolicyMeta, 'title' | 'versionLabel'>): AckStatements {
  return { accept: acceptStatement(policy), breach: BREACH_STATEMENT };
}

/** The two statements of the current paper form (April 2020). */
export const ACK_STATEMENTS: AckStatements = ackStatements(CURRENT_POLICY_META);

/** SHA-256 (lower-case hex) of the policy text exactly as stored, UTF-8 encoded. Synchronous so it runs anywhere. */
export function policyHash(text: string): string {
  return sha256Hex(text);
}

/**
 * Heading anchors: lower-case words joined by hyphens, repeats numbered
 * (`x`, `x-2`). One slugger per document, fed every heading in order, so the
 * renderer and the table of contents agree on every id.
 */
export function createSlugger(): (heading: string) => string {
  const seen = new Map<string, number>();
  return (heading) => {
    const base = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s-]/gu, '')
      .trim()
      .replace(/[\s-]+/g, '-') || 'section';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
}

export { campaignOn, newerFirst, addDays, dueDateFor, isIsoDate, JOINER_DAYS, type CampaignState, type VersionDates } from './campaign';
export { reviewRecord, REVIEW_REASON_TEXT, type RecordFacts, type ReviewReason, type VersionFacts as ReviewedVersion } from './review';

// Sections and "what changed" live in ./sections: they need marked and diff,
// which the staff view's first load should not carry (only a type comes back).
export type { PolicySection, SectionDiff, TextChange } from './sections';
