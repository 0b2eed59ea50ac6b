// List views on SQLite (table list_views, made in db.ts): each list's public
// views and people's personal ones, the fields each shows, its CAML query, row
// limit and paging, and which one is the default. A list gets SharePoint's
// "All Items" (Title only) the first time its views are asked for: columns a
// client adds through Graph or REST are not added to any view, as users
// report of SharePoint (vgrem/office365-rest-python-client#180).
import { randomUUID } from 'node:crypto';
import type { Db } from './db';
import { SITE_PATH } from './render';
import { compileQuery, type FieldInfo, type FieldValue } from './caml';
import { parseJson, type ItemRow, type ListRow, type StoredColumn, type StoredIdentity } from './store';

export interface ListView {
  readonly id: string;
  readonly listId: string;
  readonly title: string;
  /** The view's page in the list's folder, e.g. AllItems.aspx. */
  readonly file: string;
  readonly query: string;
  readonly fields: readonly string[];
  readonly rowLimit: number;
  readonly paged: boolean;
  readonly isDefault: boolean;
  /** Whose personal view this is; null for a public view. */
  readonly ownerId: string | null;
}

interface ViewRow {
  list_id: string; id: string; title: string; url: string; query: string; fields: string; row_limit: number; paged: number; is_default: number; owner_id: string | null; position: number;
}

const toView = (r: ViewRow): ListView => ({
  id: r.id, listId: r.list_id, title: r.title, file: r.url, query: r.query, fields: parseJson<string[]>(r.fields),
  rowLimit: r.row_limit, paged: r.paged === 1, isDefault: r.is_default === 1, ownerId: r.owner_id,
});

/** SharePoint's own fields a view can show besides the list's columns, as SharePoint titles them. */
const BUILT_IN_FIELDS: readonly FieldInfo[] = [
  { name: 'ID', title: 'ID', kind: 'counter' },
  { name: 'LinkTitle', title: 'Title', kind: 'text' },
  { name: 'LinkTitleNoMenu', title: 'Title', kind: 'text' },
  { name: 'Created', title: 'Created', kind: 'dateTime' },
  { name: 'Modified', title: 'Modified', kind: 'dateTime' },
  { name: 'Author', title: 'Created By', kind: 'user' },
  { name: 'Editor', title: 'Modified By', kind: 'user' },
  { name: '_UIVersionString', title: 'Version', kind: 'text' },
];

/** Every field a view of the list can name: its columns (Title among them) and SharePoint's own. */
export function viewableFields(columns: readonly StoredColumn[]): FieldInfo[] {
  const own = columns.map((c): FieldInfo => ({
    name: c.name, title: c.displayName ?? c.name,
    kind: c.boolean ? 'boolean' : c.number || c.currency ? 'number' : c.dateTime ? 'dateTime' : c.personOrGroup ? 'user' : 'text',
  }));
  return [...own, ...BUILT_IN_FIELDS.filter((b) => !own.some((o) => o.name.toLowerCase() === b.name.toLowerCase()))];
}

/** One item's value of a field, as a view shows and queries it. */
export function itemValue(row: ItemRow, field: FieldInfo): FieldValue {
  const person = (json: string): FieldValue => {
    const who = parseJson<StoredIdentity>(json);
    return { lookupId: who.lookupId, name: who.user.displayName };
  };
  switch (field.name) {
    case 'ID': return row.id;
    case 'Created': return row.created_at;
    case 'Modified': return row.modified_at;
    case 'Author': return person(row.created_by);
    case 'Editor': return person(row.modified_by);
    case '_UIVersionString': return `${row.version}.0`;
    case 'LinkTitle':
    case 'LinkTitleNoMenu': return itemValue(row, { ...field, name: 'Title' });
  }
  const value = parseJson<Record<string, unknown>>(row.fields)[field.name];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/** A view's page name from its title, as SharePoint makes one: letters and digits only, made unique in the list. */
function fileName(title: string, taken: ReadonlySet<string>): string {
  const base = title.replace(/[^A-Za-z0-9]/g, '') || 'View';
  for (let n = 0; ; n++) {
    const file = `${base}${n || ''}.aspx`;
    if (!taken.has(file.toLowerCase())) return file;
  }
}

export interface NewListView {
  readonly title: string;
  readonly fields: readonly string[];
  readonly query: string;
  readonly rowLimit: number;
  readonly paged: boolean;
  readonly setAsDefault: boolean;
  readonly ownerId: string | null;
}

export class ViewStore {
  constructor(private readonly db: Db) {}

  /** The list's folder URL, where its view pages live. */
  static folder(list: ListRow): string {
    return `${SITE_PATH}/Lists/${list.name}`;
  }

  private rows(listId: string): ListView[] {
    return (this.db.prepare('SELECT * FROM list_views WHERE list_id = ? ORDER BY position').all(listId) as ViewRow[]).map(toView);
  }

  /** The public views and the viewer's personal ones, in the order they were made; "All Items" is made the first time. */
  views(list: ListRow, viewerId: string): ListView[] {
    let all = this.rows(list.id);
    if (all.length === 0) {
      this.insert(list, { title: 'All Items', fields: ['LinkTitle'], query: '<OrderBy><FieldRef Name="ID"/></OrderBy>', rowLimit: 30, paged: true, setAsDefault: true, ownerId: null }, 'AllItems.aspx');
      all = this.rows(list.id);
    }
    return all.filter((v) => v.ownerId === null || v.ownerId === viewerId);
  }

  find(list: ListRow, viewerId: string, by: { id: string } | { title: string } | { file: string }): ListView | undefined {
    return this.views(list, viewerId).find((v) => ('id' in by ? v.id.toLowerCase() === by.id.replace(/^\{|\}$/g, '').toLowerCase()
      : 'title' in by ? v.title === by.title
        : v.file.toLowerCase() === by.file.toLowerCase()));
  }

  defaultView(list: ListRow, viewerId: string): ListView {
    const views = this.views(list, viewerId);
    return views.find((v) => v.isDefault) ?? views[0]!;
  }

  add(list: ListRow, input: NewListView): ListView {
    this.views(list, input.ownerId ?? '');
    const taken = new Set(this.rows(list.id).map((v) => v.file.toLowerCase()));
    return this.insert(list, input, fileName(input.title, taken));
  }

  private insert(list: ListRow, input: NewListView, file: string): ListView {
    const id = randomUUID();
    const position = Number(this.db.prepare('SELECT coalesce(max(position), 0) + 1 FROM list_views WHERE list_id = ?').pluck().get(list.id));
    this.db.prepare(`INSERT INTO list_views (list_id, id, title, url, query, fields, row_limit, paged, is_default, owner_id, position)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`).run(list.id, id, input.title, file, input.query, JSON.stringify(input.fields), input.rowLimit, input.paged ? 1 : 0, input.ownerId, position);
    if (input.setAsDefault) this.makeDefault(list, id);
    return this.rows(list.id).find((v) => v.id === id)!;
  }

  /** One default per list: making a view the default unmakes the last one. */
  private makeDefault(list: ListRow, id: string): void {
    this.db.prepare('UPDATE list_views SET is_default = (id = ?) WHERE list_id = ? AND owner_id IS NULL').run(id, list.id);
  }

  update(list: ListRow, id: string, changes: { title?: string; query?: string; rowLimit?: number; paged?: boolean; makeDefault?: boolean }): ListView {
    const current = this.rows(list.id).find((v) => v.id === id)!;
    this.db.prepare('UPDATE list_views SET title = ?, query = ?, row_limit = ?, paged = ? WHERE list_id = ? AND id = ?').run(
      changes.title ?? current.title, changes.query ?? current.query, changes.rowLimit ?? current.rowLimit,
      (changes.paged ?? current.paged) ? 1 : 0, list.id, id);
    if (changes.makeDefault) this.makeDefault(list, id);
    return this.rows(list.id).find((v) => v.id === id)!;
  }

  remove(list: ListRow, id: string): void {
    this.db.prepare('DELETE FROM list_views WHERE list_id = ? AND id = ?').run(list.id, id);
  }

  setFields(list: ListRow, id: string, fields: readonly string[]): void {
    this.db.prepare('UPDATE list_views SET fields = ? WHERE list_id = ? AND id = ?').run(JSON.stringify(fields), list.id, id);
  }
}

/** Checks a query against the list's fields; throws CamlError naming the problem. */
export function checkQuery(query: string, columns: readonly StoredColumn[]): void {
  compileQuery(query, viewableFields(columns));
}
