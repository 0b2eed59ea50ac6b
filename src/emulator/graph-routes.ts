// Microsoft Graph v1.0 routes. Every handler is synchronous over better-sqlite3,
// so one request is one atomic unit; writes also run in explicit transactions.
// Each route names the delegated scopes it needs (checked first, as Graph
// does), then authorises from the caller's SharePoint permissions.
import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import { campaignRoutes } from './campaign-routes';
import type { Db } from './db';
import { ALL_USER_PROPERTIES, renderUser, userProperties, userView, type Directory, type MemberScope, type UserRow } from './directory';
import {
  GraphHttpError, accessDenied, bodyObject, invalidRequest, json, noContent, notFound,
  type EmuReply, type EmuRequest, type Principal,
} from './http';
import { ODataSyntaxError, evaluate, parseFilter, type FilterExpr } from './odata/filter';
import { decodeToken, encodeToken, linkWith, option, parseExpand, parseOrderBy, parseSelect, parseTop, pick } from './odata/query';
import type { Outbox } from './outbox';
import type { CallerAccess, SitePermissions } from './permissions';
import { renderColumn, renderFields, renderItem, renderList, renderSite, renderVersions, siteInfo, SITE_PATH, type SiteInfo } from './render';
import { describeRequirement, meets, needs, type ScopeRequirement } from './scopes';
import type { ItemAccess, ListStore} from './store';
import { PREFER_NON_INDEXED, etagOf, type ListRow } from './store';
import { PermissionKind, hasPermission } from '../graph/permissions';

export interface GraphContext {
  readonly db: Db;
  readonly store: ListStore;
  readonly directory: Directory;
  readonly outbox: Outbox;
  readonly permissions: SitePermissions;
}

type Params = Readonly<Record<string, string>>;

/** One request's caller: who they are (with the token's scopes) and their SharePoint permissions, looked up once. */
export interface Caller {
  readonly principal: Principal;
  readonly access: CallerAccess;
}

type Handler = (req: EmuRequest, caller: Caller, params: Params) => EmuReply;

/** Which service answers, for the shape of its 403 when a scope is missing. */
type Workload = 'sites' | 'directory' | 'mail' | 'teamwork';

interface Route {
  readonly method: string;
  readonly pattern: readonly string[];
  /** The delegated scopes the call needs; a function when it depends on whose data it is (one's own needs less). */
  readonly scopes: ScopeRequirement | ((caller: Caller, params: Params) => ScopeRequirement);
  readonly workload: Workload;
  readonly handler: Handler;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ITEM_PAGE = { fallback: 200, max: 5000 } as const;
const DIRECTORY_PAGE = { fallback: 100, max: 999 } as const;

// Least privileged delegated permissions, from each API's page in the Graph v1.0 reference.
const SITES_READ = needs('Sites.Read.All');
const SITES_WRITE = needs('Sites.ReadWrite.All');
const SITES_MANAGE = needs('Sites.Manage.All');
const GROUP_MEMBERS = needs('GroupMember.Read.All');
const isSelf = (caller: Caller, userId: string | undefined): boolean => {
  const id = (userId ?? '').toLowerCase();
  return id === caller.principal.oid.toLowerCase() || id === caller.principal.upn.toLowerCase();
};
/** user: get: User.Read for oneself, User.ReadBasic.All for anyone else. */
const USER_READ = (caller: Caller, { user }: Params): ScopeRequirement => (isSelf(caller, user) ? needs('User.Read') : needs('User.ReadBasic.All'));
/** checkMemberGroups: User.Read for one's own groups; User.ReadBasic.All and GroupMember.Read.All for another user's. */
const CHECK_GROUPS = (caller: Caller, { user }: Params): ScopeRequirement =>
  (isSelf(caller, user) ? needs('User.Read') : needs(['User.ReadBasic.All', 'GroupMember.Read.All']));
/** memberOf / transitiveMemberOf: User.Read for oneself, User.Read.All for another user. */
const MEMBER_OF = (caller: Caller, { user }: Params): ScopeRequirement => (isSelf(caller, user) ? needs('User.Read') : needs('User.Read.All'));

/** Graph's 403 for a token without the scope, in each workload's own words. */
function missingScope(workload: Workload, requirement: ScopeRequirement): GraphHttpError {
  const wanted = ` (needs ${describeRequirement(requirement)})`;
  switch (workload) {
    case 'sites': return accessDenied(`Access denied. The token does not carry the delegated permission this call needs${wanted}.`);
    case 'directory': return new GraphHttpError(403, 'Authorization_RequestDenied', `Insufficient privileges to complete the operation${wanted}.`);
    case 'mail': return new GraphHttpError(403, 'ErrorAccessDenied', `Access is denied. Check credentials and try again${wanted}.`);
    case 'teamwork': return new GraphHttpError(403, 'Forbidden', `Missing scope permissions on the request${wanted}.`);
  }
}

export class GraphRoutes {
  private readonly routes: Route[] = [];

  constructor(private readonly ctx: GraphContext) {
    const r = (method: string, path: string, scopes: Route['scopes'], workload: Workload, handler: Handler): void => {
      this.routes.push({ method, pattern: path.split('/'), scopes, workload, handler });
    };
    const site = (method: string, path: string, scopes: ScopeRequirement, handler: Handler): void => r(method, path, scopes, 'sites', handler);
    const dir = (method: string, path: string, scopes: Route['scopes'], handler: Handler): void => r(method, path, scopes, 'directory', handler);
    site('GET', 'sites/:site', SITES_READ, (req, c, { site: id }) => json(renderSite(this.site(req, c, id!))));
    site('GET', 'sites/:site/lists', SITES_READ, (req, c, params) => this.listLists(req, c, params));
    site('POST', 'sites/:site/lists', SITES_MANAGE, (req, c, params) => this.createList(req, c, params));
    site('GET', 'sites/:site/lists/:list', SITES_READ, (req, c, params) => this.getList(req, c, params));
    site('GET', 'sites/:site/lists/:list/columns', SITES_READ, (req, c, params) => this.listColumns(req, c, params));
    site('POST', 'sites/:site/lists/:list/columns', SITES_MANAGE, (req, c, params) => this.createColumn(req, c, params));
    site('GET', 'sites/:site/lists/:list/columns/:column', SITES_READ, (req, c, params) => this.getColumn(req, c, params));
    site('PATCH', 'sites/:site/lists/:list/columns/:column', SITES_MANAGE, (req, c, params) => this.updateColumn(req, c, params));
    site('GET', 'sites/:site/lists/:list/items/delta', SITES_READ, (req, c, params) => this.delta(req, c, params));
    site('GET', 'sites/:site/lists/:list/items', SITES_READ, (req, c, params) => this.listItems(req, c, params));
    site('POST', 'sites/:site/lists/:list/items', SITES_WRITE, (req, c, params) => this.createItem(req, c, params));
    site('GET', 'sites/:site/lists/:list/items/:item', SITES_READ, (req, c, params) => this.getItem(req, c, params));
    site('PATCH', 'sites/:site/lists/:list/items/:item', SITES_WRITE, (req, c, params) => this.updateItem(req, c, params, 'item'));
    site('DELETE', 'sites/:site/lists/:list/items/:item', SITES_WRITE, (req, c, params) => this.deleteItem(req, c, params));
    site('GET', 'sites/:site/lists/:list/items/:item/fields', SITES_READ, (req, c, params) => this.getFields(req, c, params));
    site('PATCH', 'sites/:site/lists/:list/items/:item/fields', SITES_WRITE, (req, c, params) => this.updateItem(req, c, params, 'fields'));
    site('GET', 'sites/:site/lists/:list/items/:item/versions', SITES_READ, (req, c, params) => this.versions(req, c, params));
    site('GET', 'sites/:site/lists/:list/items/:item/versions/:version', SITES_READ, (req, c, params) => this.versions(req, c, params));
    dir('GET', 'users', needs('User.ReadBasic.All'), (req, c) => this.page(req, (q) => userSource(this.ctx.directory, undefined, q, c.principal)));
    dir('GET', 'users/:user', USER_READ, (req, c, { user }) => {
      const u = this.user(user!);
      return json(renderUser(u, userProperties(parseSelect(option(req.query, 'select'))), userView(c.principal, u.id)));
    });
    dir('GET', 'users/:user/transitiveMemberOf', MEMBER_OF, (req, _c, { user }) => this.memberOf(req, user!, true));
    dir('GET', 'users/:user/memberOf', MEMBER_OF, (req, _c, { user }) => this.memberOf(req, user!, false));
    dir('POST', 'users/:user/checkMemberGroups', CHECK_GROUPS, (req, _c, { user }) => this.checkMemberGroups(req, user!));
    dir('POST', 'users/:user/microsoft.graph.checkMemberGroups', CHECK_GROUPS, (req, _c, { user }) => this.checkMemberGroups(req, user!));
    r('POST', 'users/:user/sendMail', needs('Mail.Send'), 'mail', (req, c, { user }) => this.sendMail(req, c.principal, user!));
    r('POST', 'users/:user/teamwork/sendActivityNotification', needs('TeamsActivity.Send'), 'teamwork', (req, c, { user }) => this.sendActivityNotification(req, c.principal, user!));
    dir('GET', 'groups/:group', GROUP_MEMBERS, (req, _c, { group }) => json(pick(this.renderGroup(group!), parseSelect(option(req.query, 'select')), ['id'])));
    for (const rel of ['members', 'members/microsoft.graph.user']) dir('GET', `groups/:group/${rel}`, GROUP_MEMBERS, (req, c, { group }) => this.groupMembers(req, c, group!, false));
    for (const rel of ['transitiveMembers', 'transitiveMembers/microsoft.graph.user']) dir('GET', `groups/:group/${rel}`, GROUP_MEMBERS, (req, c, { group }) => this.groupMembers(req, c, group!, true));
    // Bulk activity notifications and the Teams app catalog (issue 14) live in their own file.
    for (const extra of campaignRoutes(ctx)) r(extra.method, extra.path, extra.scopes, extra.workload, (req, c, params) => extra.handler(req, c.principal, params));
  }

  /** Routes a request below /v1.0; `me` is the caller's own user. Scopes first, then the route authorises from SharePoint's permissions. */
  dispatch(req: EmuRequest, principal: Principal): EmuReply {
    const segments = normaliseSegments(req.segments, principal);
    const candidates = this.routes.map((route) => ({ route, params: match(route.pattern, segments) })).filter((c) => c.params !== null);
    const hit = candidates.find((c) => c.route.method === req.method);
    if (!hit) {
      if (candidates.length > 0) throw new GraphHttpError(405, 'Request_BadRequest', `The HTTP method '${req.method}' is not allowed for this resource.`);
      const last = segments[segments.length - 1] ?? '';
      throw new GraphHttpError(400, 'BadRequest', `Resource not found for the segment '${last}'.`);
    }
    const caller: Caller = { principal, access: this.ctx.permissions.caller(principal, 'graph') };
    const params = hit.params!;
    const requirement = typeof hit.route.scopes === 'function' ? hit.route.scopes(caller, params) : hit.route.scopes;
    if (!meets(principal.scopes, requirement)) throw missingScope(hit.route.workload, requirement);
    try {
      return hit.route.handler(req, caller, params);
    } catch (err) {
      if (err instanceof ODataSyntaxError) throw invalidRequest(err.message);
      throw err;
    }
  }

  // ---- sites and lists -------------------------------------------------------

  /** The site, if the caller can open it at all (any permission there, Limited Access included); 403 otherwise. */
  private site(req: EmuRequest, caller: Caller, idOrRoot: string): SiteInfo {
    const site = siteInfo(this.ctx.db, req.origin);
    const parts = idOrRoot.toLowerCase().split(',');
    // `root`, the full id, `{hostname},{siteCollectionId},{webId}` with another hostname, or the bare collection id.
    const known = idOrRoot === 'root' || idOrRoot.toLowerCase() === site.id.toLowerCase() || idOrRoot.toLowerCase() === site.siteCollectionId
      || (parts.length === 3 && parts[1] === site.siteCollectionId && parts[2] === site.webId);
    if (!known) throw notFound('Requested site could not be found');
    if (!hasPermission(caller.access.web(), PermissionKind.Open)) throw accessDenied();
    return site;
  }

  /**
   * The list, if the caller has any permission on it. SharePoint does not reveal a list to someone
   * with none: it answers as if there were no such list (404), as for a list that does not exist.
   */
  private list(req: EmuRequest, caller: Caller, params: Params): { site: SiteInfo; list: ListRow; mask: bigint } {
    const site = this.site(req, caller, params.site!);
    const list = this.ctx.store.getList(params.list!);
    const mask = caller.access.list(list);
    if (!hasPermission(mask, PermissionKind.Open)) throw notFound(`List '${params.list}' does not exist at site.`);
    return { site, list, mask };
  }

  private items(caller: Caller, mask: bigint): ItemAccess {
    return { userId: caller.principal.oid, mask };
  }

  private listLists(req: EmuRequest, caller: Caller, params: Params): EmuReply {
    const site = this.site(req, caller, params.site!);
    const expand = parseExpand(option(req.query, 'expand'));
    const lists = this.ctx.store.allLists()
      .filter((l) => hasPermission(caller.access.list(l), PermissionKind.Open))
      .map((l) => renderList(l, site, expand.has('columns') ? this.ctx.store.columns(l.id) : undefined));
    return this.page(req, (q) => arraySource(lists, q, ['id', 'columns']));
  }

  private createList(req: EmuRequest, caller: Caller, params: Params): EmuReply {
    const site = this.site(req, caller, params.site!);
    if (!hasPermission(caller.access.web(), PermissionKind.ManageLists)) throw accessDenied();
    const body = bodyObject(req);
    const displayName = typeof body.displayName === 'string' ? body.displayName : '';
    const columns = Array.isArray(body.columns) ? (body.columns as ColumnDefinition[]) : [];
    const listFacet = body.list && typeof body.list === 'object' ? (body.list as { template?: unknown }) : {};
    const list = this.ctx.store.createList({
      displayName,
      description: typeof body.description === 'string' ? body.description : '',
      template: typeof listFacet.template === 'string' ? listFacet.template : 'genericList',
      columns,
    }, this.ctx.directory.identityOf(caller.principal));
    return json(renderList(list, site, this.ctx.store.columns(list.id)), 201);
  }

  private getList(req: EmuRequest, caller: Caller, params: Params): EmuReply {
    const { site, list } = this.list(req, caller, params);
    const expand = parseExpand(option(req.query, 'expand'));
    const out = renderList(list, site, expand.has('columns') ? this.ctx.store.columns(list.id) : undefined);
    return json(pick(out, parseSelect(option(req.query, 'select')), ['id', 'columns']));
  }

  private listColumns(req: EmuRequest, caller: Caller, params: Params): EmuReply {
    const { list } = this.list(req, caller, params);
    return this.page(req, (q) => arraySource(this.ctx.store.columns(list.id).map(renderColumn), q, ['id']));
  }

  private getColumn(req: EmuRequest, caller: Caller, params: Params): EmuReply {
    const { list } = this.list(req, caller, params);
    const column = this.ctx.store.findColumn(list.id, params.column!);
    if (!column) throw notFound(`Column '${params.column}' does not exist.`);
    return json(renderColumn(column));
  }

  /** Adding or changing a column is managing the list (Manage Lists on it). */
  private managedList(req: EmuRequest, caller: Caller, params: Params): ListRow {
    const { list, mask } = this.list(req, caller, params);
    if (!hasPermission(mask, PermissionKind.ManageLists)) throw accessDenied();
    return list;
  }

  private createColumn(req: EmuRequest, caller: Caller, params: Params): EmuReply {
    const list = this.managedList(req, caller, params);
    return json(renderColumn(this.ctx.store.addColumn(list.id, bodyObject(req) as ColumnDefinition)), 201);
  }

  private updateColumn(req: EmuRequest, caller: Caller, params: Params): EmuReply {
    const list = this.managedList(req, caller, params);
    return json(renderColumn(this.ctx.store.updateColumn(list.id, params.column!, bodyObject(req) as ColumnDefinition)));
  }

  // ---- items -----------------------------------------------------------------

  private fieldSelection(req: EmuRequest): { expand: boolean; select?: readonly string[] } {
    const fields = parseExpand(option(req.query, 'expand')).get('fields');
    return fields ? { expand: true, ...(fields.select ? { select: fields.select } : {}) } : { expand: false };
  }

  private listItems(req: EmuRequest, caller: Caller, params: Params): EmuReply {
    const { site, list, mask } = this.list(req, caller, params);
    const filterText = option(req.query, 'filter');
    const top = parseTop(option(req.query, 'top'), ITEM_PAGE.fallback, ITEM_PAGE.max);
    const skipToken = option(req.query, 'skiptoken');
    const orderBy = parseOrderBy(option(req.query, 'orderby'));
    // Default (id) order pages by keyset ({a: last id}); an explicit $orderby by offset ({o}).
    const cursor = skipToken ? decodeToken(skipToken) : {};
    const from = orderBy.length === 0 ? { afterId: Number(cursor.a ?? 0) } : { skip: Number(cursor.o ?? 0) };
    const { rows, more } = this.ctx.store.queryItems(list, this.items(caller, mask), {
      ...(filterText ? { filter: parseFilter(filterText) } : {}),
      orderBy,
      top,
      from,
      honorNonIndexed: (req.headers.prefer ?? '').toLowerCase().includes(PREFER_NON_INDEXED.toLowerCase()),
    });
    const fields = this.fieldSelection(req);
    const select = parseSelect(option(req.query, 'select'));
    const body: Record<string, unknown> = {
      '@odata.context': `${req.origin}/v1.0/$metadata#sites('${site.id}')/lists('${list.id}')/items`,
      value: rows.map((row) => renderItem(row, list, site, fields, select)),
    };
    if (more) {
      const next: Record<string, number> = 'afterId' in from ? { a: rows[rows.length - 1]!.id } : { o: from.skip + rows.length };
      body['@odata.nextLink'] = linkWith(req.origin, `/v1.0/${req.rawPath}`, req.query, { $skiptoken: encodeToken(next) }, ['skiptoken']);
    }
    return json(body);
  }

  private getItem(req: EmuRequest, caller: Caller, params: Params): EmuReply {
    const { site, list, mask } = this.list(req, caller, params);
    const row = this.ctx.store.getItem(list, params.item!, this.items(caller, mask));
    return json(renderItem(row, list, site, this.fieldSelection(req), parseSelect(option(req.query, 'select'))), 200, { ETag: etagOf(row) });
  }

  private getFields(req: EmuRequest, caller: Caller, params: Params): EmuReply {
    const { list, mask } = this.list(req, caller, params);
    const row = this.ctx.store.getItem(list, params.item!, this.items(caller, mask));
    return json(renderFields(row, parseSelect(option(req.query, 'select'))), 200, { ETag: etagOf(row) });
  }

  private createItem(req: EmuRequest, caller: Caller, params: Params): EmuReply {
    const { site, list, mask } = this.list(req, caller, params);
    const body = bodyObject(req);
    // Top-level createdBy, createdDateTime and the like are read-only and ignored: they come from the token and the clock.
    const fields = body.fields && typeof body.fields === 'object' && !Array.isArray(body.fields) ? (body.fields as Record<string, unknown>) : {};
    const row = this.ctx.store.createItem(list, fields, this.items(caller, mask), this.ctx.directory.identityOf(caller.principal));
    const location = `${req.origin}/v1.0/sites/${site.id}/lists/${list.id}/items/${row.id}`;
    return json(renderItem(row, list, site, { expand: true }), 201, { ETag: etagOf(row), Location: location });
  }

  private updateItem(req: EmuRequest, caller: Caller, params: Params, shape: 'item' | 'fields'): EmuReply {
    const { site, list, mask } = this.list(req, caller, params);
    const body = bodyObject(req);
    const input = shape === 'fields' ? body : body.fields && typeof body.fields === 'object' ? (body.fields as Record<string, unknown>) : {};
    const row = this.ctx.store.updateItem(list, params.item!, input, this.items(caller, mask), this.ctx.directory.identityOf(caller.principal), req.headers['if-match']);
    const out = shape === 'fields' ? renderFields(row) : renderItem(row, list, site, { expand: true });
    return json(out, 200, { ETag: etagOf(row) });
  }

  private deleteItem(req: EmuRequest, caller: Caller, params: Params): EmuReply {
    const { list, mask } = this.list(req, caller, params);
    this.ctx.store.deleteItem(list, params.item!, this.items(caller, mask), req.headers['if-match']);
    return noContent();
  }

  /** listItemVersion collection (newest first), or one version by its id ("2.0"). */
  private versions(req: EmuRequest, caller: Caller, params: Params): EmuReply {
    const { list, mask } = this.list(req, caller, params);
    const { item, earlier } = this.ctx.store.versions(list, params.item!, this.items(caller, mask));
    const all = renderVersions(item, earlier, this.fieldSelection(req));
    if (params.version === undefined) return json({ '@odata.context': `${req.origin}/v1.0/$metadata#listItemVersions`, value: all });
    const one = all.find((v) => v.id === params.version);
    if (!one) throw notFound(`Version '${params.version}' of the item does not exist.`);
    return json(one);
  }

  private delta(req: EmuRequest, caller: Caller, params: Params): EmuReply {
    const { site, list, mask } = this.list(req, caller, params);
    const token = req.query.get('token') ?? option(req.query, 'deltatoken') ?? option(req.query, 'skiptoken');
    const top = parseTop(option(req.query, 'top'), ITEM_PAGE.fallback, ITEM_PAGE.max);
    const path = `/v1.0/${req.rawPath}`;
    const link = (state: Record<string, number>): string =>
      linkWith(req.origin, path, req.query, { token: encodeToken(state) }, ['$deltatoken', 'deltatoken', '$skiptoken', 'skiptoken']);
    const current = this.ctx.store.currentSeq();
    if (token === 'latest') return json({ value: [], '@odata.deltaLink': link({ s: current }) });
    // No token: the initial enumeration of what exists now. A deltaLink token ({s}) reads every change since.
    const state = token ? decodeToken(token) : { s: 0, u: current, i: 1 };
    const since = Number(state.s ?? 0);
    const upto = state.u === undefined ? current : Number(state.u);
    const initial = state.i === 1;
    const { rows, more } = this.ctx.store.changes(list, this.items(caller, mask), since, upto, !initial, top);
    const fields = this.fieldSelection(req);
    const select = parseSelect(option(req.query, 'select'));
    const body: Record<string, unknown> = { value: rows.map((row) => renderItem(row, list, site, fields, select)) };
    if (more) body['@odata.nextLink'] = link({ s: rows[rows.length - 1]!.change_seq, u: upto, ...(initial ? { i: 1 } : {}) });
    else body['@odata.deltaLink'] = link({ s: upto });
    return json(body);
  }

  // ---- directory -------------------------------------------------------------

  private user(idOrUpn: string): UserRow {
    return this.ctx.directory.user(idOrUpn) ?? directoryNotFound(idOrUpn);
  }

  private renderGroup(id: string): Record<string, unknown> {
    const g = this.ctx.directory.group(id) ?? directoryNotFound(id);
    return { id: g.id, displayName: g.display_name, description: g.description, mailNickname: g.mail_nickname, securityEnabled: true, mailEnabled: false, groupTypes: [] };
  }

  /**
   * members: the group's direct users; transitiveMembers: users in nested groups
   * too (the nested groups themselves are not listed, which the
   * /microsoft.graph.user cast that callers use would drop anyway).
   */
  private groupMembers(req: EmuRequest, caller: Caller, groupId: string, transitive: boolean): EmuReply {
    const group = this.ctx.directory.group(groupId) ?? directoryNotFound(groupId);
    return this.page(req, (q) => userSource(this.ctx.directory, { groupId: group.id, transitive }, q, caller.principal, MEMBER_TYPE));
  }

  /**
   * POST /users/{id}/checkMemberGroups: which of up to 20 group ids the user
   * is a member of, transitively (through nested groups). Unknown group ids are simply not
   * returned; a malformed one fails the whole request, as Graph does.
   */
  private checkMemberGroups(req: EmuRequest, userId: string): EmuReply {
    const u = this.user(userId);
    const { groupIds } = bodyObject(req);
    if (!Array.isArray(groupIds) || groupIds.some((g) => typeof g !== 'string')) {
      throw new GraphHttpError(400, 'Request_BadRequest', "The parameter 'groupIds' must be a collection of group ids.");
    }
    if (groupIds.length > 20) throw new GraphHttpError(400, 'Request_BadRequest', 'At most 20 group ids can be checked per request.');
    const malformed = (groupIds as string[]).find((g) => !GUID.test(g));
    if (malformed !== undefined) throw new GraphHttpError(400, 'Request_BadRequest', `Invalid GUID:${malformed}`);
    const mine = new Set(this.ctx.directory.groupsOf(u.id, true).map((g) => g.id.toLowerCase()));
    return json({
      '@odata.context': `${req.origin}/v1.0/$metadata#Collection(Edm.String)`,
      value: (groupIds as string[]).filter((g) => mine.has(g.toLowerCase())),
    });
  }

  private memberOf(req: EmuRequest, userId: string, transitive: boolean): EmuReply {
    const u = this.user(userId);
    const groups = this.ctx.directory.groupsOf(u.id, transitive).map((g) => ({ '@odata.type': '#microsoft.graph.group', ...this.renderGroup(g.id) }));
    return this.page(req, (q) => arraySource(groups, q, ['id']));
  }

  /** Paging, $filter, $select and $count for the directory and list collections; each source pages in its own way. */
  private page(req: EmuRequest, source: (q: CollectionQuery) => PagedSource): EmuReply {
    const filterText = option(req.query, 'filter');
    const select = parseSelect(option(req.query, 'select'));
    const paged = source({ ...(select ? { select } : {}), ...(filterText ? { filter: parseFilter(filterText) } : {}) });
    const top = parseTop(option(req.query, 'top'), DIRECTORY_PAGE.fallback, DIRECTORY_PAGE.max);
    const skipToken = option(req.query, 'skiptoken');
    const { rows, next } = paged.page(skipToken ? decodeToken(skipToken) : undefined, top);
    const body: Record<string, unknown> = {};
    if (option(req.query, 'count') === 'true') body['@odata.count'] = paged.count();
    body.value = rows;
    if (next) body['@odata.nextLink'] = linkWith(req.origin, `/v1.0/${req.rawPath}`, req.query, { $skiptoken: encodeToken(next) }, ['skiptoken']);
    return json(body);
  }

  // ---- mail and Teams --------------------------------------------------------

  private sendMail(req: EmuRequest, principal: Principal, userId: string): EmuReply {
    const sender = this.user(userId);
    if (sender.id !== principal.oid) throw accessDenied('Delegated sendMail can only send as the signed-in user.');
    const body = bodyObject(req);
    const message = (body.message ?? {}) as Record<string, unknown>;
    const addresses = (v: unknown): string[] =>
      Array.isArray(v) ? v.map((r) => String((r as { emailAddress?: { address?: unknown } }).emailAddress?.address ?? '')).filter(Boolean) : [];
    const to = addresses(message.toRecipients);
    const cc = addresses(message.ccRecipients);
    const bcc = addresses(message.bccRecipients);
    if (to.length + cc.length + bcc.length === 0) throw new GraphHttpError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid., A message can\'t be sent because it contains no recipients.');
    const content = (message.body ?? {}) as { contentType?: unknown; content?: unknown };
    this.ctx.outbox.record({
      kind: 'mail', from: sender.upn, to, cc, bcc,
      subject: typeof message.subject === 'string' ? message.subject : '',
      bodyType: String(content.contentType ?? 'text').toLowerCase() === 'html' ? 'html' : 'text',
      body: typeof content.content === 'string' ? content.content : '',
    });
    return noContent(202);
  }

  private sendActivityNotification(req: EmuRequest, principal: Principal, userId: string): EmuReply {
    const recipient = this.user(userId);
    const body = bodyObject(req);
    if (typeof body.activityType !== 'string' || !body.topic) throw new GraphHttpError(400, 'BadRequest', 'activityType and topic are required.');
    if (recipient.teams_app_installed !== 1) {
      // Graph refuses when the recipient has not installed the app that sends the notification.
      throw new GraphHttpError(403, 'Forbidden', 'The recipient has not installed the Teams app, so no activity feed notification can be sent to them.');
    }
    const preview = (body.previewText ?? {}) as { content?: unknown };
    const params = Array.isArray(body.templateParameters) ? (body.templateParameters as { name?: unknown; value?: unknown }[]) : [];
    this.ctx.outbox.record({
      kind: 'activityNotification', from: principal.upn, to: recipient.id, activityType: body.activityType, topic: body.topic,
      previewText: typeof preview.content === 'string' ? preview.content : '',
      templateParameters: params.map((p) => ({ name: String(p.name ?? ''), value: String(p.value ?? '') })),
    });
    return noContent();
  }
}

interface CollectionQuery {
  readonly select?: readonly string[];
  readonly filter?: FilterExpr;
}

type Cursor = Readonly<Record<string, unknown>>;

interface PagedSource {
  count(): number;
  /** Up to `top` rows after `cursor` (undefined: from the start), and the cursor of the next page while more remain. */
  page(cursor: Cursor | undefined, top: number): { rows: object[]; next?: Record<string, string | number> };
}

/** Entra's 404 for a user or group id that does not exist. */
function directoryNotFound(id: string): never {
  throw new GraphHttpError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

const MEMBER_TYPE = { '@odata.type': '#microsoft.graph.user' } as const;

function matches(expr: FilterExpr, row: object): boolean {
  return evaluate(expr, (segments) => segments.reduce<unknown>((v, s) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined), row));
}

/** A small in-memory collection (lists, columns, groups): filtered, offset-paged, then $select with `keep` always kept. */
function arraySource(all: readonly object[], q: CollectionQuery, keep: readonly string[] = []): PagedSource {
  const rows = q.filter ? all.filter((row) => matches(q.filter!, row)) : all;
  return {
    count: () => rows.length,
    page: (cursor, top) => {
      const skip = Number(cursor?.o ?? 0);
      const next = skip + top < rows.length ? { next: { o: skip + top } } : {};
      return { rows: rows.slice(skip, skip + top).map((row) => pick(row, q.select, ['@odata.type', ...keep])), ...next };
    },
  };
}

/**
 * Users (all, or a group's), rendering only the selected properties. Without a
 * $filter, pages come straight from SQL by keyset ({n: displayName, i: id} of
 * the last row); with one, which Entra allows only on a few properties, the
 * scope is filtered in memory and offset-paged.
 */
function userSource(directory: Directory, scope: MemberScope | undefined, q: CollectionQuery, caller: Principal, annotate: object = {}): PagedSource {
  const properties = userProperties(q.select);
  const render = (u: UserRow): object => ({ ...annotate, ...renderUser(u, properties, userView(caller, u.id)) });
  if (q.filter) {
    const filter = q.filter;
    // Filtered on what the caller may read, so a filter cannot probe a property their scopes hide.
    const rows = directory.userPage(scope, undefined, -1).filter((u) => matches(filter, renderUser(u, ALL_USER_PROPERTIES, userView(caller, u.id))));
    return arraySource(rows.map(render), {});
  }
  return {
    count: () => directory.userCount(scope),
    page: (cursor, top) => {
      if (cursor && (typeof cursor.n !== 'string' || typeof cursor.i !== 'string')) throw new ODataSyntaxError('The skip token is not valid.');
      const rows = directory.userPage(scope, cursor ? { name: cursor.n as string, id: cursor.i as string } : undefined, top + 1);
      const last = rows.length > top ? rows[top - 1] : undefined;
      return { rows: rows.slice(0, top).map(render), ...(last ? { next: { n: last.display_name, i: last.id } } : {}) };
    },
  };
}

/** `me` -> users/{oid}; OData function spellings of delta -> `delta`. */
function normaliseSegments(segments: readonly string[], principal: Principal): string[] {
  const out = segments[0] === 'me' ? ['users', principal.oid, ...segments.slice(1)] : [...segments];
  return out.map((s) => (s === 'delta()' || s === 'microsoft.graph.delta()' || s === 'microsoft.graph.delta' ? 'delta' : s));
}

function match(pattern: readonly string[], segments: readonly string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const s = segments[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = s;
    else if (p.toLowerCase() !== s.toLowerCase()) return null;
  }
  return params;
}

/**
 * Splits a Graph path into segments, resolving the site-by-path form
 * `sites/{hostname}:/sites/wellsap:/lists/...` to `sites/root/lists/...`.
 */
export function splitGraphPath(rawPath: string): string[] {
  let path = rawPath.replace(/^\/+/, '');
  const byPath = /^sites\/([^/:]+):(\/[^:]*?)(?::(?=\/|$)|$)(.*)$/.exec(decodeURIComponent(path));
  if (byPath) {
    const serverRelative = byPath[2]!.replace(/\/+$/, '');
    path = serverRelative.toLowerCase() === SITE_PATH ? `sites/root${byPath[3] ?? ''}` : 'sites/__unknown_site__';
    return path.split('/').filter((s) => s !== '');
  }
  return path.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
}
