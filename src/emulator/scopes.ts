// Delegated scopes (the token's `scp`): what each call needs, and the most a
// site scope lets the app do on the user's behalf. Graph checks the scope
// before SharePoint looks at the user's own permissions, so a token without it
// is refused whatever the user may do.
import { BUILT_IN_LEVELS } from '../graph/permissions';

/** A scope implies these (each permissions table lists the higher ones as also accepted). */
const IMPLIES: Readonly<Record<string, readonly string[]>> = {
  'Sites.FullControl.All': ['Sites.Manage.All'],
  'Sites.Manage.All': ['Sites.ReadWrite.All'],
  'Sites.ReadWrite.All': ['Sites.Read.All'],
  'AllSites.FullControl': ['AllSites.Manage'],
  'AllSites.Manage': ['AllSites.Write'],
  'AllSites.Write': ['AllSites.Read'],
  'Directory.ReadWrite.All': ['Directory.Read.All'],
  'Directory.Read.All': ['User.Read.All', 'GroupMember.Read.All'],
  'Group.Read.All': ['GroupMember.Read.All'],
  'User.ReadWrite.All': ['User.Read.All'],
  'User.Read.All': ['User.ReadBasic.All'],
  // /me accepts any of these (user: get, "Higher privileged permissions").
  'User.ReadBasic.All': ['User.Read'],
  'User.ReadWrite': ['User.Read'],
};

/** The token's scopes with everything they imply. */
export function grantedScopes(scp: readonly string[]): ReadonlySet<string> {
  const out = new Set<string>();
  const add = (s: string): void => {
    if (out.has(s)) return;
    out.add(s);
    for (const implied of IMPLIES[s] ?? []) add(implied);
  };
  for (const s of scp) add(s);
  return out;
}

/** Any one of these sets of scopes, each set needed whole (e.g. User.ReadBasic.All and GroupMember.Read.All). */
export type ScopeRequirement = readonly (readonly string[])[];

export const needs = (...alternatives: (string | readonly string[])[]): ScopeRequirement =>
  alternatives.map((a) => (typeof a === 'string' ? [a] : a));

export function meets(granted: ReadonlySet<string>, requirement: ScopeRequirement): boolean {
  return requirement.some((set) => set.every((s) => granted.has(s)));
}

export function describeRequirement(requirement: ScopeRequirement): string {
  return requirement.map((set) => set.join(' and ')).join(', or ');
}

/**
 * The most a site scope lets the app do for the user: the user's SharePoint permissions are
 * intersected with it. Read ~ Read, ReadWrite/Write ~ Contribute, Manage ~ Design, FullControl ~
 * Full Control, as the add-in rights Read, Write, Manage and FullControl map to those levels; Graph's
 * Sites.* scopes map to SharePoint's AllSites.* ones. It is why a reviewer needs Sites.Manage.All:
 * Contribute lacks Override List Behaviors, and Graph then shows only the caller's own items under
 * ReadSecurity 2 (microsoftgraph/microsoft-graph-docs#12692, msgraph-sdk-dotnet-core#86).
 */
export function siteCeiling(granted: ReadonlySet<string>, api: 'graph' | 'sharepoint'): bigint {
  const [full, manage, write, read] = api === 'graph'
    ? ['Sites.FullControl.All', 'Sites.Manage.All', 'Sites.ReadWrite.All', 'Sites.Read.All']
    : ['AllSites.FullControl', 'AllSites.Manage', 'AllSites.Write', 'AllSites.Read'];
  if (granted.has(full!)) return BUILT_IN_LEVELS.fullControl.mask;
  if (granted.has(manage!)) return BUILT_IN_LEVELS.design.mask;
  if (granted.has(write!)) return BUILT_IN_LEVELS.contribute.mask;
  if (granted.has(read!)) return BUILT_IN_LEVELS.read.mask;
  return 0n;
}
