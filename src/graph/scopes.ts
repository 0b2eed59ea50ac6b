// The delegated permissions AUP Guard asks for, named once: the Teams tab and
// the Outlook pane request exactly these (never `.default`), the emulator mints
// its dev tokens with them, and docs/permissions.md explains each one.
//
// Least privileged per call, from each API page's permissions table in the Graph
// v1.0 reference; the reasons are in docs/permissions.md.

/** Microsoft Graph, for every signed-in user. */
export const GRAPH_SCOPES = [
  // /me: who is signing; /me/checkMemberGroups for one's own groups.
  'User.Read',
  // Other users' department and jobTitle (the manager's report): User.ReadBasic.All returns only the basic profile.
  'User.Read.All',
  // Members of the all-staff and managers groups, nested groups included.
  'GroupMember.Read.All',
  // Lists and items. Delegated rights never exceed the user's own SharePoint permissions, but they
  // cap them: with Sites.ReadWrite.All the app acts with at most Contribute, which lacks Override List
  // Behaviors, so a reviewer would see only their own signatures. Sites.Manage.All (at most Design)
  // keeps it. Provisioning creates lists and columns with it too.
  'Sites.Manage.All',
  // Reminders: Teams activity feed, and mail as the signed-in manager.
  'TeamsActivity.Send',
  'Mail.Send',
  // The app's id in the organisation's Teams catalog, for deep links in reminders (appCatalogs/teamsApps?$filter=externalId eq …).
  'AppCatalog.Read.All',
] as const;

/** SharePoint REST, where Graph has no call: the manager view's check of its own permissions (same cap as Sites.Manage.All). */
export const SHAREPOINT_SCOPES = ['AllSites.Manage'] as const;

/** SharePoint REST for provisioning only (permission levels and role assignments need Manage Permissions, which only Full Control carries). */
export const SHAREPOINT_SETUP_SCOPES = ['AllSites.FullControl'] as const;

/** Graph's resource: scopes for it are asked for as `${GRAPH_RESOURCE}/${scope}`. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

/** Every scope the app registration needs consent for (the emulator's default dev token carries them all). */
export const APP_SCOPES: readonly string[] = [...GRAPH_SCOPES, ...SHAREPOINT_SCOPES, ...SHAREPOINT_SETUP_SCOPES];
