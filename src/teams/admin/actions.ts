// The admin's write operations, over the store's repositories: publishing a
// policy version and importing contacts. Checks come first, so a refused
// action changes nothing.
import { parseContactsCsv, type ParsedContacts } from '../../csv';
import type { ContactsRepository, ImportReport } from '../../graph/contacts';
import type { PoliciesRepository, PolicyDraft, PolicyVersion } from '../../graph/policies';
import { StoreError } from '../../graph/errors';
import { isIsoDate } from '../../policy/index';

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

/** Labels become list values and file names: letters, digits, dot, dash, underscore. */
const VERSION_LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/** `today` is the school's date (`YYYY-MM-DD`): a due date cannot already have passed. */
export function validateDraft(input: DraftInput, versions: readonly PolicyVersion[], current: PolicyVersion | null, today: string): DraftErrors {
  const errors: DraftErrors = {};
  const version = input.version.trim();
  const existing = versions.find((v) => v.version.toLowerCase() === version.toLowerCase());
  if (version === '') errors.version = 'Give the new version a label, such as "2025-09".';
  else if (!VERSION_LABEL.test(version)) errors.version = `"${version}" can hold only letters, digits, ".", "-" and "_" (at most 32).`;
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
