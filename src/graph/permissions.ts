// SharePoint's base permissions as 64-bit masks, the built-in permission
// levels, and AUP Guard's own levels. Shared by provisioning (which creates
// and checks them) and the emulator (which enforces them), so both read the
// same bits.
//
// PermissionKind numbers are CSOM's (Microsoft.SharePoint.Client.PermissionKind,
// https://learn.microsoft.com/previous-versions/office/sharepoint-server/ee536458(v=office.15)):
// kind N is bit N-1 of SPBasePermissions
// (https://learn.microsoft.com/previous-versions/office/sharepoint-server/ms412690(v=office.15)).
// SharePoint REST sends a mask as {High, Low}: the upper and lower 32 bits, as decimal strings.

export const PermissionKind = {
  ViewListItems: 1,
  AddListItems: 2,
  EditListItems: 3,
  DeleteListItems: 4,
  ApproveItems: 5,
  OpenItems: 6,
  ViewVersions: 7,
  DeleteVersions: 8,
  /**
   * The UI's "Override List Behaviors" (called "Override Check Out" before SharePoint 2013):
   * "Discard or check in a document which is checked out to another user, and change or override
   * settings which allow users to read/edit only their own items". The list settings page says
   * "Users with the Cancel Checkout permission can read and edit all items". The least permission
   * that lets a reviewer see items others created under ReadSecurity 2; Manage Lists does not.
   */
  CancelCheckout: 9,
  ManagePersonalViews: 10,
  ManageLists: 12,
  ViewFormPages: 13,
  AnonymousSearchAccessList: 14,
  Open: 17,
  ViewPages: 18,
  AddAndCustomizePages: 19,
  ApplyThemeAndBorder: 20,
  ApplyStyleSheets: 21,
  ViewUsageData: 22,
  CreateSSCSite: 23,
  ManageSubwebs: 24,
  CreateGroups: 25,
  ManagePermissions: 26,
  BrowseDirectories: 27,
  BrowseUserInfo: 28,
  AddDelPrivateWebParts: 29,
  UpdatePersonalWebParts: 30,
  ManageWeb: 31,
  AnonymousSearchAccessWebLists: 32,
  UseClientIntegration: 37,
  UseRemoteAPIs: 38,
  ManageAlerts: 39,
  CreateAlerts: 40,
  EditMyUserInfo: 41,
  EnumeratePermissions: 63,
  FullMask: 65,
} as const;

export type PermissionName = keyof typeof PermissionKind;
export type PermissionKindValue = (typeof PermissionKind)[PermissionName];

/** All 63 permission bits: Full Control, and what a site collection administrator has everywhere. */
export const FULL_MASK = (1n << 63n) - 1n;

const bitOf = (kind: PermissionKindValue): bigint => (kind === PermissionKind.FullMask ? FULL_MASK : 1n << BigInt(kind - 1));

export function permissionMask(kinds: readonly PermissionKindValue[]): bigint {
  return kinds.reduce((mask, kind) => mask | bitOf(kind), 0n);
}

export function hasPermission(mask: bigint, kind: PermissionKindValue): boolean {
  const bit = bitOf(kind);
  return (mask & bit) === bit;
}

/** SharePoint REST's SP.BasePermissions. */
export interface BasePermissions {
  readonly High: string;
  readonly Low: string;
}

export function toBasePermissions(mask: bigint): BasePermissions {
  return { High: String((mask >> 32n) & 0xffffffffn), Low: String(mask & 0xffffffffn) };
}

/** Reads {High, Low} whether the numbers came as strings (REST) or numbers; anything else is no permission. */
export function fromBasePermissions(value: unknown): bigint {
  if (!value || typeof value !== 'object') return 0n;
  const { High, Low } = value as { High?: unknown; Low?: unknown };
  const word = (v: unknown): bigint => {
    const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '';
    return /^\d+$/.test(text) ? BigInt(text) & 0xffffffffn : 0n;
  };
  return (word(High) << 32n) | word(Low);
}

/** The names of the permissions in a mask, in PermissionKind order (FullMask itself is not listed). */
export function permissionNames(mask: bigint): PermissionName[] {
  return (Object.entries(PermissionKind) as [PermissionName, PermissionKindValue][])
    .filter(([name, kind]) => name !== 'FullMask' && hasPermission(mask, kind))
    .map(([name]) => name);
}

const k = PermissionKind;

/**
 * What every level needs to be usable at all: SharePoint ticks these dependencies itself when a
 * permission that needs them is chosen (View Items needs View Pages and Open; Add, Edit, Delete,
 * Open Items, View Versions and Override List Behaviors need View Items), and remote calls (REST,
 * CSOM, and Graph on top of them) need Use Remote Interfaces.
 */
const USABLE: readonly PermissionKindValue[] = [k.ViewListItems, k.ViewFormPages, k.Open, k.ViewPages, k.BrowseUserInfo, k.UseRemoteAPIs];

export interface PermissionLevel {
  readonly name: string;
  readonly description: string;
  readonly mask: bigint;
}

export interface BuiltInLevel extends PermissionLevel {
  /** SharePoint's fixed id for the level in every site collection. */
  readonly id: number;
  /** SP.RoleType. */
  readonly roleTypeKind: number;
  readonly order: number;
  readonly hidden: boolean;
}

/**
 * SharePoint's built-in levels, with the masks SharePoint Online returns for them (SPPermissionGroup64,
 * https://learn.microsoft.com/previous-versions/office/sharepoint-server/ms412585(v=office.15), lists
 * their base permissions; Read is High 176 / Low 138612833, Edit High 432 / Low 1011030767).
 */
export const BUILT_IN_LEVELS = {
  fullControl: { id: 1073741829, name: 'Full Control', description: 'Has full control.', roleTypeKind: 5, order: 1, hidden: false, mask: FULL_MASK },
  design: {
    id: 1073741828, name: 'Design', description: 'Can view, add, update, delete, approve, and customize.', roleTypeKind: 4, order: 32, hidden: false,
    mask: (432n << 32n) | 1012866047n,
  },
  edit: {
    id: 1073741830, name: 'Edit', description: 'Can add, edit and delete lists; can view, add, update and delete list items and documents.', roleTypeKind: 6, order: 48, hidden: false,
    mask: (432n << 32n) | 1011030767n,
  },
  contribute: { id: 1073741827, name: 'Contribute', description: 'Can view, add, update, and delete list items and documents.', roleTypeKind: 3, order: 64, hidden: false, mask: (432n << 32n) | 1011028719n },
  read: { id: 1073741826, name: 'Read', description: 'Can view pages and list items and download documents.', roleTypeKind: 2, order: 128, hidden: false, mask: (176n << 32n) | 138612833n },
  limitedAccess: {
    id: 1073741825, name: 'Limited Access', description: 'Can view specific lists, document libraries, list items, folders, or documents when given permissions.',
    roleTypeKind: 1, order: 160, hidden: true, mask: (48n << 32n) | 134287360n,
  },
} as const satisfies Record<string, BuiltInLevel>;

/**
 * AUP Guard's own levels, for what no built-in level does: sign without being able to change a
 * signature, read every signature without being able to change one, and publish policy versions
 * without being able to delete one.
 */
export const AUP_LEVELS = {
  signer: {
    name: 'AUP Signer',
    description: 'AUP Guard: add items and read them; never edit or delete. Staff sign with it.',
    mask: permissionMask([...USABLE, k.AddListItems, k.OpenItems]),
  },
  reviewer: {
    name: 'AUP Reviewer',
    description: 'AUP Guard: read every item, including items others created where they may read only their own; never edit or delete.',
    // Override List Behaviors (CancelCheckout) is the least permission that reads past ReadSecurity 2.
    mask: permissionMask([...USABLE, k.OpenItems, k.ViewVersions, k.CancelCheckout]),
  },
  editor: {
    name: 'AUP Editor',
    description: 'AUP Guard: add and edit items, never delete them. Admins publish policy versions and settings with it.',
    mask: permissionMask([...USABLE, k.AddListItems, k.EditListItems, k.OpenItems, k.ViewVersions]),
  },
} as const satisfies Record<string, PermissionLevel>;

/** Every level provisioning assigns, by name. */
export type LevelKey = 'read' | 'contribute' | 'fullControl' | keyof typeof AUP_LEVELS;

export function levelOf(key: LevelKey): PermissionLevel {
  return key in AUP_LEVELS ? AUP_LEVELS[key as keyof typeof AUP_LEVELS] : BUILT_IN_LEVELS[key as keyof typeof BUILT_IN_LEVELS];
}

/** Claims SharePoint uses for an Entra user (by UPN) and an Entra security group (by object id). */
export const userClaim = (upn: string): string => `i:0#.f|membership|${upn}`;
export const groupClaim = (groupId: string): string => `c:0t.c|tenant|${groupId.toLowerCase()}`;
