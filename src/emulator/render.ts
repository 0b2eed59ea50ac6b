// Graph resource shapes for sites, lists, columns and list items, as the Graph
// v1.0 docs show them (see test/fixtures/graph for the documented examples).
import type { BaseItem, ColumnDefinition, List, ListItem, Site } from '@microsoft/microsoft-graph-types';
import { getMeta, type Db } from './db';
import { project } from './odata/query';
import { etagOf, parseJson, type FieldValues, type ItemRow, type ListRow, type StoredColumn, type StoredIdentity, type TombstoneRow, type VersionRow } from './store';

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

const constant = (value: unknown) => (): unknown => value;

export function renderFields(row: ItemRow, select?: readonly string[]): Record<string, unknown> {
  const values = parseJson<FieldValues>(row.fields);
  const title = typeof values.Title === 'string' ? values.Title : '';
  const all: Record<string, () => unknown> = { '@odata.etag': () => etagOf(row) };
  for (const [name, value] of Object.entries(values)) all[name] = constant(value);
  Object.assign(all, {
    id: constant(String(row.id)),
    ContentType: constant('Item'),
    Modified: constant(row.modified_at),
    Created: constant(row.created_at),
    AuthorLookupId: () => String(parseJson<StoredIdentity>(row.created_by).lookupId),
    EditorLookupId: () => String(parseJson<StoredIdentity>(row.modified_by).lookupId),
    _UIVersionString: constant(`${row.version}.0`),
    Attachments: constant(false),
    Edit: constant(''),
    LinkTitleNoMenu: constant(title),
    LinkTitle: constant(title),
    ItemChildCount: constant('0'),
    FolderChildCount: constant('0'),
  });
  return project(all, select, (name) => name === '@odata.etag');
}

export function renderItem(row: ItemRow | TombstoneRow, list: ListRow, site: SiteInfo, fields: FieldSelection, select?: readonly string[]): ListItem & Record<string, unknown> {
  if (!('guid' in row)) {
    return { id: String(row.id), parentReference: { siteId: site.id }, contentType: { id: '0x0100', name: 'Item' }, deleted: { state: 'deleted' } };
  }
  const etag = etagOf(row);
  const item = project({
    '@odata.etag': constant(etag),
    createdDateTime: constant(row.created_at),
    eTag: constant(etag),
    id: constant(String(row.id)),
    lastModifiedDateTime: constant(row.modified_at),
    webUrl: () => `${site.webUrl}/Lists/${list.name}/${row.id}_.000`,
    createdBy: () => identity(row.created_by),
    lastModifiedBy: () => identity(row.modified_by),
    parentReference: () => ({ id: list.id, siteId: site.id }),
    contentType: () => ({ id: '0x0100', name: 'Item' }),
  }, select, (name) => name.startsWith('@') || name === 'id');
  if (fields.expand) item.fields = renderFields(row, fields.select);
  return item as ListItem & Record<string, unknown>;
}

/**
 * listItemVersion resources, newest first: the item as it is now, then each earlier version kept
 * while versioning was on. `fields` only on $expand=fields, as Graph gives it.
 */
export function renderVersions(item: ItemRow, earlier: readonly VersionRow[], fields: FieldSelection): (Record<string, unknown> & { id: string })[] {
  const one = (v: VersionRow): Record<string, unknown> & { id: string } => {
    const id = `${v.version}.0`;
    const out: Record<string, unknown> & { id: string } = {
      id,
      lastModifiedDateTime: v.modified_at,
      lastModifiedBy: identity(v.modified_by),
      published: { level: 'published', versionId: id },
    };
    if (fields.expand) out.fields = project(Object.fromEntries(Object.entries(parseJson<FieldValues>(v.fields)).map(([k, value]) => [k, constant(value)])), fields.select, () => false);
    return out;
  };
  return [one({ version: item.version, fields: item.fields, modified_at: item.modified_at, modified_by: item.modified_by }), ...earlier.map(one)];
}
