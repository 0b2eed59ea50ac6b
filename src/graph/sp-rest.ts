// The SharePoint REST calls Graph cannot make: list versioning and item-level
// security (ReadSecurity/WriteSecurity), list views, and the permission model
// (permission levels, breaking inheritance, role assignments, principals,
// effective permissions). SharePoint is its own resource, so this caller has its own
// token (audience: the tenant's SharePoint host) and its own small retry loop
// for 429/503 with Retry-After.
import type { FetchLike } from './client';
import { GraphRequestError, errorFromResponseBody } from './errors';
import { fromBasePermissions, toBasePermissions } from './permissions';
import { SHAREPOINT_SCOPES, SHAREPOINT_SETUP_SCOPES } from './scopes';

export interface SpRestOptions {
  /**
   * Token for SharePoint. Asked for with `${origin}/AllSites.Manage` for list settings and one's own
   * permissions, and `${origin}/AllSites.FullControl` for permission levels and role assignments
   * (provisioning only).
   */
  readonly getToken: (scopes: readonly string[]) => Promise<string>;
  readonly fetch?: FetchLike;
  readonly maxRetries?: number;
  /** Seconds to wait when a 429/503 names no Retry-After. */
  readonly delaySeconds?: number;
}

/** The SP.List properties provisioning reads and sets. */
export interface SpListSettings {
  EnableVersioning: boolean;
  /** 1: users read all items; 2: only their own. */
  ReadSecurity: number;
  /** 1: edit all; 2: only their own; 4: none. */
  WriteSecurity: number;
}

/** SP.PrincipalType: 1 user, 4 security group, 8 SharePoint group. */
export interface SpPrincipal {
  readonly Id: number;
  readonly LoginName: string;
  readonly Title: string;
  readonly PrincipalType: number;
}

export interface SpRoleDefinition {
  readonly Id: number;
  readonly Name: string;
  readonly Description: string;
  /** BasePermissions as one mask. */
  readonly mask: bigint;
  readonly Hidden: boolean;
  /** SP.RoleType: 5 Full Control, 4 Design, 6 Edit, 3 Contribute, 2 Read, 1 Limited Access, 0 a custom level. Names are localised; this is not. */
  readonly RoleTypeKind: number;
}

/** SP.View, with its ViewFields' internal names. */
export interface SpView {
  readonly Id: string;
  readonly Title: string;
  /** The CAML inside <Query>: Where, OrderBy, GroupBy. */
  readonly ViewQuery: string;
  readonly RowLimit: number;
  readonly Paged: boolean;
  readonly DefaultView: boolean;
  readonly PersonalView: boolean;
  readonly ServerRelativeUrl: string;
  readonly ViewFields: readonly string[];
}

/** What views/add takes (SP.ViewCreationInformation), in AUP Guard's words. */
export interface NewView {
  readonly title: string;
  readonly fields: readonly string[];
  readonly query: string;
  readonly rowLimit: number;
  readonly paged: boolean;
  readonly isDefault: boolean;
}

export interface SpRoleAssignment {
  readonly PrincipalId: number;
  readonly Member: SpPrincipal;
  readonly RoleDefinitionBindings: readonly SpRoleDefinition[];
}

export interface SpRest {
  getList(webUrl: string, listId: string): Promise<SpListSettings>;
  /** MERGE: changes only the properties given. */
  updateList(webUrl: string, listId: string, changes: Partial<SpListSettings>): Promise<void>;
  /** Whether the list has its own role assignments (false: it inherits the site's). */
  hasUniqueRoleAssignments(webUrl: string, listId: string): Promise<boolean>;
  /** The caller's own permissions on the list (SP.List.EffectiveBasePermissions), with its ReadSecurity. */
  myPermissions(webUrl: string, listId: string): Promise<{ readonly mask: bigint; readonly readSecurity: number }>;
  /** A user's or group's permissions on the list, by claim (SP.List.GetUserEffectivePermissions). */
  userPermissions(webUrl: string, listId: string, loginName: string): Promise<bigint>;
  roleDefinitions(webUrl: string): Promise<SpRoleDefinition[]>;
  createRoleDefinition(webUrl: string, level: { name: string; description: string; mask: bigint }): Promise<SpRoleDefinition>;
  updateRoleDefinition(webUrl: string, id: number, changes: { description?: string; mask?: bigint }): Promise<void>;
  /** SP.Web.EnsureUser: the site principal for a claim (a user, or an Entra group as `c:0t.c|tenant|<id>`). */
  ensureUser(webUrl: string, logonName: string): Promise<SpPrincipal>;
  /** The site's Owners group. */
  ownersGroup(webUrl: string): Promise<SpPrincipal>;
  breakRoleInheritance(webUrl: string, listId: string, options: { copyRoleAssignments: boolean; clearSubscopes: boolean }): Promise<void>;
  resetRoleInheritance(webUrl: string, listId: string): Promise<void>;
  roleAssignments(webUrl: string, listId: string): Promise<SpRoleAssignment[]>;
  addRoleAssignment(webUrl: string, listId: string, principalId: number, roleDefinitionId: number): Promise<void>;
  removeRoleAssignment(webUrl: string, listId: string, principalId: number, roleDefinitionId: number): Promise<void>;
  /** The list's public views and the caller's personal ones, with their fields. */
  views(webUrl: string, listId: string): Promise<SpView[]>;
  /** A public view (views/add); `isDefault` makes it the list's default view. */
  addView(webUrl: string, listId: string, view: NewView): Promise<SpView>;
  /** MERGE: changes only the properties given. DefaultView true makes it the default. */
  updateView(webUrl: string, listId: string, viewId: string, changes: { ViewQuery?: string; RowLimit?: number; Paged?: boolean; DefaultView?: boolean }): Promise<void>;
  /** Replaces the view's columns with these, in this order (removeallviewfields, then addviewfield for each). */
  setViewFields(webUrl: string, listId: string, viewId: string, fields: readonly string[]): Promise<void>;
}

// JSON light: no __metadata needed in bodies, none returned.
const JSON_LIGHT = 'application/json;odata=nometadata';
// views/add's parameters as Microsoft's REST reference shows them (collections as {results: […]}).
const JSON_VERBOSE = 'application/json;odata=verbose';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type Access = 'manage' | 'fullControl';

const shape = (message: string, path: string): GraphRequestError =>
  new GraphRequestError({ status: 0, code: 'unexpectedShape', message: `SharePoint answered ${message}`, method: 'GET', path });

function object(value: unknown, what: string, path: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw shape(`${what} without a JSON object`, path);
  return value as Record<string, unknown>;
}

function principal(value: unknown, path: string): SpPrincipal {
  const o = object(value, 'a principal', path);
  if (typeof o.Id !== 'number' || typeof o.LoginName !== 'string') throw shape('a principal without Id or LoginName', path);
  return { Id: o.Id, LoginName: o.LoginName, Title: typeof o.Title === 'string' ? o.Title : o.LoginName, PrincipalType: Number(o.PrincipalType ?? 0) };
}

function roleDefinition(value: unknown, path: string): SpRoleDefinition {
  const o = object(value, 'a permission level', path);
  if (typeof o.Id !== 'number' || typeof o.Name !== 'string') throw shape('a permission level without Id or Name', path);
  return {
    Id: o.Id, Name: o.Name, Description: typeof o.Description === 'string' ? o.Description : '', mask: fromBasePermissions(o.BasePermissions),
    Hidden: o.Hidden === true, RoleTypeKind: Number(o.RoleTypeKind ?? 0),
  };
}

function view(value: unknown, path: string): SpView {
  const o = object(value, 'a view', path);
  if (typeof o.Id !== 'string' || typeof o.Title !== 'string') throw shape('a view without Id or Title', path);
  // $expand=ViewFields gives {Items: […]} (nometadata) or {Items: {results: […]}} (verbose); not expanded, none.
  const items = (o.ViewFields as { Items?: unknown } | undefined)?.Items;
  const fields = Array.isArray(items) ? items : Array.isArray((items as { results?: unknown } | undefined)?.results) ? (items as { results: unknown[] }).results : [];
  return {
    Id: o.Id, Title: o.Title, ViewQuery: typeof o.ViewQuery === 'string' ? o.ViewQuery : '', RowLimit: Number(o.RowLimit ?? 0), Paged: o.Paged === true,
    DefaultView: o.DefaultView === true, PersonalView: o.PersonalView === true, ServerRelativeUrl: typeof o.ServerRelativeUrl === 'string' ? o.ServerRelativeUrl : '',
    ViewFields: fields.filter((f): f is string => typeof f === 'string'),
  };
}

function values(answer: unknown, path: string): unknown[] {
  const o = object(answer, 'a collection', path);
  if (!Array.isArray(o.value)) throw shape('a collection without a value array', path);
  return o.value as unknown[];
}

/** OData string literal inside a URL: quotes doubled, then percent-encoded (a claim holds '#' and '|'). */
const literal = (value: string): string => encodeURIComponent(`'${value.replace(/'/g, "''")}'`);

export function createSpRest(options: SpRestOptions): SpRest {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const maxRetries = options.maxRetries ?? 5;
  const delaySeconds = options.delaySeconds ?? 1;

  const webApi = (webUrl: string): string => `${webUrl.replace(/\/+$/, '')}/_api/web`;
  const listUrl = (webUrl: string, listId: string): string => {
    if (!/^[0-9a-f-]{36}$/i.test(listId)) {
      throw new GraphRequestError({ status: 0, code: 'invalidListId', message: `SharePoint REST needs the list's GUID; "${listId}" is not one` });
    }
    return `${webApi(webUrl)}/lists(guid'${listId}')`;
  };

  async function send(method: 'GET' | 'POST' | 'MERGE', url: string, access: Access, body?: unknown, bodyFormat: 'light' | 'verbose' = 'light'): Promise<unknown> {
    const scopes = (access === 'fullControl' ? SHAREPOINT_SETUP_SCOPES : SHAREPOINT_SCOPES).map((s) => `${new URL(url).origin}/${s}`);
    const token = await options.getToken(scopes);
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: JSON_LIGHT };
    if (method !== 'GET') headers['Content-Type'] = bodyFormat === 'verbose' ? JSON_VERBOSE : JSON_LIGHT;
    if (method === 'MERGE') Object.assign(headers, { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' });
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetchImpl(url, { method: method === 'GET' ? 'GET' : 'POST', headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      } catch (error) {
        throw new GraphRequestError({ status: 0, code: 'networkError', message: error instanceof Error ? error.message : String(error), method, path: url }, { cause: error });
      }
      if ((response.status === 429 || response.status === 503) && attempt < maxRetries) {
        const after = Number(response.headers.get('Retry-After'));
        await response.body?.cancel();
        await sleep(Math.min(Number.isFinite(after) && response.headers.has('Retry-After') ? after : delaySeconds, 180) * 1000);
        continue;
      }
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // keep the text: an HTML error page says more than nothing
      }
      if (!response.ok) throw errorFromResponseBody(response.status, spErrorBody(parsed), { method, path: url, headers: response.headers });
      return parsed;
    }
  }

  const assignmentsUrl = (webUrl: string, listId: string): string => `${listUrl(webUrl, listId)}/roleassignments`;
  const viewUrl = (webUrl: string, listId: string, viewId: string): string => {
    if (!/^[0-9a-f-]{36}$/i.test(viewId)) throw new GraphRequestError({ status: 0, code: 'invalidViewId', message: `SharePoint REST needs the view's GUID; "${viewId}" is not one` });
    return `${listUrl(webUrl, listId)}/views/getbyid('${viewId}')`;
  };

  return {
    async getList(webUrl, listId) {
      const url = `${listUrl(webUrl, listId)}?$select=EnableVersioning,ReadSecurity,WriteSecurity`;
      const a = object(await send('GET', url, 'manage'), 'the list query', url) as Partial<SpListSettings>;
      return { EnableVersioning: a.EnableVersioning === true, ReadSecurity: Number(a.ReadSecurity ?? 1), WriteSecurity: Number(a.WriteSecurity ?? 1) };
    },
    async updateList(webUrl, listId, changes) {
      await send('MERGE', listUrl(webUrl, listId), 'manage', changes);
    },
    async hasUniqueRoleAssignments(webUrl, listId) {
      const url = `${listUrl(webUrl, listId)}/HasUniqueRoleAssignments`;
      const a = object(await send('GET', url, 'manage'), 'HasUniqueRoleAssignments', url);
      if (typeof a.value !== 'boolean') throw shape('HasUniqueRoleAssignments without a true or false value', url);
      return a.value;
    },
    async myPermissions(webUrl, listId) {
      const url = `${listUrl(webUrl, listId)}?$select=ReadSecurity,EffectiveBasePermissions`;
      const a = object(await send('GET', url, 'manage'), 'the list query', url);
      return { mask: fromBasePermissions(a.EffectiveBasePermissions), readSecurity: Number(a.ReadSecurity ?? 1) };
    },
    async userPermissions(webUrl, listId, loginName) {
      const url = `${listUrl(webUrl, listId)}/getusereffectivepermissions(@user)?@user=${literal(loginName)}`;
      const a = object(await send('GET', url, 'fullControl'), 'the effective permissions', url);
      // nometadata answers {High, Low}; some servers wrap it in the method's name.
      return fromBasePermissions(a.GetUserEffectivePermissions ?? a);
    },
    async roleDefinitions(webUrl) {
      const url = `${webApi(webUrl)}/roledefinitions`;
      return values(await send('GET', url, 'fullControl'), url).map((v) => roleDefinition(v, url));
    },
    async createRoleDefinition(webUrl, level) {
      const url = `${webApi(webUrl)}/roledefinitions`;
      return roleDefinition(await send('POST', url, 'fullControl', { Name: level.name, Description: level.description, BasePermissions: toBasePermissions(level.mask) }), url);
    },
    async updateRoleDefinition(webUrl, id, changes) {
      await send('MERGE', `${webApi(webUrl)}/roledefinitions(${id})`, 'fullControl', {
        ...(changes.description !== undefined ? { Description: changes.description } : {}),
        ...(changes.mask !== undefined ? { BasePermissions: toBasePermissions(changes.mask) } : {}),
      });
    },
    async ensureUser(webUrl, logonName) {
      const url = `${webApi(webUrl)}/ensureuser`;
      return principal(await send('POST', url, 'fullControl', { logonName }), url);
    },
    async ownersGroup(webUrl) {
      const url = `${webApi(webUrl)}/associatedownergroup`;
      return principal(await send('GET', url, 'fullControl'), url);
    },
    async breakRoleInheritance(webUrl, listId, { copyRoleAssignments, clearSubscopes }) {
      await send('POST', `${listUrl(webUrl, listId)}/breakroleinheritance(copyRoleAssignments=${copyRoleAssignments},clearSubscopes=${clearSubscopes})`, 'fullControl');
    },
    async resetRoleInheritance(webUrl, listId) {
      await send('POST', `${listUrl(webUrl, listId)}/resetroleinheritance`, 'fullControl');
    },
    async roleAssignments(webUrl, listId) {
      const url = `${assignmentsUrl(webUrl, listId)}?$expand=Member,RoleDefinitionBindings`;
      return values(await send('GET', url, 'fullControl'), url).map((v) => {
        const o = object(v, 'a role assignment', url);
        const bindings = Array.isArray(o.RoleDefinitionBindings) ? o.RoleDefinitionBindings : [];
        return { PrincipalId: Number(o.PrincipalId), Member: principal(o.Member, url), RoleDefinitionBindings: bindings.map((b) => roleDefinition(b, url)) };
      });
    },
    async addRoleAssignment(webUrl, listId, principalId, roleDefinitionId) {
      await send('POST', `${assignmentsUrl(webUrl, listId)}/addroleassignment(principalid=${principalId},roledefid=${roleDefinitionId})`, 'fullControl');
    },
    async removeRoleAssignment(webUrl, listId, principalId, roleDefinitionId) {
      await send('POST', `${assignmentsUrl(webUrl, listId)}/removeroleassignment(principalid=${principalId},roledefid=${roleDefinitionId})`, 'fullControl');
    },
    // Views need Manage Lists (public views), within AllSites.Manage.
    async views(webUrl, listId) {
      const url = `${listUrl(webUrl, listId)}/views?$expand=ViewFields`;
      return values(await send('GET', url, 'manage'), url).map((v) => view(v, url));
    },
    async addView(webUrl, listId, v) {
      const url = `${listUrl(webUrl, listId)}/views/add`;
      return view(await send('POST', url, 'manage', {
        parameters: {
          __metadata: { type: 'SP.ViewCreationInformation' },
          Title: v.title, ViewFields: { results: [...v.fields] }, Query: v.query, RowLimit: v.rowLimit, Paged: v.paged,
          SetAsDefaultView: v.isDefault, PersonalView: false, ViewTypeKind: 1,
        },
      }, 'verbose'), url);
    },
    async updateView(webUrl, listId, viewId, changes) {
      await send('MERGE', viewUrl(webUrl, listId, viewId), 'manage', changes);
    },
    async setViewFields(webUrl, listId, viewId, fields) {
      const base = `${viewUrl(webUrl, listId, viewId)}/viewfields`;
      await send('POST', `${base}/removeallviewfields`, 'manage');
      for (const field of fields) await send('POST', `${base}/addviewfield(${literal(field)})`, 'manage');
    },
  };
}

/**
 * SharePoint REST's error body is {"odata.error": {code, message: {lang, value}}} (nometadata) or
 * {"error": …} (verbose); errorFromResponseBody reads the second shape, so the first is renamed.
 */
function spErrorBody(body: unknown): unknown {
  if (body && typeof body === 'object' && 'odata.error' in body) return { error: (body as Record<string, unknown>)['odata.error'] };
  return body;
}
