// Finds the site's lists by display name once and keeps their ids, so each
// repository call costs one request, not two. Shared by every repository on a site.
import type { List, ListItem } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from './client';
import { GraphRequestError, StoreError } from './errors';
import type { ListDefinition } from './schema';

export interface SiteLists {
  readonly graph: GraphClient;
  readonly siteId: string;
  /** The list's id, from cache after the first call. Throws StoreError('listNotProvisioned') when absent. */
  listId(list: ListDefinition): Promise<string>;
  /** `/sites/{site}/lists/{list}/items` for the list. */
  itemsPath(list: ListDefinition): Promise<string>;
  /** Forget the cached ids (after provisioning created lists). */
  refresh(): void;
  /** The list's page in SharePoint (for "Open in SharePoint"), or null when Graph gives none. */
  webUrl(list: ListDefinition): Promise<string | null>;
}

/** The site id to address lists with: `root` (the tenant's root site) is asked of Graph once; anything else is used as given. */
export async function resolveSiteId(graph: GraphClient, site: string): Promise<string> {
  if (site !== 'root') return site;
  return (await graph.get<{ id: string }>('/sites/root', { query: { $select: 'id' } })).id;
}

export function siteLists(graph: GraphClient, siteId: string): SiteLists {
  let ids: Promise<Map<string, string>> | undefined;
  const load = async (): Promise<Map<string, string>> => {
    const lists = await graph.all<List>(`/sites/${siteId}/lists`, { query: { $select: 'id,displayName' } });
    return new Map(lists.filter((l) => l.id && l.displayName).map((l) => [l.displayName!, l.id!]));
  };
  const listId = async (list: ListDefinition): Promise<string> => {
    ids ??= load().catch((error: unknown) => {
      ids = undefined; // a failed lookup must not be cached
      throw error;
    });
    const id = (await ids).get(list.displayName);
    if (!id) {
      // SharePoint lists only what the caller may see, so a list they have no permission on looks missing too.
      throw new StoreError('listNotProvisioned', `The list "${list.displayName}" is not on site ${siteId}, or your account has no access to it. If it has not been created, run \`npm run provision -- --site ${siteId}\` (or the admin's first-run setup).`);
    }
    return id;
  };
  return {
    graph,
    siteId,
    listId,
    itemsPath: async (list) => `/sites/${siteId}/lists/${await listId(list)}/items`,
    refresh: () => { ids = undefined; },
    async webUrl(list) {
      const found = await graph.get<List>(`/sites/${siteId}/lists/${await listId(list)}`, { query: { $select: 'id,webUrl' } });
      return found.webUrl ?? null;
    },
  };
}

/** A list item whose `fields` are typed for its list. */
export type Item<F> = Omit<ListItem, 'fields'> & { fields?: F };

/** The item properties every repository reads, besides fields. */
export const ITEM_SELECT = 'id,eTag,createdBy,createdDateTime,lastModifiedDateTime';

/** `$expand=fields($select=…)` for the given field names. */
export function expandFields(names: readonly string[]): string {
  return `fields($select=${names.join(',')})`;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Whether the item already holds these field values (read back after an ambiguous failure). */
export async function itemHolds(graph: GraphClient, itemsPath: string, itemId: string, fields: object): Promise<boolean> {
  const item = await graph.get<Item<Record<string, unknown>>>(`${itemsPath}/${itemId}`, { query: { $select: 'id', $expand: expandFields(Object.keys(fields)) } });
  return Object.entries(fields).every(([k, v]) => sameValue(item.fields?.[k], v));
}

/**
 * PATCHes an item's fields with If-Match. When the answer to a write that did
 * land is lost (a 503 after the commit), the RetryHandler's retry meets 412,
 * because our own write changed the eTag. So on 412 the item is read back: if it
 * already holds exactly these values, nothing was lost and that is success.
 */
export async function patchFieldsIfMatch(graph: GraphClient, itemsPath: string, itemId: string, eTag: string, fields: object): Promise<void> {
  try {
    await graph.patch(`${itemsPath}/${itemId}/fields`, fields, { headers: { 'If-Match': eTag } });
  } catch (error) {
    if (error instanceof GraphRequestError && error.status === 412 && (await itemHolds(graph, itemsPath, itemId, fields))) return;
    throw error;
  }
}
