// The SharePoint REST calls provisioning makes where Graph has no equivalent:
// item-level security (ReadSecurity/WriteSecurity), versioning, and column
// indexing. Served at <site webUrl>/_api/web/... and answering in either the
// odata=verbose or the odata=nometadata JSON flavour, as the client asks.
import { GraphHttpError, accessDenied, isAdmin, json, noContent, type EmuReply, type EmuRequest, type Principal } from './http';
import { siteInfo } from './render';
import type { GraphContext } from './graph-routes';
import type { ListRow, StoredColumn } from './store';

const LIST = /^web\/lists(?:\(guid'([0-9a-fA-F-]{36})'\)|\/getbytitle\('((?:[^']|'')*)'\))(.*)$/i;
const FIELD = /^\/fields\/(?:getbyinternalnameortitle|getbytitle)\('((?:[^']|'')*)'\)$/i;

export class SharePointRoutes {
  constructor(private readonly ctx: GraphContext) {}

  /** `apiPath` is what follows `/_api/`, percent-decoded. */
  dispatch(req: EmuRequest, apiPath: string, principal: Principal): EmuReply {
    const verbose = (req.headers.accept ?? '').includes('odata=verbose');
    const m = LIST.exec(apiPath);
    if (!m) throw spError(404, `The REST path '_api/${apiPath}' is not supported by the emulator.`);
    const list = m[1] ? this.ctx.store.findList(m[1]) : this.ctx.store.findList(m[2]!.replace(/''/g, "'"));
    if (!list) throw spError(404, 'List does not exist.\n\nThe page you selected contains a list that does not exist. It may have been deleted by another user.');
    const rest = m[3] ?? '';
    const method = (req.headers['x-http-method'] ?? req.method).toUpperCase();
    const isMerge = method === 'MERGE' || method === 'PATCH' || (req.method === 'POST' && method === 'MERGE');
    const body = stripMetadata(req.body);

    if (rest === '' || rest === '/') {
      if (req.method === 'GET') return json(wrap(this.listProps(req, list), verbose, 'SP.List'));
      if (isMerge) {
        if (!isAdmin(principal)) throw accessDenied();
        const read = numberProp(body, 'ReadSecurity', [1, 2]);
        const write = numberProp(body, 'WriteSecurity', [1, 2, 4]);
        const versioning = body.EnableVersioning;
        if (versioning !== undefined && typeof versioning !== 'boolean') throw spError(400, 'EnableVersioning must be true or false.');
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
      const name = f[1]!.replace(/''/g, "'");
      const column = this.ctx.store.columns(list.id).find((c) => c.name === name || c.displayName === name);
      if (!column) throw spError(404, `Column '${name}' does not exist. It may have been deleted by another user.`);
      if (req.method === 'GET') return json(wrap(fieldProps(column), verbose, 'SP.Field'));
      if (isMerge) {
        if (!isAdmin(principal)) throw accessDenied();
        const patch: Partial<StoredColumn> = {};
        if (typeof body.Indexed === 'boolean') Object.assign(patch, { indexed: body.Indexed });
        if (typeof body.EnforceUniqueValues === 'boolean') Object.assign(patch, { enforceUniqueValues: body.EnforceUniqueValues });
        if (typeof body.Required === 'boolean') Object.assign(patch, { required: body.Required });
        this.ctx.store.updateColumn(list.id, column.id, patch);
        return noContent();
      }
    }
    throw spError(405, `The HTTP method '${method}' cannot be used on '_api/${apiPath}'.`);
  }

  private listProps(req: EmuRequest, list: ListRow): Record<string, unknown> {
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
      ParentWebUrl: new URL(site.webUrl).pathname,
    };
  }
}

function fieldProps(c: StoredColumn): Record<string, unknown> {
  return {
    Id: c.id, InternalName: c.name, StaticName: c.name, Title: c.displayName, Indexed: Boolean(c.indexed),
    EnforceUniqueValues: Boolean(c.enforceUniqueValues), Required: Boolean(c.required),
    TypeAsString: c.boolean ? 'Boolean' : c.dateTime ? 'DateTime' : c.choice ? 'Choice' : c.number ? 'Number' : c.text?.allowMultipleLines ? 'Note' : 'Text',
  };
}

function wrap(props: Record<string, unknown>, verbose: boolean, type: string): unknown {
  return verbose ? { d: { __metadata: { type }, ...props } } : props;
}

function stripMetadata(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const { __metadata: _m, ...rest } = body as Record<string, unknown>;
  return rest;
}

function numberProp(body: Record<string, unknown>, name: string, allowed: readonly number[]): number | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !allowed.includes(v)) throw spError(400, `${name} must be one of ${allowed.join(', ')}.`);
  return v;
}

function spError(status: number, message: string): GraphHttpError {
  return new GraphHttpError(status, status === 404 ? '-2130575322, System.ArgumentException' : '-2147024809, System.ArgumentException', message);
}
