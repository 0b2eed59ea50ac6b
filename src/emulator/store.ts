// SharePoint lists, columns and items on SQLite, with the SharePoint behaviours
// AUP Guard relies on: unique columns, indexed-column filtering and the 5,000
// item threshold, item permissions and item-level security, eTags, version
// history and a change log for delta.
// Field values live in one JSON column; each indexed column gets a SQLite
// expression index on json_extract, so filters on it stay fast at scale.
import { randomUUID } from 'node:crypto';
import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import { nowIso, type Db } from './db';
import { toSql, ODataSyntaxError, normaliseDateTime, type FilterExpr } from './odata/filter';
import type { OrderBy } from './odata/query';
import { GraphHttpError, accessDenied, invalidRequest, notFound } from './http';
import { PermissionKind, hasPermission, type PermissionKindValue } from '../graph/permissions';

/** SharePoint's list view threshold. */
export const LIST_VIEW_THRESHOLD = 5000;
export const PREFER_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

export interface ListRow {
  readonly id: string;
  readonly display_name: string;
  readonly name: string;
  readonly description: string;
  readonly template: string;
  readonly created_at: string;
  readonly modified_at: string;
  readonly created_by: string;
  readonly read_security: number;
  readonly write_security: number;
  readonly versioning: number;
  /** 1 once the list's permission inheritance is broken. */
  readonly unique_perms: number;
}

/**
 * What the caller may do with a list's items: their effective permissions on the list (already
 * capped by the token's scopes) and who they are, for the items they created.
 */
export interface ItemAccess {
  readonly userId: string;
  readonly mask: bigint;
}

/** Earlier states of an item, newest first; the current one is the item itself. */
export interface VersionRow {
  readonly version: number;
  readonly fields: string;
  readonly modified_at: string;
  readonly modified_by: string;
}

export interface StoredColumn extends ColumnDefinition {
  readonly id: string;
  readonly name: string;
}

export interface ItemRow {
  readonly list_id: string;
  readonly id: number;
  readonly guid: string;
  readonly version: number;
  readonly fields: string;
  readonly created_at: string;
  readonly modified_at: string;
  readonly author_id: string;
  readonly created_by: string;
  readonly modified_by: string;
  readonly change_seq: number;
}

export interface TombstoneRow {
  readonly list_id: string;
  readonly id: number;
  readonly change_seq: number;
}

/** identitySet plus the user's SharePoint lookup id, kept with each item. */
export interface StoredIdentity {
  readonly user: { readonly id: string; readonly displayName: string; readonly email: string };
  readonly lookupId: number;
}

export type FieldValues = Record<string, unknown>;

const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Fields SharePoint computes; a client may send them back (for example after a GET) but never sets them.
const READ_ONLY_FIELDS = new Set(
  ['id', 'Created', 'Modified', 'Author', 'Editor', 'AuthorLookupId', 'EditorLookupId', 'ContentType', '_UIVersionString',
    'Attachments', 'Edit', 'LinkTitle', 'LinkTitleNoMenu', 'ItemChildCount', 'FolderChildCount', 'DocIcon', '_ComplianceFlags',
    '_ComplianceTag', '_ComplianceTagWrittenTime', '_ComplianceTagUserId', 'AppAuthorLookupId', 'AppEditorLookupId'].map((n) => n.toLowerCase()),
);
const COLUMN_TYPES = ['text', 'boolean', 'number', 'dateTime', 'choice', 'currency', 'personOrGroup', 'lookup', 'hyperlinkOrPicture', 'calculated'] as const;

export const TITLE_COLUMN: ColumnDefinition = {
  name: 'Title', displayName: 'Title', required: true, indexed: false, enforceUniqueValues: false,
  text: { allowMultipleLines: false, maxLength: 255 },
};

export function fieldPath(name: string): string {
  // Safe to inline: names are checked against COLUMN_NAME when columns are created.
  return `json_extract(fields, '$.${name}')`;
}

export const parseJson = <T>(text: string): T => JSON.parse(text) as T;

export function etagOf(row: Pick<ItemRow, 'guid' | 'version'>): string {
  return `"${row.guid},${row.version}"`;
}

/** Accepts `"guid,1"`, `"{GUID},1"`, `W/"…"` and `*`. */
export function etagMatches(ifMatch: string, row: Pick<ItemRow, 'guid' | 'version'>): boolean {
  return splitEtags(ifMatch).some((tag) => {
    if (tag === '*') return true;
    const m = /^(?:W\/)?"?\{?([0-9a-fA-F-]{36})\}?,(\d+)"?$/.exec(tag);
    return m !== null && m[1]!.toLowerCase() === row.guid.toLowerCase() && Number(m[2]) === row.version;
  });
}

function splitEtags(header: string): string[] {
  // A single tag contains a comma itself ("guid,version"), so split only between quoted tags.
  const tags = header.match(/(?:W\/)?"[^"]*"|\*/g);
  return tags ?? [header.trim()];
}

export interface ItemQuery {
  readonly filter?: FilterExpr;
  readonly orderBy: readonly OrderBy[];
  readonly top: number;
  /**
   * Where the page starts: after an item id (keyset, for the default id order, so
   * page 10 is an index seek rather than a scan of the nine before it), or an
   * offset, for an explicit $orderby.
   */
  readonly from?: { readonly afterId: number } | { readonly skip: number };
  readonly honorNonIndexed: boolean;
}

export class ListStore {
  constructor(private readonly db: Db) {
    // Data files from before the indexes ignored case get the NOCASE ones now (idempotent).
    for (const list of this.allLists()) for (const c of this.columns(list.id)) if (c.indexed) this.ensureIndex(c.name);
  }

  private nextSeq(): number {
    return Number(this.db.prepare("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_seq' RETURNING value").pluck().get());
  }

  currentSeq(): number {
    return Number(this.db.prepare("SELECT value FROM meta WHERE key = 'change_seq'").pluck().get());
  }

  // ---- lists -----------------------------------------------------------------

  allLists(): ListRow[] {
    return this.db.prepare('SELECT * FROM lists ORDER BY created_at, display_name').all() as ListRow[];
  }

  /** By GUID (with or without braces) or by display name, as Graph allows. */
  findList(idOrName: string): ListRow | undefined {
    const id = idOrName.replace(/^\{|\}$/g, '');
    return (this.db.prepare('SELECT * FROM lists WHERE id = ? COLLATE NOCASE OR display_name = ?').get(id, idOrName) as ListRow | undefined);
  }

  getList(idOrName: string): ListRow {
    const list = this.findList(idOrName);
    if (!list) throw notFound(`List '${idOrName}' does not exist at site.`);
    return list;
  }

  createList(input: { displayName: string; description?: string; template?: string; columns?: readonly ColumnDefinition[] }, by: StoredIdentity): ListRow {
    const displayName = input.displayName.trim();
    if (!displayName) throw invalidRequest('A list needs a displayName.');
    if (this.findList(displayName)) throw new GraphHttpError(409, 'nameAlreadyExists', 'The specified name is already in use.');
    const id = randomUUID();
    const now = nowIso();
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO lists (id, display_name, name, description, template, created_at, modified_at, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(id, displayName, displayName.replace(/[^A-Za-z0-9]/g, ''), input.description ?? '',
        input.template ?? 'genericList', now, now, JSON.stringify(by));
      this.addColumn(id, TITLE_COLUMN);
      for (const col of input.columns ?? []) this.addColumn(id, col);
    })();
    return this.getList(id);
  }

  setListProperties(listId: string, props: { readSecurity?: number; writeSecurity?: number; versioning?: boolean }): void {
    const list = this.getList(listId);
    this.db.prepare('UPDATE lists SET read_security = ?, write_security = ?, versioning = ?, modified_at = ? WHERE id = ?').run(
      props.readSecurity ?? list.read_security, props.writeSecurity ?? list.write_security,
      props.versioning === undefined ? list.versioning : props.versioning ? 1 : 0, nowIso(), list.id);
  }

  itemCount(listId: string): number {
    return Number(this.db.prepare('SELECT count(*) FROM items WHERE list_id = ?').pluck().get(listId));
  }

  // ---- columns ---------------------------------------------------------------

  columns(listId: string): StoredColumn[] {
    return (this.db.prepare('SELECT definition FROM columns WHERE list_id = ? ORDER BY position').pluck().all(listId) as string[]).map((d) => parseJson<StoredColumn>(d));
  }

  findColumn(listId: string, idOrName: string): StoredColumn | undefined {
    const def = this.db.prepare('SELECT definition FROM columns WHERE list_id = ? AND (id = ? COLLATE NOCASE OR name = ?)').pluck().get(listId, idOrName, idOrName) as string | undefined;
    return def === undefined ? undefined : parseJson<StoredColumn>(def);
  }

  addColumn(listId: string, input: ColumnDefinition): StoredColumn {
    const name = input.name ?? '';
    if (!COLUMN_NAME.test(name)) throw invalidRequest(`'${name}' is not a valid column name: use letters, digits and underscores, starting with a letter.`);
    if (this.findColumn(listId, name)) throw new GraphHttpError(409, 'nameAlreadyExists', `A duplicate field name "${name}" was found.`);
    const types = COLUMN_TYPES.filter((t) => input[t] !== undefined && input[t] !== null);
    if (types.length > 1) throw invalidRequest(`Column '${name}' names more than one type (${types.join(', ')}).`);
    const column: StoredColumn = {
      columnGroup: 'Custom Columns',
      description: '',
      displayName: name,
      hidden: false,
      readOnly: false,
      required: false,
      ...input,
      // SharePoint indexes a column when it is made unique.
      indexed: Boolean(input.indexed || input.enforceUniqueValues),
      enforceUniqueValues: Boolean(input.enforceUniqueValues),
      ...(types.length === 0 ? { text: { allowMultipleLines: false, maxLength: 255 } } : {}),
      id: randomUUID(),
      name,
    };
    const position = Number(this.db.prepare('SELECT coalesce(max(position), 0) + 1 FROM columns WHERE list_id = ?').pluck().get(listId));
    this.db.prepare('INSERT INTO columns (list_id, id, name, position, definition) VALUES (?, ?, ?, ?, ?)').run(listId, column.id, name, position, JSON.stringify(column));
    if (column.indexed) this.ensureIndex(name);
    return column;
  }

  updateColumn(listId: string, idOrName: string, patch: ColumnDefinition): StoredColumn {
    const current = this.findColumn(listId, idOrName);
    if (!current) throw notFound(`Column '${idOrName}' does not exist.`);
    const { id: _id, name: _name, ...rest } = patch;
    const next: StoredColumn = { ...current, ...rest, id: current.id, name: current.name };
    const indexed = Boolean(next.indexed || next.enforceUniqueValues);
    const updated: StoredColumn = { ...next, indexed };
    this.db.prepare('UPDATE columns SET definition = ? WHERE list_id = ? AND id = ?').run(JSON.stringify(updated), listId, current.id);
    if (indexed) this.ensureIndex(current.name);
    return updated;
  }

  private ensureIndex(name: string): void {
    // NOCASE, as filters and unique checks compare text (SharePoint ignores case), and ending in
    // id, so `eq` plus the default id order (and the keyset cursor) is one index range with no
    // sort: without id, SQLite preferred walking the primary key and parsing every item's JSON.
    // Files made before either change have an index that cannot serve that: replace it.
    this.db.exec(`DROP INDEX IF EXISTS "ix_items_${name}"; DROP INDEX IF EXISTS "ix_items_nocase_${name}";
      CREATE INDEX IF NOT EXISTS "ix_items_by_${name}" ON items (list_id, ${fieldPath(name)} COLLATE NOCASE, id)`);
  }

  // ---- item values -----------------------------------------------------------

  /** Checks and normalises client-supplied field values against the list's columns. */
  private normaliseFields(listId: string, input: Record<string, unknown>): FieldValues {
    const columns = new Map(this.columns(listId).map((c) => [c.name, c]));
    const out: FieldValues = {};
    for (const [key, value] of Object.entries(input)) {
      if (key.includes('@odata') || READ_ONLY_FIELDS.has(key.toLowerCase())) continue;
      const column = columns.get(key);
      if (!column) throw invalidRequest(`Field '${key}' is not recognized`);
      if (column.readOnly) continue;
      out[key] = value === null ? null : checkValue(column, value);
    }
    return out;
  }

  private assertUnique(listId: string, values: FieldValues, exceptId: number | null): void {
    for (const column of this.columns(listId)) {
      if (!column.enforceUniqueValues) continue;
      const value = values[column.name];
      if (value === undefined || value === null || value === '') continue;
      // 'ABC' and 'abc' clash in SharePoint, as they do here.
      const clash = this.db.prepare(`SELECT id FROM items WHERE list_id = ? AND ${fieldPath(column.name)} = ? COLLATE NOCASE AND id IS NOT ? LIMIT 1`)
        .pluck().get(listId, typeof value === 'boolean' ? Number(value) : value, exceptId);
      if (clash !== undefined) {
        throw new GraphHttpError(409, 'nameAlreadyExists',
          `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${column.name}].`);
      }
    }
  }

  // ---- items -----------------------------------------------------------------

  /**
   * Whose items the caller may read: everyone's, or (ReadSecurity 2) only their own, unless they
   * hold Override List Behaviors (CancelCheckout), which reads past it. Without View Items: none.
   */
  private visibleTo(list: ListRow, access: ItemAccess): string | null {
    if (!hasPermission(access.mask, PermissionKind.ViewListItems)) throw accessDenied();
    return list.read_security === 2 && !hasPermission(access.mask, PermissionKind.CancelCheckout) ? access.userId : null;
  }

  queryItems(list: ListRow, access: ItemAccess, q: ItemQuery): { rows: ItemRow[]; more: boolean } {
    const { sql, params } = this.itemQuery(list, access, q);
    const rows = this.db.prepare(sql).all(...params) as ItemRow[];
    const more = rows.length > q.top;
    return { rows: more ? rows.slice(0, q.top) : rows, more };
  }

  /** The SQL behind queryItems (which asks for one row more than a page, to know whether more remain); tests read its plan. */
  itemQuery(list: ListRow, access: ItemAccess, q: ItemQuery): { sql: string; params: unknown[] } {
    const columns = new Map(this.columns(list.id).map((c) => [c.name, c]));
    const nonIndexed: string[] = [];
    const resolve = (segments: readonly string[]): string => {
      const [head, name, ...extra] = segments;
      if (segments.length === 1 && head === 'id') return 'id';
      if (segments.length === 1 && head === 'createdDateTime') return note('Created', 'created_at');
      if (segments.length === 1 && head === 'lastModifiedDateTime') return note('Modified', 'modified_at');
      if (head !== 'fields' || name === undefined || extra.length > 0) {
        throw new ODataSyntaxError(`Property '${segments.join('/')}' cannot be used here; filter on fields/<column name>.`);
      }
      if (name === 'id' || name === 'ID') return 'id';
      if (name === 'Created') return note('Created', 'created_at');
      if (name === 'Modified') return note('Modified', 'modified_at');
      const column = columns.get(name);
      if (!column) throw new ODataSyntaxError(`Field '${name}' does not exist in list '${list.display_name}'.`);
      if (!column.indexed) nonIndexed.push(name);
      return fieldPath(name);
    };
    function note(name: string, sql: string): string {
      nonIndexed.push(name);
      return sql;
    }
    const where: string[] = ['list_id = ?'];
    const params: unknown[] = [list.id];
    const owner = this.visibleTo(list, access);
    if (owner) {
      where.push('author_id = ?');
      params.push(owner);
    }
    if (q.filter) {
      const frag = toSql(q.filter, resolve);
      where.push(frag.sql);
      params.push(...frag.params);
    }
    const order = q.orderBy.map((o) => `${resolve(o.segments)} COLLATE NOCASE ${o.descending ? 'DESC' : 'ASC'}`);
    order.push('id ASC');
    if (nonIndexed.length > 0) this.assertNonIndexedAllowed(list, [...new Set(nonIndexed)], q.honorNonIndexed);
    let skip = 0;
    if (q.from && 'afterId' in q.from) {
      if (q.orderBy.length > 0) throw new ODataSyntaxError('An id cursor pages only the default order.');
      where.push('id > ?');
      params.push(q.from.afterId);
    } else if (q.from) {
      skip = q.from.skip;
    }
    return { sql: `SELECT * FROM items WHERE ${where.join(' AND ')} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`, params: [...params, q.top + 1, skip] };
  }

  private assertNonIndexedAllowed(list: ListRow, names: readonly string[], honor: boolean): void {
    const name = names[0]!;
    if (!honor) {
      throw invalidRequest(`Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${PREFER_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`);
    }
    // Past the threshold SharePoint refuses to scan, Prefer header or not.
    if (this.itemCount(list.id) > LIST_VIEW_THRESHOLD) {
      throw invalidRequest(`The request is unprocessable because it uses the non-indexed field '${name}' on a list with more than ${LIST_VIEW_THRESHOLD} items (the list view threshold). Index the column.`);
    }
  }

  /** The item if the caller may read it; 404 otherwise, as SharePoint hides items it will not show. */
  getItem(list: ListRow, id: string, access: ItemAccess): ItemRow {
    if (!/^\d+$/.test(id)) throw notFound('The requested item does not exist.');
    const owner = this.visibleTo(list, access);
    const row = this.db.prepare('SELECT * FROM items WHERE list_id = ? AND id = ?').get(list.id, Number(id)) as ItemRow | undefined;
    if (!row || (owner !== null && row.author_id !== owner)) throw notFound('The requested item does not exist. It may have been deleted by another user.');
    return row;
  }

  /**
   * Adding, editing or deleting needs its permission (Add, Edit or Delete Items), then the list's
   * WriteSecurity: 2, only one's own items; 4, none at all. Override List Behaviors passes both.
   */
  private assertMayWrite(list: ListRow, row: ItemRow | null, access: ItemAccess, needed: PermissionKindValue): void {
    if (!hasPermission(access.mask, needed)) throw accessDenied();
    if (hasPermission(access.mask, PermissionKind.CancelCheckout)) return;
    if (list.write_security === 4) throw accessDenied();
    if (row && list.write_security === 2 && row.author_id !== access.userId) throw accessDenied();
  }

  createItem(list: ListRow, input: Record<string, unknown>, access: ItemAccess, by: StoredIdentity): ItemRow {
    return this.db.transaction(() => {
      this.assertMayWrite(list, null, access, PermissionKind.AddListItems);
      const fields = dropNulls(this.normaliseFields(list.id, input));
      this.assertUnique(list.id, fields, null);
      const id = Number(this.db.prepare('UPDATE lists SET next_item_id = next_item_id + 1 WHERE id = ? RETURNING next_item_id - 1').pluck().get(list.id));
      const now = nowIso();
      const identity = JSON.stringify(by);
      this.db.prepare(`INSERT INTO items (list_id, id, guid, version, fields, created_at, modified_at, author_id, created_by, modified_by, change_seq)
        VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`).run(list.id, id, randomUUID(), JSON.stringify(fields), now, now, by.user.id, identity, identity, this.nextSeq());
      return this.db.prepare('SELECT * FROM items WHERE list_id = ? AND id = ?').get(list.id, id) as ItemRow;
    })();
  }

  updateItem(list: ListRow, id: string, input: Record<string, unknown>, access: ItemAccess, by: StoredIdentity, ifMatch: string | undefined): ItemRow {
    return this.db.transaction(() => {
      const row = this.getItem(list, id, access);
      this.assertMayWrite(list, row, access, PermissionKind.EditListItems);
      if (ifMatch !== undefined && !etagMatches(ifMatch, row)) {
        throw new GraphHttpError(412, 'resourceModified', 'The resource has changed since the caller last read it; usually an eTag mismatch');
      }
      const merged = dropNulls({ ...parseJson<FieldValues>(row.fields), ...this.normaliseFields(list.id, input) });
      this.assertUnique(list.id, merged, row.id);
      if (list.versioning === 1) {
        // The state being replaced becomes history, as SharePoint keeps each major version.
        this.db.prepare('INSERT OR REPLACE INTO item_versions (list_id, item_id, version, fields, modified_at, modified_by) VALUES (?, ?, ?, ?, ?, ?)')
          .run(list.id, row.id, row.version, row.fields, row.modified_at, row.modified_by);
      }
      this.db.prepare('UPDATE items SET fields = ?, version = version + 1, modified_at = ?, modified_by = ?, change_seq = ? WHERE list_id = ? AND id = ?')
        .run(JSON.stringify(merged), nowIso(), JSON.stringify(by), this.nextSeq(), list.id, row.id);
      return this.db.prepare('SELECT * FROM items WHERE list_id = ? AND id = ?').get(list.id, row.id) as ItemRow;
    })();
  }

  deleteItem(list: ListRow, id: string, access: ItemAccess, ifMatch: string | undefined): void {
    this.db.transaction(() => {
      const row = this.getItem(list, id, access);
      this.assertMayWrite(list, row, access, PermissionKind.DeleteListItems);
      if (ifMatch !== undefined && !etagMatches(ifMatch, row)) {
        throw new GraphHttpError(412, 'resourceModified', 'The resource has changed since the caller last read it; usually an eTag mismatch');
      }
      this.db.prepare('DELETE FROM items WHERE list_id = ? AND id = ?').run(list.id, row.id);
      this.db.prepare('DELETE FROM item_versions WHERE list_id = ? AND item_id = ?').run(list.id, row.id);
      this.db.prepare('INSERT INTO tombstones (list_id, id, author_id, change_seq) VALUES (?, ?, ?, ?)').run(list.id, row.id, row.author_id, this.nextSeq());
    })();
  }

  /** The item's earlier versions, newest first, if the caller may read the item and its versions (View Versions). */
  versions(list: ListRow, id: string, access: ItemAccess): { item: ItemRow; earlier: VersionRow[] } {
    const item = this.getItem(list, id, access);
    if (!hasPermission(access.mask, PermissionKind.ViewVersions)) throw accessDenied();
    const earlier = this.db.prepare('SELECT version, fields, modified_at, modified_by FROM item_versions WHERE list_id = ? AND item_id = ? AND version < ? ORDER BY version DESC')
      .all(list.id, item.id, item.version) as VersionRow[];
    return { item, earlier };
  }

  /** Changes with since < change_seq <= upto, oldest first; deletions only after the initial enumeration. */
  changes(list: ListRow, access: ItemAccess, since: number, upto: number, includeDeleted: boolean, top: number): { rows: (ItemRow | TombstoneRow)[]; more: boolean } {
    const owner = this.visibleTo(list, access);
    const ownerSql = owner ? ' AND author_id = ?' : '';
    const ownerParams = owner ? [owner] : [];
    const items = `SELECT list_id, id, guid, version, fields, created_at, modified_at, author_id, created_by, modified_by, change_seq, 0 AS deleted
      FROM items WHERE list_id = ? AND change_seq > ? AND change_seq <= ?${ownerSql}`;
    const dead = `SELECT list_id, id, NULL, NULL, NULL, NULL, NULL, author_id, NULL, NULL, change_seq, 1 AS deleted
      FROM tombstones WHERE list_id = ? AND change_seq > ? AND change_seq <= ?${ownerSql}`;
    const sql = includeDeleted ? `${items} UNION ALL ${dead} ORDER BY change_seq LIMIT ?` : `${items} ORDER BY change_seq LIMIT ?`;
    const params = includeDeleted
      ? [list.id, since, upto, ...ownerParams, list.id, since, upto, ...ownerParams, top + 1]
      : [list.id, since, upto, ...ownerParams, top + 1];
    const rows = (this.db.prepare(sql).all(...params) as (ItemRow & { deleted: number })[]).map((r) =>
      r.deleted ? ({ list_id: r.list_id, id: r.id, change_seq: r.change_seq } satisfies TombstoneRow) : r);
    const more = rows.length > top;
    return { rows: more ? rows.slice(0, top) : rows, more };
  }
}

export const isTombstone = (row: ItemRow | TombstoneRow): row is TombstoneRow => !('guid' in row);

function dropNulls(values: FieldValues): FieldValues {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined));
}

function checkValue(column: StoredColumn, value: unknown): unknown {
  const bad = (expected: string): GraphHttpError =>
    invalidRequest(`Invalid value for field '${column.name}': expected ${expected}, got ${JSON.stringify(value)}.`);
  if (column.boolean) {
    if (typeof value !== 'boolean') throw bad('true or false');
    return value;
  }
  if (column.number || column.currency) {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw bad('a number');
    return value;
  }
  if (column.dateTime) {
    if (typeof value !== 'string') throw bad('an ISO 8601 date-time');
    try {
      return normaliseDateTime(value);
    } catch {
      throw bad('an ISO 8601 date-time');
    }
  }
  if (column.choice) {
    if (typeof value !== 'string') throw bad('a string');
    const choices = column.choice.choices ?? [];
    if (!column.choice.allowTextEntry && !choices.includes(value)) throw bad(`one of ${choices.map((c) => `'${c}'`).join(', ')}`);
    return value;
  }
  if (column.text) {
    if (typeof value !== 'string') throw bad('a string');
    const max = column.text.allowMultipleLines ? Number.POSITIVE_INFINITY : column.text.maxLength ?? 255;
    if (value.length > max) throw invalidRequest(`The value of field '${column.name}' is longer than its limit of ${max} characters.`);
    return value;
  }
  return value;
}
