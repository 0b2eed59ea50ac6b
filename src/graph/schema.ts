// The SharePoint lists AUP Guard keeps its records in. One definition, used by
// provisioning, by the repositories and by the emulator's seed. Column names
// are stable: tools, tests and the school's own SharePoint views rely on them.
import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import type { LevelKey } from './permissions';

/** A column as provisioning creates it: Graph's type, with the name it can't do without. */
export type NamedColumn = ColumnDefinition & { readonly name: string };

export interface ListDefinition {
  /** Display name of the list on the school's site. */
  readonly displayName: string;
  readonly description: string;
  /** Columns in the order they should read in SharePoint. `Title` is built in and not listed. */
  readonly columns: readonly NamedColumn[];
  /** Item-level security: 2 = users read/edit only their own items (SharePoint REST). */
  readonly itemLevelSecurity?: { readonly readSecurity: 1 | 2; readonly writeSecurity: 1 | 2 | 4 };
  /**
   * The permission level each Entra group gets on the list (src/graph/permissions.ts). Provisioning
   * breaks the list's inheritance and grants exactly these, beside the site owners' Full Control;
   * a group not named gets nothing. With no admins group, the managers group gets the admins' level too.
   */
  readonly access: ListAccess;
}

export interface ListAccess {
  readonly allStaff?: LevelKey;
  readonly managers?: LevelKey;
  readonly admins?: LevelKey;
}

const text = (name: string, displayName: string, extra: Omit<Partial<ColumnDefinition>, 'name'> = {}): NamedColumn => ({
  displayName, text: { allowMultipleLines: false, maxLength: 255 }, ...extra, name,
});
const note = (name: string, displayName: string): NamedColumn => ({
  name, displayName, text: { allowMultipleLines: true, textType: 'plain' },
});

export const POLICIES_LIST = {
  displayName: 'AUP Policies',
  description: 'Versions of the Acceptable Use Policy. Published versions are never edited, only superseded.',
  columns: [
    text('VersionLabel', 'Version', { indexed: true, enforceUniqueValues: true, required: true }),
    { name: 'Status', displayName: 'Status', indexed: true, required: true, choice: { choices: ['Draft', 'Current', 'Retired'], displayAs: 'dropDownMenu' } },
    { name: 'EffectiveDate', displayName: 'Effective date', dateTime: { format: 'dateOnly' } },
    text('PolicyHash', 'SHA-256 of text'),
    note('PolicyText', 'Policy text (Markdown)'),
    // Added for signing campaigns (issue 14): provisioning adds them to existing sites.
    { name: 'DueDate', displayName: 'Sign by', dateTime: { format: 'dateOnly' } },
    // SharePoint's own time of the edit that published the version, copied here so a
    // later edit (retiring it) does not lose it; signatures made before it need review.
    { name: 'PublishedAt', displayName: 'Published', dateTime: { format: 'dateTime' } },
  ],
  // Admins publish versions (add and edit) but can never delete one: every signature points at one.
  access: { allStaff: 'read', managers: 'read', admins: 'editor' },
} as const satisfies ListDefinition;

export const ACKNOWLEDGEMENTS_LIST = {
  displayName: 'AUP Acknowledgements',
  description: 'One item per signature. Who signed and when are the item\'s Created By and Created.',
  columns: [
    // Indexed because the "By version" view sorts on it: past 5,000 items SharePoint sorts only on indexed columns.
    text('PrintedName', 'Name (printed)', { required: true, indexed: true }),
    text('PolicyVersion', 'Policy version', { indexed: true, required: true }),
    text('SignerUpn', 'Signer UPN'),
    { name: 'AcceptsPolicy', displayName: 'I have read and accept', boolean: {} },
    { name: 'UnderstandsBreach', displayName: 'I understand the implications of a breach', boolean: {} },
    note('Signature', 'Signature'),
    { name: 'ClientSignedAt', displayName: 'Signed at (client clock)', dateTime: { format: 'dateTime' } },
    text('PolicyHash', 'Policy SHA-256'),
    text('SignerId', 'Signer Entra object id', { indexed: true, required: true }),
    text('SubmissionId', 'Submission id', { indexed: true, enforceUniqueValues: true, required: true }),
  ],
  itemLevelSecurity: { readSecurity: 2, writeSecurity: 2 },
  // Staff add their own and read only their own; nobody below the site owners can change or delete a signature.
  access: { allStaff: 'signer', managers: 'reviewer', admins: 'reviewer' },
} as const satisfies ListDefinition;

export const SETTINGS_LIST = {
  displayName: 'AUP Settings',
  description: 'The Outlook compose-check settings, as one validated JSON document per key.',
  columns: [
    text('SettingsKey', 'Key', { indexed: true, enforceUniqueValues: true, required: true }),
    note('SettingsJson', 'Settings (JSON)'),
  ],
  // Everyone's Outlook reads the settings; only admins change them (adding the first one too).
  access: { allStaff: 'read', managers: 'read', admins: 'editor' },
} as const satisfies ListDefinition;

export const CONTACTS_LIST = {
  displayName: 'AUP Contacts',
  description: 'Parents, carers and pupils, imported from the school MIS. Used by the Outlook checks.',
  columns: [
    text('Email', 'Email', { indexed: true, required: true }),
    { name: 'Role', displayName: 'Role', indexed: true, required: true, choice: { choices: ['Parent', 'Carer', 'Pupil'], displayAs: 'dropDownMenu' } },
    text('PupilName', 'Pupil name'),
    text('PupilUpn', 'Pupil UPN'),
    text('ContactKey', 'Import key', { indexed: true, enforceUniqueValues: true, required: true }),
  ],
  // Parents' and carers' addresses and relationships are for admins only: staff and managers get nothing.
  access: { admins: 'contribute' },
} as const satisfies ListDefinition;

export const SEND_CHECK_LIST = {
  displayName: 'AUP Send Check',
  description: "What staff's Outlook needs to check recipients, derived from AUP Contacts by the import: no addresses or relationships in clear.",
  columns: [
    text('SnapshotId', 'Snapshot id', { indexed: true, required: true }),
    { name: 'Part', displayName: 'Part', required: true, number: { decimalPlaces: 'none' } },
    { name: 'PartCount', displayName: 'Part count', required: true, number: { decimalPlaces: 'none' } },
    note('Payload', 'Payload'),
  ],
  // Everyone reads it; the import (admins) writes a new snapshot and removes the old one.
  access: { allStaff: 'read', managers: 'read', admins: 'contribute' },
} as const satisfies ListDefinition;

/**
 * One item per reminder sent to one person, so the manager view can show "last
 * reminded" and not remind the same people again at once (issue 14). Managers
 * (and admins) add and read them; staff have no access at all, so nobody sees
 * who has been chased. Who sent it and when are the item's Created By and Created.
 */
export const REMINDERS_LIST = {
  displayName: 'AUP Reminders',
  description: 'Reminders to sign the Acceptable Use Policy: one item per person reminded. Sent by and when are Created By and Created.',
  columns: [
    text('RecipientId', 'Recipient Entra object id', { indexed: true, required: true }),
    text('RecipientName', 'Recipient'),
    text('PolicyVersion', 'Policy version', { indexed: true, required: true }),
    { name: 'Channel', displayName: 'Sent by', required: true, choice: { choices: ['Teams', 'Email'], displayAs: 'dropDownMenu' } },
  ],
  // Add and read, never edit or delete: the record of who was reminded stays as it was sent.
  access: { managers: 'signer', admins: 'signer' },
} as const satisfies ListDefinition;

export const LISTS = [POLICIES_LIST, ACKNOWLEDGEMENTS_LIST, SETTINGS_LIST, CONTACTS_LIST, SEND_CHECK_LIST, REMINDERS_LIST] as const;
