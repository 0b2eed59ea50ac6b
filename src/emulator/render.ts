// Graph resource shapes for sites, lists, columns and list items, as the Graph
// v1.0 docs show them (see test/fixtures/graph for the documented examples).
import type { BaseItem, ColumnDefinition, List, ListItem, Site } from '@microsoft/microsoft-graph-types';
import { getMeta, type Db } from './db';
import { etagOf, parseJson, type FieldValues, type ItemRow, type ListRow, type StoredColumn, type StoredIdentity, type TombstoneRow } from './store';

/** The one site the emulator serves. */
export const SITE_PATH = '/sites/wellsap';
export const SITE_NAME = 'wellsap';
export const SITE_DISPLAY_NAME = 'Wells AP Kinsley';
/** The hostname part of the site id; fixed so the id does not depend on how the server was reached. */
export const SITE_HOSTNAME = 'localhost';

export interface SiteInfo {
  readonly id: string;
  readonly siteCollectionId: string;
  readonly webId: string;
  readonly webUrl: string;
  readonly createdDateTime: string;
}

export function siteInfo(db: Db, origin: string): SiteInfo {
  const siteCollectionId = getMeta(db, 'site_collection_id')!;
  const webId = getMeta(db, 'web_id')!;
  return {
    id: `${SITE_HOSTNAME},${siteCollectionId},${webId}`,
    siteCollectionId,
    webId,
    webUrl: `${origin}${SITE_PATH}`,
    createdDateTime: getMeta(db, 'created_at')!,
  };
}

export function renderSite(site: SiteInfo): Site {
  return {
    id: site.id,
    createdDateTime: site.createdDateTime,
    lastModifiedDateTime: site.createdDateTime,
    description: 'Wells AP Kinsley staff site (local emulator)',
    displayName: SITE_DISPLAY_NAME,
    name: SITE_NAME,
    webUrl: site.webUrl,
    siteCollection: { hostname: SITE_HOSTNAME },
    sharepointIds: { siteId: site.siteCollectionId, webId: site.webId, siteUrl: site.webUrl },
  };
}

const identity = (json: string): BaseItem['createdBy'] => ({ user: parseJson<StoredIdentity>(json).user });

export function renderList(list: ListRow, site: SiteInfo, columns?: readonly StoredColumn[]): List & { '@odata.etag': string } {
  const etag = `"${list.id},${list.modified_at}"`;
  return {
    '@odata.etag': etag,
    id: list.id,
    createdDateTime: list.created_at,
    description: list.description,
    displayName: list.display_name,
    eTag: etag,
    lastModifiedDateTime: list.modified_at,
    name: list.name,
    webUrl: `${site.webUrl}/Lists/${list.name}`,
    createdBy: identity(list.created_by),
    // List settings changes are not attributed separately; the creator stands in.
    lastModifiedBy: identity(list.created_by),
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
    ...(columns ? { columns: columns.map(renderColumn) } : {}),
  };
}

export function renderColumn(column: StoredColumn): ColumnDefinition {
  return column;
}

export interface FieldSelection {
  /** undefined: fields not expanded. */
  readonly expand: boolean;
  readonly select?: readonly string[];
}

export function renderFields(row: ItemRow, select?: readonly string[]): Record<string, unknown> {
  const created = parseJson<StoredIdentity>(row.created_by);
  const modified = parseJson<StoredIdentity>(row.modified_by);
  const values = parseJson<FieldValues>(row.fields);
  const title = typeof values.Title === 'string' ? values.Title : '';
  const all: Record<string, unknown> = {
    '@odata.etag': etagOf(row),
    ...values,
    id: String(row.id),
    ContentType: 'Item',
    Modified: row.modified_at,
    Created: row.created_at,
    AuthorLookupId: String(created.lookupId),
    EditorLookupId: String(modified.lookupId),
    _UIVersionString: `${row.version}.0`,
    Attachments: false,
    Edit: '',
    LinkTitleNoMenu: title,
    LinkTitle: title,
    ItemChildCount: '0',
    FolderChildCount: '0',
  };
  if (!select) return all;
  const wanted = new Set(select.map((s) => s.toLowerCase()));
  return Object.fromEntries(Object.entries(all).filter(([k]) => k === '@odata.etag' || wanted.has(k.toLowerCase())));
}

export function renderItem(row: ItemRow | TombstoneRow, list: ListRow, site: SiteInfo, fields: FieldSelection, select?: readonly string[]): ListItem & Record<string, unknown> {
  if (!('guid' in row)) {
    return { id: String(row.id), parentReference: { siteId: site.id }, contentType: { id: '0x0100', name: 'Item' }, deleted: { state: 'deleted' } };
  }
  const etag = etagOf(row);
  const item: ListItem & Record<string, unknown> = {
    '@odata.etag': etag,
    createdDateTime: row.created_at,
    eTag: etag,
    id: String(row.id),
    lastModifiedDateTime: row.modified_at,
    webUrl: `${site.webUrl}/Lists/${list.name}/${row.id}_.000`,
    createdBy: identity(row.created_by),
    lastModifiedBy: identity(row.modified_by),
    parentReference: { id: list.id, siteId: site.id },
    contentType: { id: '0x0100', name: 'Item' },
  };
  let out: Record<string, unknown> = item;
  if (select) {
    const wanted = new Set(select.map((s) => s.toLowerCase()));
    out = Object.fromEntries(Object.entries(item).filter(([k]) => k.startsWith('@') || k === 'id' || wanted.has(k.toLowerCase())));
  }
  if (fields.expand) out.fields = renderFields(row, fields.select);
  return out;
}
