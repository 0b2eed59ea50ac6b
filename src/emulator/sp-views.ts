// SharePoint REST for list views: `…/lists(guid'…')/views`, `views/add`,
// `views/getbytitle('…')`, `views/getbyid('…')` (or `views('…')`),
// `DefaultView`, MERGE (and DELETE) on a view, and its ViewFields
// (`addviewfield`, `removeviewfield`, `removeallviewfields`, `moveviewfieldto`).
// Authorised as SharePoint describes its permissions: reading views needs View
// Items on the list; a public view is added, changed or deleted with Manage
// Lists ("add or remove public views of a list"), a personal one by its owner
// with Manage Personal Views ("create, change, and delete personal views of
// lists"), PermissionKind on learn.microsoft.com.
import { json, noContent, type EmuReply, type EmuRequest, type Principal } from './http';
import { CamlError } from './caml';
import { collection, denied, entity, nullBody, spError, unquote } from './sp-odata';
import type { ListRow, ListStore } from './store';
import { checkQuery, viewableFields, ViewStore, type ListView } from './views';
import { PermissionKind, hasPermission } from '../graph/permissions';

/** The parts of a SharePoint REST request the view routes need. */
export interface ViewCall {
  readonly req: EmuRequest;
  readonly method: string;
  readonly verbose: boolean;
  readonly body: Record<string, unknown>;
  readonly principal: Principal;
  /** The caller's permissions on the list, capped by the token's scope. */
  readonly mask: bigint;
}

const QUOTED = "'((?:[^']|'')*)'";
const ONE_VIEW = new RegExp(`^/(?:views/getbytitle\\(${QUOTED}\\)|views/getbyid\\((?:guid)?${QUOTED}\\)|views\\((?:guid)?${QUOTED}\\)|(defaultview))(.*)$`, 'i');
const FIELD_CALL = new RegExp(`^/viewfields/(addviewfield|removeviewfield)\\(${QUOTED}\\)$`, 'i');
/** SharePoint's ceiling for RowLimit (a UInt32 it keeps below Int32.MaxValue). */
const MAX_ROW_LIMIT = 2_147_483_647;

export class ViewRoutes {
  readonly views: ViewStore;

  constructor(private readonly store: ListStore, views: ViewStore) {
    this.views = views;
  }

  /** Whether this part of a list's path is about views. */
  static handles(rest: string): boolean {
    return /^\/(views|defaultview)(\/|\(|$)/i.test(rest);
  }

  dispatch(call: ViewCall, list: ListRow, rest: string): EmuReply {
    // Reading a view's definition needs View Items, as reading through it does.
    if (!hasPermission(call.mask, PermissionKind.ViewListItems)) throw denied();
    const lower = rest.toLowerCase();
    const viewer = call.principal.oid;
    if (lower === '/views' && call.method === 'GET') {
      const expand = (call.req.query.get('$expand') ?? '').toLowerCase().split(',').map((s) => s.trim()).includes('viewfields');
      return json(collection(this.views.views(list, viewer).map((v) => this.props(list, v, expand, call.verbose)), call.verbose, 'SP.View'));
    }
    if (lower === '/views/add' && call.method === 'POST') return this.add(call, list);
    const one = ONE_VIEW.exec(rest);
    if (!one) throw spError(404, `The REST path '${rest}' on a list is not supported by the emulator.`, 'System.ArgumentException');
    const [, title, byIdA, byIdB, isDefault, sub = ''] = one;
    const id = byIdA ?? byIdB;
    const view = isDefault ? this.views.defaultView(list, viewer)
      : title !== undefined ? this.views.find(list, viewer, { title: unquote(title) })
        : this.views.find(list, viewer, { id: unquote(id!) });
    if (!view) throw spError(404, 'The specified view is invalid.', 'System.ArgumentException');
    return this.viewCall(call, list, view, sub);
  }

  private viewCall(call: ViewCall, list: ListRow, view: ListView, sub: string): EmuReply {
    const lower = sub.toLowerCase();
    const { method, verbose } = call;
    if (lower === '' && method === 'GET') {
      const expand = (call.req.query.get('$expand') ?? '').toLowerCase().includes('viewfields');
      return json(entity(this.props(list, view, expand, verbose), verbose, 'SP.View'));
    }
    if (lower === '' && (method === 'MERGE' || method === 'PATCH')) return this.update(call, list, view);
    if (lower === '' && method === 'DELETE') {
      this.mayChange(call, view);
      if (view.isDefault) throw spError(400, 'The default view of a list cannot be deleted: make another view the default first.', 'Microsoft.SharePoint.SPException');
      this.views.remove(list, view.id);
      return noContent(200);
    }
    if (lower === '/viewfields' && method === 'GET') return json(this.fieldsBody(view.fields, verbose));
    if (!lower.startsWith('/viewfields/') || method !== 'POST') {
      throw spError(405, `The HTTP method '${method}' cannot be used on a view's '${sub || '/'}'.`, 'System.InvalidOperationException');
    }
    this.mayChange(call, view);
    if (lower === '/viewfields/removeallviewfields' || lower === '/viewfields/removeall') {
      this.views.setFields(list, view.id, []);
      return json(nullBody(verbose, 'RemoveAllViewFields'));
    }
    if (lower === '/viewfields/moveviewfieldto') {
      const field = this.fieldName(list, call.body.field);
      const index = call.body.index;
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) throw spError(400, 'moveviewfieldto needs {"field": "<name>", "index": <position from 0>}.', 'System.ArgumentException');
      if (!view.fields.includes(field)) throw spError(400, `The field "${field}" is not in the view.`, 'System.ArgumentException');
      const rest = view.fields.filter((f) => f !== field);
      rest.splice(Math.min(index, rest.length), 0, field);
      this.views.setFields(list, view.id, rest);
      return json(nullBody(verbose, 'MoveViewFieldTo'));
    }
    const fieldCall = FIELD_CALL.exec(sub);
    if (!fieldCall) throw spError(404, `The REST path '${sub}' on a view is not supported by the emulator.`, 'System.ArgumentException');
    const field = this.fieldName(list, unquote(fieldCall[2]!));
    if (fieldCall[1]!.toLowerCase() === 'addviewfield') {
      // Adding a field the view already shows leaves it where it is.
      if (!view.fields.includes(field)) this.views.setFields(list, view.id, [...view.fields, field]);
      return json(nullBody(verbose, 'AddViewField'));
    }
    this.views.setFields(list, view.id, view.fields.filter((f) => f !== field));
    return json(nullBody(verbose, 'RemoveViewField'));
  }

  private add(call: ViewCall, list: ListRow): EmuReply {
    const b = call.body;
    const personal = b.PersonalView === true;
    this.need(call.mask, personal ? PermissionKind.ManagePersonalViews : PermissionKind.ManageLists);
    const title = typeof b.Title === 'string' ? b.Title.trim() : '';
    if (!title) throw spError(400, 'A view needs a Title.', 'System.ArgumentException');
    if (personal && b.SetAsDefaultView === true) throw spError(400, 'A personal view cannot be the default view.', 'Microsoft.SharePoint.SPException');
    const query = this.query(list, b.Query ?? '');
    const raw = b.ViewFields;
    const names = Array.isArray(raw) ? raw : Array.isArray((raw as { results?: unknown } | undefined)?.results) ? (raw as { results: unknown[] }).results : raw === undefined ? [] : null;
    if (names === null) throw spError(400, 'ViewFields must be a list of field names.', 'System.ArgumentException');
    const fields = [...new Set(names.map((n) => this.fieldName(list, n)))];
    const view = this.views.add(list, {
      title, fields, query, rowLimit: this.rowLimit(b.RowLimit) ?? 30, paged: b.Paged === undefined ? true : this.bool(b.Paged, 'Paged'),
      setAsDefault: b.SetAsDefaultView === true, ownerId: personal ? call.principal.oid : null,
    });
    return json(entity(this.props(list, view, false, call.verbose), call.verbose, 'SP.View'), 201);
  }

  private update(call: ViewCall, list: ListRow, view: ListView): EmuReply {
    this.mayChange(call, view);
    const b = call.body;
    if (b.DefaultView !== undefined) {
      const makeDefault = this.bool(b.DefaultView, 'DefaultView');
      if (makeDefault && view.ownerId !== null) throw spError(400, 'A personal view cannot be the default view.', 'Microsoft.SharePoint.SPException');
      if (!makeDefault && view.isDefault) throw spError(400, 'A list always has a default view: make another view the default instead.', 'Microsoft.SharePoint.SPException');
    }
    const title = b.Title === undefined ? undefined : typeof b.Title === 'string' && b.Title.trim() ? b.Title.trim() : null;
    if (title === null) throw spError(400, 'A view needs a Title.', 'System.ArgumentException');
    const rowLimit = this.rowLimit(b.RowLimit);
    this.views.update(list, view.id, {
      ...(title !== undefined ? { title } : {}),
      ...(b.ViewQuery !== undefined ? { query: this.query(list, b.ViewQuery) } : {}),
      ...(rowLimit !== undefined ? { rowLimit } : {}),
      ...(b.Paged !== undefined ? { paged: this.bool(b.Paged, 'Paged') } : {}),
      ...(b.DefaultView === true ? { makeDefault: true } : {}),
    });
    return noContent();
  }

  /** A public view needs Manage Lists; a personal one is its owner's, with Manage Personal Views. */
  private mayChange(call: ViewCall, view: ListView): void {
    if (view.ownerId === null) return this.need(call.mask, PermissionKind.ManageLists);
    if (view.ownerId !== call.principal.oid) throw denied();
    this.need(call.mask, PermissionKind.ManagePersonalViews);
  }

  private need(mask: bigint, kind: Parameters<typeof hasPermission>[1]): void {
    if (!hasPermission(mask, kind)) throw denied();
  }

  private query(list: ListRow, value: unknown): string {
    if (typeof value !== 'string') throw spError(400, 'The view query must be CAML text.', 'System.ArgumentException');
    try {
      checkQuery(value, this.store.columns(list.id));
    } catch (error) {
      if (error instanceof CamlError) throw spError(400, error.message, 'Microsoft.SharePoint.SPException');
      throw error;
    }
    return value;
  }

  /** A field by internal name (any case) or display name, as SharePoint accepts either; its internal name. */
  private fieldName(list: ListRow, value: unknown): string {
    const fields = viewableFields(this.store.columns(list.id));
    const name = typeof value === 'string' ? value : '';
    const found = fields.find((f) => f.name.toLowerCase() === name.toLowerCase()) ?? fields.find((f) => f.title === name);
    if (!found) throw spError(400, `The field "${name}" does not exist in the list "${list.display_name}".`, 'System.ArgumentException');
    return found.name;
  }

  private rowLimit(value: unknown): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_ROW_LIMIT) {
      throw spError(400, `RowLimit must be a whole number from 1 to ${MAX_ROW_LIMIT}.`, 'System.ArgumentException');
    }
    return value;
  }

  private bool(value: unknown, name: string): boolean {
    if (typeof value !== 'boolean') throw spError(400, `${name} must be true or false.`, 'System.ArgumentException');
    return value;
  }

  private fieldsBody(fields: readonly string[], verbose: boolean): unknown {
    const schema = schemaXml(fields);
    return verbose
      ? { d: { __metadata: { type: 'SP.ViewFieldCollection' }, Items: { __metadata: { type: 'Collection(Edm.String)' }, results: [...fields] }, SchemaXml: schema } }
      : { Items: [...fields], SchemaXml: schema };
  }

  private props(list: ListRow, v: ListView, expandFields: boolean, verboseNested: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {
      BaseViewId: '1', DefaultView: v.isDefault, Hidden: false, Id: v.id, MobileView: false, Paged: v.paged, PersonalView: v.ownerId !== null,
      ReadOnlyView: false, RowLimit: v.rowLimit, ServerRelativeUrl: `${ViewStore.folder(list)}/${v.file}`, Title: v.title, ViewQuery: v.query, ViewType: 'HTML',
    };
    if (expandFields) out.ViewFields = { Items: verboseNested ? { results: [...v.fields] } : [...v.fields], SchemaXml: schemaXml(v.fields) };
    return out;
  }
}

/** SP.ViewFieldCollection.SchemaXml: the fields as FieldRefs (names are checked column names, safe in an attribute). */
const schemaXml = (fields: readonly string[]): string => fields.map((f) => `<FieldRef Name="${f}" />`).join('');
