// The admin's write operations, over the store's repositories: setting the
// site up, publishing a policy version and importing contacts. Checks come
// first, so a refused action changes nothing.
import { parseContactsCsv, type ParsedContacts } from '../../csv';
import type { ContactsRepository, ImportReport } from '../../graph/contacts';
import type { PoliciesRepository, PolicyDraft, PolicyVersion } from '../../graph/policies';
import { StoreError } from '../../graph/errors';
import { provision, verify, type ProvisionGroups, type ProvisionReport, type VerifyReport } from '../../graph/provision';
import { createSpRest } from '../../graph/sp-rest';
import { CURRENT_POLICY_META, isIsoDate, isVersionLabel, versionLabelProblem } from '../../policy/index';
import type { Session } from '../shell-types';

/**
 * The groups provisioning grants to, from the build's config. A build that names no all-staff or
 * managers group cannot set permissions up, and says which setting is missing.
 */
export function setupGroups(config: Session['config']): ProvisionGroups {
  const missing = [!config.allStaffGroupId && 'VITE_ALL_STAFF_GROUP_ID (AUP_ALL_STAFF_GROUP_ID in .env)', !config.managersGroupId && 'VITE_MANAGERS_GROUP_ID (AUP_MANAGERS_GROUP_ID in .env)'].filter(Boolean);
  if (missing.length > 0) throw new Error(`This build names no ${missing.join(' or ')}, so setup cannot give the groups their permissions. Package the app again with them set.`);
  return { allStaffGroupId: config.allStaffGroupId!, managersGroupId: config.managersGroupId!, adminsGroupId: config.adminsGroupId };
}

export interface SetupOutcome {
  readonly report: ProvisionReport;
  /** The same checks as `npm run provision -- --verify`, run straight after. */
  readonly verified: VerifyReport;
}

/**
 * First-run setup from the Teams tab: the same provisioning code and the same checks as the
 * command line, with the signed-in admin's tokens (SharePoint asks for AllSites.FullControl here).
 */
export async function setUpSite(session: Pick<Session, 'graph' | 'lists' | 'getToken' | 'config'>, policyText: string, log: (line: string) => void): Promise<SetupOutcome> {
  const groups = setupGroups(session.config);
  const spRest = createSpRest({ getToken: session.getToken });
  const report = await provision({
    graph: session.graph,
    siteId: session.lists.siteId,
    spRest,
    groups,
    policy: { version: CURRENT_POLICY_META.versionLabel, title: CURRENT_POLICY_META.title, effectiveDate: CURRENT_POLICY_META.effectiveDate, text: policyText },
    log,
  });
  session.lists.refresh();
  const verified = await verify({ graph: session.graph, siteId: session.lists.siteId, spRest, groups });
  return { report, verified };
}

export interface DraftInput {
  readonly version: string;
  readonly title: string;
  /** `YYYY-MM-DD`, or empty: in force when published. A later date makes the version upcoming until then. */
  readonly effectiveDate: string;
  /** `YYYY-MM-DD` staff must sign by. */
  readonly dueDate: string;
  readonly text: string;
}

export type DraftField = keyof DraftInput;
export type DraftErrors = Partial<Record<DraftField, string>>;


/** `today` is the school's date (`YYYY-MM-DD`): a due date cannot already have passed. */
export function validateDraft(input: DraftInput, versions: readonly PolicyVersion[], current: PolicyVersion | null, today: string): DraftErrors {
  const errors: DraftErrors = {};
  const version = input.version.trim();
  const existing = versions.find((v) => v.version.toLowerCase() === version.toLowerCase());
  if (version === '') errors.version = 'Give the new version a label, such as "2025-09".';
  else if (!isVersionLabel(version)) errors.version = versionLabelProblem(version);
  else if (existing && existing.status !== 'Draft') errors.version = `Version ${existing.version} is already published (${existing.status}); published versions cannot be changed. Choose a new label.`;
  if (input.title.trim() === '') errors.title = 'Give the policy a title.';
  const effective = input.effectiveDate.trim();
  if (effective !== '' && !isIsoDate(effective)) errors.effectiveDate = `"${input.effectiveDate}" is not a date (YYYY-MM-DD).`;
  const due = input.dueDate.trim();
  if (due === '') errors.dueDate = 'Give the date staff must sign by.';
  else if (!isIsoDate(due)) errors.dueDate = `"${input.dueDate}" is not a date (YYYY-MM-DD).`;
  else if (due < today) errors.dueDate = 'The date to sign by has already passed.';
  else if (effective !== '' && isIsoDate(effective) && due < effective) errors.dueDate = 'Staff cannot be asked to sign by a date before the version comes into force.';
  if (input.text.trim() === '') errors.text = 'The policy text is empty.';
  else if (current?.text !== undefined && current.text.trim() === input.text.trim()) errors.text = `The text is the same as the current version ${current.version}; staff would sign the same words again.`;
  return errors;
}

type Policies = Pick<PoliciesRepository, 'get' | 'createDraft' | 'updateDraft' | 'publish'>;

/**
 * Publishes the draft: current at once, or upcoming until its effective date;
 * the store retires the version it supersedes.
 * A draft left by an earlier attempt that failed half-way is updated and
 * published rather than refused.
 */
export async function publishVersion(policies: Policies, input: DraftInput, today?: string): Promise<PolicyVersion> {
  const draft: PolicyDraft = {
    version: input.version.trim(),
    title: input.title.trim(),
    effectiveDate: input.effectiveDate.trim() === '' ? null : input.effectiveDate.trim(),
    dueDate: input.dueDate.trim() === '' ? null : input.dueDate.trim(),
    text: input.text,
  };
  const existing = await policies.get(draft.version);
  if (existing && existing.status !== 'Draft') {
    throw new StoreError('notEditable', `Version ${draft.version} is already published; choose a new label.`);
  }
  if (existing) await policies.updateDraft(draft.version, existing.eTag, { title: draft.title, effectiveDate: draft.effectiveDate ?? null, dueDate: draft.dueDate ?? null, text: draft.text });
  else await policies.createDraft(draft);
  return policies.publish(draft.version, {
    ...(draft.effectiveDate ? { effectiveDate: draft.effectiveDate } : {}),
    ...(draft.dueDate ? { dueDate: draft.dueDate } : {}),
    ...(today ? { today } : {}),
  });
}

export type ImportOutcome =
  | { readonly kind: 'refused'; readonly parsed: ParsedContacts }
  | { readonly kind: 'imported'; readonly parsed: ParsedContacts; readonly report: ImportReport };

/** All or nothing: a file with any error reaches no repository call at all. */
export async function importContacts(contacts: Pick<ContactsRepository, 'import'>, csvText: string): Promise<ImportOutcome> {
  const parsed = parseContactsCsv(csvText);
  if (parsed.errors.length > 0 || parsed.rows.length === 0) return { kind: 'refused', parsed };
  const report = await contacts.import(parsed.rows.map(({ email, role, pupilName, pupilUpn }) => ({
    email, role, ...(pupilName ? { pupilName } : {}), ...(pupilUpn ? { pupilUpn } : {}),
  })));
  return { kind: 'imported', parsed, report };
}
