// What the signed-in user can do on a list, asked of SharePoint itself, so a
// view can say plainly what is missing instead of showing a partial picture
// (a manager who sees only their own signature would see everyone else as
// outstanding).
import type { Site } from '@microsoft/microsoft-graph-types';
import type { SiteLists } from './lists';
import { PermissionKind, hasPermission } from './permissions';
import { ACKNOWLEDGEMENTS_LIST } from './schema';
import type { SpRest } from './sp-rest';

export interface ListAccess {
  /** The caller's effective permissions on the list, as this app may use them. */
  readonly mask: bigint;
  /** Can read every item: View Items, and past "read only their own" (ReadSecurity 2) with Override List Behaviors. */
  readonly canReadAll: boolean;
}

/** The caller's access to AUP Acknowledgements (SP.List.EffectiveBasePermissions and ReadSecurity). */
export async function acknowledgementsAccess(lists: SiteLists, spRest: SpRest): Promise<ListAccess> {
  const [listId, site] = await Promise.all([
    lists.listId(ACKNOWLEDGEMENTS_LIST),
    lists.graph.get<Site>(`/sites/${lists.siteId}`, { query: { $select: 'webUrl' } }),
  ]);
  if (!site.webUrl) throw new Error(`Graph returned site ${lists.siteId} without a webUrl`);
  const { mask, readSecurity } = await spRest.myPermissions(site.webUrl, listId);
  const canView = hasPermission(mask, PermissionKind.ViewListItems);
  return { mask, canReadAll: canView && (readSecurity !== 2 || hasPermission(mask, PermissionKind.CancelCheckout)) };
}
