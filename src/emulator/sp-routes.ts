// The SharePoint REST calls Graph has no equivalent for: list settings
// (item-level security, versioning), column indexing, list views (sp-views.ts),
// and the permission model
// (permission levels, role assignments, breaking inheritance, principals,
// effective permissions). Served at <site webUrl>/_api/web/... and answering in
// either the odata=verbose or the odata=nometadata JSON flavour, as the client
// asks. Every call is authorised from the caller's effective permissions,
// capped by the token's AllSites.* scope, as SharePoint does.
import { json, noContent, type EmuReply, type EmuRequest, type Principal } from './http';
import { collection, denied, entity, nested, nullBody, spError, stripMetadata, unquote, valueBody } from './sp-odata';
import { siteInfo } from './render';
import type { GraphContext } from './graph-routes';
import type { CallerAccess, RoleDefinition, Securable, SitePrincipal } from './permissions';
import { PrincipalType, SITE_GROUPS, WEB_SCOPE } from './permissions';
import { ViewRoutes } from './sp-views';
import { ViewStore } from './views';
import { describeRequirement, meets, needs } from './scopes';
import type { ListRow, StoredColumn } from './store';
import {
  BUILT_IN_LEVELS, FULL_MASK, PermissionKind, fromBasePermissions, hasPermission, toBasePermissions, type PermissionKindValue,
} from '../graph/permissions';

const LIST = /^web\/lists(?:\(guid'([0-9a-fA-F-]{36})'\)|\/getbytitle\('((?:[^']|'')*)'\))(.*)$/i;
const FIELD = /^\/fields\/(?:getbyinternalnameortitle|getbytitle)\('((?:[^']|'')*)'\)$/i;
const ADD_OR_REMOVE = /^\/roleassignments\/(addroleassignment|removeroleassignment)\(principalid=(\d+),\s*roledefid=(\d+)\)$/i;
const BREAK = /^\/breakroleinheritance\((?:copyroleassignments=)?(true|false)(?:,\s*(?:clearsubscopes=)?(true|false))?\)$/i;
const USER_PERMISSIONS = /^\/getusereffectivepermissions\((?:@(\w+)|'((?:[^']|'')*)')\)$/i;
const BY_PRINCIPAL = /^\/roleassignments\/getbyprincipalid\((\d+)\)$/i;
const ROLE_DEF = /^web\/roledefinitions(?:\((\d+)\)|\/getbyid\((\d+)\)|\/getbyname\('((?:[^']|'')*)'\))$/i;
const SITE_GROUP = /^web\/sitegroups(?:\((\d+)\)|\/getbyid\((\d+)\))(\/users(?:\/removebyid\((\d+)\))?)?$/i;
const ENSURE_USER = /^web\/ensureuser(?:\('((?:[^']|'')*)'\))?$/i;


/** A request with what the routes need about it, worked out once. */
interface SpCall {
  readonly req: EmuRequest;
  readonly method: string;
  readonly verbose: boolean;
  readonly body: Record<string, unknown>;
  readonly principal: Principal;
  readonly access: CallerAccess;
}

export class SharePointRoutes {
  private readonly views: ViewRoutes;

  constructor(private readonly ctx: GraphContext) {
    this.views = new ViewRoutes(ctx.store, new ViewStore(ctx.db));
  }

  /** `apiPath` is what follows `/_api/`, percent-decoded. */
  dispatch(req: EmuRequest, apiPath: string, principal: Principal): EmuReply {
    // Any AllSites scope lets the call through; the scope's cap on the user's rights does the rest.
    const scopes = needs('AllSites.Read');
    if (!meets(principal.scopes, scopes)) throw denied(`The token does not carry a SharePoint delegated permission (needs ${describeRequirement(scopes)}).`);
    const call: SpCall = {
      req,
      method: (req.headers['x-http-method'] ?? req.method).toUpperCase(),
      verbose: (req.headers.accept ?? '').includes('odata=verbose'),
      body: stripMetadata(req.body),
      principal,
      access: this.ctx.permissions.caller(principal, 'sharepoint'),
    };
    // Opening the site at all needs some permission on it (Limited Access will do).
    if (!hasPermission(call.access.web(), PermissionKind.Open)) throw denied();
    const path = apiPath.replace(/\/+$/, '');
    const list = LIST.exec(path);
    if (list) return this.listCall(call, list, path);
    return this.webCall(call, path);
  }

  // ---- the site (web) --------------------------------------------------------

  private webCall(call: SpCall, path: string): EmuReply {
    const { method, verbose } = call;
    const perms = this.ctx.permissions;
    const lower = path.toLowerCase();
    const isGet = method === 'GET';
    if (lower === 'web/effectivebasepermissions' && isGet) return json(basePermissionsBody(call.access.web(), verbose, 'EffectiveBasePermissions'));
    if (lower === 'web/hasuniqueroleassignments' && isGet) return json(valueBody(true, verbose, 'HasUniqueRoleAssignments'));
    if (lower === 'web/currentuser' && isGet) return json(entity(principalProps(perms.userPrincipal(call.principal.oid)!, this.isAdmin(call)), verbose, 'SP.User'));
    const assoc = /^web\/associated(owner|member|visitor)group$/.exec(lower);
    if (assoc && isGet) {
      this.need(call.access.web(), PermissionKind.BrowseUserInfo);
      const id = SITE_GROUPS[`${assoc[1] as 'owner' | 'member' | 'visitor'}s`].id;
      return json(entity(principalProps(perms.principal(id)!), verbose, 'SP.Group'));
    }
    if (lower === 'web/roledefinitions') {
      if (isGet) return json(collection(perms.roleDefinitions().map(roleDefinitionProps), verbose, 'SP.RoleDefinition'));
      if (method === 'POST') return this.createRoleDefinition(call);
    }
    const roleDef = ROLE_DEF.exec(path);
    if (roleDef) {
      const def = roleDef[3] !== undefined ? perms.roleDefinition(unquote(roleDef[3])) : perms.roleDefinition(Number(roleDef[1] ?? roleDef[2]));
      if (!def) throw spError(404, 'The permission level does not exist.', 'System.ArgumentException');
      if (isGet) return json(entity(roleDefinitionProps(def), verbose, 'SP.RoleDefinition'));
      if (isMerge(call)) return this.updateRoleDefinition(call, def);
    }
    if (lower.startsWith('web/roleassignments') || lower.startsWith('web/getusereffectivepermissions')) {
      return this.securableCall(call, undefined, path.slice('web'.length));
    }
    const ensure = ENSURE_USER.exec(path);
    if (ensure && method === 'POST') return this.ensureUser(call, ensure[1] !== undefined ? unquote(ensure[1]) : call.body.logonName);
    if (lower === 'web/sitegroups' && isGet) {
      this.need(call.access.web(), PermissionKind.BrowseUserInfo);
      return json(collection(perms.spGroups().map((g) => principalProps(g)), verbose, 'SP.Group'));
    }
    const group = SITE_GROUP.exec(path);
    if (group) return this.siteGroupCall(call, Number(group[1] ?? group[2]), group[3] !== undefined, group[4] !== undefined ? Number(group[4]) : undefined);
    throw spError(404, `The REST path '_api/${path}' is not supported by the emulator.`, 'System.ArgumentException');
  }

  private createRoleDefinition(call: SpCall): EmuReply {
    this.need(call.access.web(), PermissionKind.ManagePermissions);
    const name = typeof call.body.Name === 'string' ? call.body.Name.trim() : '';
    if (!name) throw spError(400, 'A permission level needs a Name.', 'System.ArgumentException');
    if (this.ctx.permissions.roleDefinition(name)) throw spError(400, `The permission level "${name}" already exists.`, 'Microsoft.SharePoint.SPException');
    const mask = fromBasePermissions(call.body.BasePermissions);
    if (mask === 0n) throw spError(400, 'BasePermissions must give High and Low.', 'System.ArgumentException');
    const def = this.ctx.db.transaction(() => this.ctx.permissions.addRoleDefinition({
      name, description: typeof call.body.Description === 'string' ? call.body.Description : '', mask,
      ...(typeof call.body.Order === 'number' ? { order: call.body.Order } : {}),
    }))();
    return json(entity(roleDefinitionProps(def), call.verbose, 'SP.RoleDefinition'), 201);
  }

  private updateRoleDefinition(call: SpCall, def: RoleDefinition): EmuReply {
    this.need(call.access.web(), PermissionKind.ManagePermissions);
    // Full Control and Limited Access cannot be changed in SharePoint.
    if (def.id === BUILT_IN_LEVELS.fullControl.id || def.id === BUILT_IN_LEVELS.limitedAccess.id) {
      throw spError(400, `The permission level "${def.name}" cannot be changed.`, 'Microsoft.SharePoint.SPException');
    }
    const mask = call.body.BasePermissions === undefined ? undefined : fromBasePermissions(call.body.BasePermissions);
    this.ctx.permissions.updateRoleDefinition(def.id, {
      ...(typeof call.body.Description === 'string' ? { description: call.body.Description } : {}),
      ...(mask !== undefined ? { mask } : {}),
    });
    return noContent();
  }

  /** SP.Web.EnsureUser: a user or an Entra security group (by claim) as a site principal; adding one needs Manage Permissions. */
  private ensureUser(call: SpCall, logonName: unknown): EmuReply {
    if (typeof logonName !== 'string' || !logonName.trim()) throw spError(400, 'ensureuser needs {"logonName": "<claim>"}.', 'System.ArgumentException');
    const perms = this.ctx.permissions;
    const known = perms.principalByLogin(logonName.trim());
    if (!known) this.need(call.access.web(), PermissionKind.ManagePermissions);
    else this.need(call.access.web(), PermissionKind.BrowseUserInfo);
    const ensured = known ? { principal: known } : this.ctx.db.transaction(() => perms.ensure(logonName.trim()))();
    if (!ensured) throw spError(404, `The user or group '${logonName}' does not exist in the directory.`, 'Microsoft.SharePoint.SPException');
    return json(entity(principalProps(ensured.principal, this.isAdminPrincipal(ensured.principal)), call.verbose, 'SP.User'));
  }

  private siteGroupCall(call: SpCall, groupId: number, users: boolean, removeId: number | undefined): EmuReply {
    const perms = this.ctx.permissions;
    const group = perms.principal(groupId);
    if (!group || group.kind !== 'spGroup') throw spError(404, 'Group cannot be found.', 'Microsoft.SharePoint.SPException');
    this.need(call.access.web(), PermissionKind.BrowseUserInfo);
    if (!users && call.method === 'GET') return json(entity(principalProps(group), call.verbose, 'SP.Group'));
    if (users && removeId === undefined && call.method === 'GET') {
      return json(collection(perms.groupMembers(groupId).map((m) => principalProps(m, this.isAdminPrincipal(m))), call.verbose, 'SP.User'));
    }
    if (users && call.method === 'POST') {
      this.need(call.access.web(), PermissionKind.ManagePermissions);
      if (removeId !== undefined) {
        if (!perms.removeFromGroup(groupId, removeId)) throw spError(404, 'User cannot be found.', 'Microsoft.SharePoint.SPException');
        return json(nullBody(call.verbose, 'RemoveById'));
      }
      const login = call.body.LoginName;
      if (typeof login !== 'string') throw spError(400, 'Adding a group member needs {"LoginName": "<claim>"}.', 'System.ArgumentException');
      const member = this.ctx.db.transaction(() => {
        const found = perms.ensure(login);
        if (found) perms.addToGroup(groupId, found.principal.id);
        return found?.principal;
      })();
      if (!member) throw spError(404, `The user or group '${login}' does not exist in the directory.`, 'Microsoft.SharePoint.SPException');
      return json(entity(principalProps(member, this.isAdminPrincipal(member)), call.verbose, 'SP.User'), 201);
    }
    throw spError(405, `The HTTP method '${call.method}' cannot be used here.`, 'System.InvalidOperationException');
  }

  // ---- lists -----------------------------------------------------------------

  private listCall(call: SpCall, m: RegExpExecArray, path: string): EmuReply {
    const list = m[1] ? this.ctx.store.findList(m[1]) : this.ctx.store.findList(unquote(m[2]!));
    // A list the caller has no permission on is not revealed: the same answer as no list at all.
    if (!list || !hasPermission(call.access.list(list), PermissionKind.Open)) {
      throw spError(404, 'List does not exist.\n\nThe page you selected contains a list that does not exist. It may have been deleted by another user.', 'System.ArgumentException', -2130575322);
    }
    const rest = m[3] ?? '';
    const mask = call.access.list(list);
    const { method, verbose } = call;
    if (ViewRoutes.handles(rest)) return this.ctx.db.transaction(() => this.views.dispatch({ ...call, mask }, list, rest))();
    if (rest === '' || rest === '/') {
      if (method === 'GET') return json(entity(this.listProps(call.req, list, mask), verbose, 'SP.List'));
      if (isMerge(call)) {
        this.need(mask, PermissionKind.ManageLists);
        const read = numberProp(call.body, 'ReadSecurity', [1, 2]);
        const write = numberProp(call.body, 'WriteSecurity', [1, 2, 4]);
        const versioning = call.body.EnableVersioning;
        if (versioning !== undefined && typeof versioning !== 'boolean') throw spError(400, 'EnableVersioning must be true or false.', 'System.ArgumentException');
        this.ctx.store.setListProperties(list.id, {
          ...(read !== undefined ? { readSecurity: read } : {}),
          ...(write !== undefined ? { writeSecurity: write } : {}),
          ...(versioning !== undefined ? { versioning } : {}),
        });
        return noContent();
      }
    }
    const f = FIELD.exec(rest);
    if (f) {
      const name = unquote(f[1]!);
      const column = this.ctx.store.columns(list.id).find((c) => c.name === name || c.displayName === name);
      if (!column) throw spError(404, `Column '${name}' does not exist. It may have been deleted by another user.`, 'System.ArgumentException');
      if (method === 'GET') return json(entity(fieldProps(column), verbose, 'SP.Field'));
      if (isMerge(call)) {
        this.need(mask, PermissionKind.ManageLists);
        const patch: Partial<StoredColumn> = {};
        if (typeof call.body.Indexed === 'boolean') Object.assign(patch, { indexed: call.body.Indexed });
        if (typeof call.body.EnforceUniqueValues === 'boolean') Object.assign(patch, { enforceUniqueValues: call.body.EnforceUniqueValues });
        if (typeof call.body.Required === 'boolean') Object.assign(patch, { required: call.body.Required });
        this.ctx.store.updateColumn(list.id, column.id, patch);
        return noContent();
      }
    }
    const lower = rest.toLowerCase();
    if (lower === '/effectivebasepermissions' && method === 'GET') return json(basePermissionsBody(mask, verbose, 'EffectiveBasePermissions'));
    if (lower === '/hasuniqueroleassignments' && method === 'GET') return json(valueBody(list.unique_perms === 1, verbose, 'HasUniqueRoleAssignments'));
    const brk = BREAK.exec(rest);
    if (brk && method === 'POST') {
      this.need(mask, PermissionKind.ManagePermissions);
      this.ctx.db.transaction(() => this.ctx.permissions.breakInheritance(list, brk[1]!.toLowerCase() === 'true', this.ctx.permissions.userPrincipal(call.principal.oid)?.id))();
      return json(nullBody(verbose, 'BreakRoleInheritance'));
    }
    if (lower === '/resetroleinheritance' && method === 'POST') {
      this.need(mask, PermissionKind.ManagePermissions);
      this.ctx.db.transaction(() => this.ctx.permissions.resetInheritance(list))();
      return json(nullBody(verbose, 'ResetRoleInheritance'));
    }
    if (lower.startsWith('/roleassignments') || lower.startsWith('/getusereffectivepermissions')) return this.securableCall(call, list, rest);
    throw spError(405, `The HTTP method '${method}' cannot be used on '_api/${path}'.`, 'System.InvalidOperationException');
  }

  /** Role assignments and effective permissions of the site (`list` undefined) or of a list. */
  private securableCall(call: SpCall, list: ListRow | undefined, rest: string): EmuReply {
    const perms = this.ctx.permissions;
    const mask = list ? call.access.list(list) : call.access.web();
    const { method, verbose } = call;
    const lower = rest.toLowerCase();
    if (lower === '/roleassignments' && method === 'GET') {
      this.need(mask, PermissionKind.EnumeratePermissions);
      const scope = perms.scopeOf(list);
      const expand = new Set((call.req.query.get('$expand') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
      return json(collection(perms.assignments(scope).map((a) => this.assignmentProps(a.principalId, a.roleDefinitionIds, expand, verbose)), verbose, 'SP.RoleAssignment'));
    }
    const byPrincipal = BY_PRINCIPAL.exec(rest);
    if (byPrincipal && method === 'GET') {
      this.need(mask, PermissionKind.EnumeratePermissions);
      const id = Number(byPrincipal[1]);
      const found = perms.assignments(perms.scopeOf(list)).find((a) => a.principalId === id);
      if (!found) throw spError(404, 'Can not find the principal with id: ' + id + '.', 'System.ArgumentException');
      return json(entity(this.assignmentProps(found.principalId, found.roleDefinitionIds, new Set(['member', 'roledefinitionbindings']), verbose), verbose, 'SP.RoleAssignment'));
    }
    const change = ADD_OR_REMOVE.exec(rest);
    if (change && method === 'POST') {
      this.need(mask, PermissionKind.ManagePermissions);
      return this.changeAssignment(call, list, change[1]!.toLowerCase() === 'addroleassignment', Number(change[2]), Number(change[3]));
    }
    const user = USER_PERMISSIONS.exec(rest);
    if (user && method === 'GET') {
      const login = user[2] !== undefined ? unquote(user[2]) : aliasValue(call.req.query, user[1]!);
      if (login === undefined) throw spError(400, `The parameter @${user[1]} has no value.`, 'System.ArgumentException');
      // One may always ask about oneself; about anyone else needs Enumerate Permissions.
      const self = perms.userPrincipal(call.principal.oid)?.loginName.toLowerCase() === login.toLowerCase();
      if (!self) this.need(mask, PermissionKind.EnumeratePermissions);
      const effective = perms.effectiveForLogin(login, list);
      if (effective === undefined) throw spError(404, `The user or group '${login}' does not exist.`, 'Microsoft.SharePoint.SPException');
      return json(basePermissionsBody(effective, verbose, 'GetUserEffectivePermissions'));
    }
    throw spError(405, `The HTTP method '${method}' cannot be used on '${rest}'.`, 'System.InvalidOperationException');
  }

  private changeAssignment(call: SpCall, list: Securable | undefined, add: boolean, principalId: number, roleDefId: number): EmuReply {
    const perms = this.ctx.permissions;
    // The site's assignments always belong to it; a list must have its own before they can change.
    if (list && list.unique_perms !== 1) {
      throw spError(400, 'This operation is not allowed on an object that inherits permissions.', 'Microsoft.SharePoint.SPException', -2146232832);
    }
    const def = perms.roleDefinition(roleDefId);
    if (!def) throw spError(404, 'The permission level does not exist.', 'System.ArgumentException');
    if (!perms.principal(principalId)) throw spError(404, `Can not find the principal with id: ${principalId}.`, 'System.ArgumentException');
    const scope = list ? list.id : WEB_SCOPE;
    if (add) {
      if (def.id === BUILT_IN_LEVELS.limitedAccess.id) throw spError(400, 'Limited Access cannot be assigned directly: SharePoint grants it.', 'Microsoft.SharePoint.SPException');
      this.ctx.db.transaction(() => perms.addAssignment(scope, principalId, roleDefId))();
      return json(nullBody(call.verbose, 'AddRoleAssignment'));
    }
    this.ctx.db.transaction(() => perms.removeAssignment(scope, principalId, roleDefId))();
    return json(nullBody(call.verbose, 'RemoveRoleAssignment'));
  }

  private assignmentProps(principalId: number, roleDefIds: readonly number[], expand: ReadonlySet<string>, verbose: boolean): Record<string, unknown> {
    const perms = this.ctx.permissions;
    const out: Record<string, unknown> = { PrincipalId: principalId };
    if (expand.has('member')) {
      const member = perms.principal(principalId);
      if (member) out.Member = nested(principalProps(member, this.isAdminPrincipal(member)), verbose, member.kind === 'spGroup' ? 'SP.Group' : 'SP.User');
    }
    if (expand.has('roledefinitionbindings')) {
      const defs = roleDefIds.flatMap((id) => perms.roleDefinition(id) ?? []).map(roleDefinitionProps);
      out.RoleDefinitionBindings = verbose ? { results: defs.map((d) => nested(d, true, 'SP.RoleDefinition')) } : defs;
    }
    return out;
  }

  private listProps(req: EmuRequest, list: ListRow, mask: bigint): Record<string, unknown> {
    const site = siteInfo(this.ctx.db, req.origin);
    return {
      Id: list.id,
      Title: list.display_name,
      Description: list.description,
      BaseTemplate: 100,
      Created: list.created_at,
      LastItemModifiedDate: list.modified_at,
      ItemCount: this.ctx.store.itemCount(list.id),
      ReadSecurity: list.read_security,
      WriteSecurity: list.write_security,
      EnableVersioning: list.versioning === 1,
      HasUniqueRoleAssignments: list.unique_perms === 1,
      EffectiveBasePermissions: toBasePermissions(mask),
      ParentWebUrl: new URL(site.webUrl).pathname,
    };
  }

  // ---- helpers ---------------------------------------------------------------

  private need(mask: bigint, kind: PermissionKindValue): void {
    if (!hasPermission(mask, kind)) throw denied();
  }

  private isAdmin(call: SpCall): boolean {
    return this.ctx.permissions.isSiteAdmin(call.principal.oid);
  }

  private isAdminPrincipal(p: SitePrincipal): boolean {
    return p.kind === 'user' && p.entraId !== null && this.ctx.permissions.isSiteAdmin(p.entraId);
  }
}

const isMerge = (call: SpCall): boolean => call.method === 'MERGE' || call.method === 'PATCH';

/** `@user` in the path names a parameter alias given in the query: `?@user='i:0#.f|membership|…'`. */
function aliasValue(query: URLSearchParams, alias: string): string | undefined {
  const raw = query.get(`@${alias}`);
  if (raw === null) return undefined;
  const quoted = /^'((?:[^']|'')*)'$/.exec(raw.trim());
  return quoted ? unquote(quoted[1]!) : raw.trim();
}

function principalProps(p: SitePrincipal, isSiteAdmin = false): Record<string, unknown> {
  const common = { Id: p.id, IsHiddenInUI: false, LoginName: p.loginName, Title: p.title };
  if (p.kind === 'spGroup') {
    return { ...common, PrincipalType: PrincipalType.SharePointGroup, Description: p.description, OwnerTitle: SITE_GROUPS.owners.title, AllowMembersEditMembership: false };
  }
  return {
    ...common,
    PrincipalType: p.kind === 'user' ? PrincipalType.User : PrincipalType.SecurityGroup,
    Email: p.email ?? '',
    IsSiteAdmin: isSiteAdmin,
    UserPrincipalName: p.kind === 'user' ? p.loginName.split('|').pop() ?? null : null,
  };
}

function roleDefinitionProps(d: RoleDefinition): Record<string, unknown> {
  return { BasePermissions: toBasePermissions(d.mask), Description: d.description, Hidden: d.hidden, Id: d.id, Name: d.name, Order: d.order, RoleTypeKind: d.roleTypeKind };
}

function fieldProps(c: StoredColumn): Record<string, unknown> {
  return {
    Id: c.id, InternalName: c.name, StaticName: c.name, Title: c.displayName, Indexed: Boolean(c.indexed),
    EnforceUniqueValues: Boolean(c.enforceUniqueValues), Required: Boolean(c.required),
    TypeAsString: c.boolean ? 'Boolean' : c.dateTime ? 'DateTime' : c.choice ? 'Choice' : c.number ? 'Number' : c.text?.allowMultipleLines ? 'Note' : 'Text',
  };
}

function basePermissionsBody(mask: bigint, verbose: boolean, name: string): unknown {
  const perms = toBasePermissions(mask & FULL_MASK);
  return verbose ? { d: { [name]: { __metadata: { type: 'SP.BasePermissions' }, ...perms } } } : perms;
}

function numberProp(body: Record<string, unknown>, name: string, allowed: readonly number[]): number | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !allowed.includes(v)) throw spError(400, `${name} must be one of ${allowed.join(', ')}.`, 'System.ArgumentException');
  return v;
}
