// node:http front door: CORS for local pages, body parsing, fault injection,
// authentication, then Graph (/v1.0), JSON batching, SharePoint REST (_api),
// the read-only list pages (<site>/Lists/…) or the dev-only endpoints (/_dev).
// No framework: the routing is a table.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Directory } from './directory';
import type { FaultInjector} from './faults';
import { faultReplyBody, parseFaultOptions, type FaultKind, type FaultOptions } from './faults';
import { GraphRoutes, splitGraphPath, type GraphContext } from './graph-routes';
import { GraphHttpError, errorBody, errorReply, json, noContent, type EmuReply, type EmuRequest, type Principal } from './http';
import { SharePointRoutes } from './sp-routes';
import { ListPages, SESSION_COOKIE, SESSION_COOKIE_PATH, message } from './list-page';
import { ViewStore } from './views';
import { SITE_PATH, siteInfo } from './render';
import { ADMINS_GROUP_ID, ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID } from './seed/demo';
import { APP_SCOPES } from '../graph/scopes';
import { grantedScopes } from './scopes';

const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** Graph's documented limit for one JSON batch. */
export const BATCH_LIMIT = 20;

const LOCAL_ORIGIN = /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/i;
const EXPOSED_HEADERS = ['ETag', 'Retry-After', 'Location', 'request-id', 'client-request-id', 'Content-Type'];
const ALLOWED_HEADERS = ['Authorization', 'If-Match', 'If-None-Match', 'Prefer', 'Content-Type', 'Accept', 'client-request-id',
  'SdkVersion', 'ConsistencyLevel', 'X-HTTP-Method', 'X-RequestDigest', 'odata-version', 'odata-maxversion'];

export interface EmulatorServerDeps extends GraphContext {
  readonly directory: Directory;
  readonly faults: FaultInjector;
}

interface BatchStep {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly dependsOn?: readonly string[];
}

export function createEmulatorServer(deps: EmulatorServerDeps): Server {
  const graph = new GraphRoutes(deps);
  const sharePoint = new SharePointRoutes(deps);
  const pages = new ListPages({ store: deps.store, directory: deps.directory, permissions: deps.permissions, views: new ViewStore(deps.db) });

  const guarded = (run: () => EmuReply, kind: FaultKind | undefined): EmuReply => {
    if (kind === undefined) return run();
    // commit-then-503 performs the request first; its answer is lost all the same.
    if (kind === 'commit-then-503') run();
    const f = faultReplyBody(kind);
    return { status: f.status, headers: deps.faults.headers(), body: errorBody(f.code, f.message) };
  };

  /** A thrown error as the reply: Graph's error body, or SharePoint REST's when `sp`. */
  const failure = (err: unknown, sp = false): EmuReply => {
    if (err instanceof GraphHttpError) return sp ? spErrorReply(err) : errorReply(err);
    console.error('[emulator] unexpected error:', err);
    return { status: 500, body: errorBody('generalException', 'An unexpected error occurred in the emulator.') };
  };

  const safely = (run: () => EmuReply, sp = false): EmuReply => {
    try {
      return run();
    } catch (err) {
      return failure(err, sp);
    }
  };

  /** Graph and SharePoint REST alike: pick this request's fault, check the token (401 beats any fault), then serve. */
  const authenticated = async (req: EmuRequest, sp: boolean, serve: (principal: Principal, kind: FaultKind | undefined) => EmuReply): Promise<EmuReply> => {
    const kind = deps.faults.pick();
    let principal: Principal;
    try {
      principal = await deps.directory.authenticate(req.headers.authorization);
    } catch (err) {
      return failure(err, sp);
    }
    return safely(() => serve(principal, kind), sp);
  };

  const runBatch = (req: EmuRequest, principal: Principal): EmuReply => {
    const body = req.body as { requests?: unknown } | undefined;
    const steps = body?.requests;
    if (!Array.isArray(steps) || steps.length === 0) throw new GraphHttpError(400, 'BadRequest', 'The batch request must contain a non-empty requests array.');
    if (steps.length > BATCH_LIMIT) throw new GraphHttpError(400, 'BadRequest', `Number of batch request steps exceeds the maximum of ${BATCH_LIMIT}.`);
    const ids = new Set<string>();
    for (const step of steps as BatchStep[]) {
      if (!step || typeof step.id !== 'string' || typeof step.method !== 'string' || typeof step.url !== 'string') {
        throw new GraphHttpError(400, 'BadRequest', 'Each batch request needs string id, method and url.');
      }
      if (ids.has(step.id)) throw new GraphHttpError(400, 'BadRequest', `Batch request id '${step.id}' is used more than once.`);
      for (const dep of step.dependsOn ?? []) {
        if (!ids.has(dep)) throw new GraphHttpError(400, 'BadRequest', `Batch request '${step.id}' depends on '${dep}', which is not an earlier request in the batch.`);
      }
      ids.add(step.id);
    }
    const statuses = new Map<string, number>();
    const responses = (steps as BatchStep[]).map((step) => {
      const failedDep = (step.dependsOn ?? []).find((d) => (statuses.get(d) ?? 0) >= 400);
      let reply: EmuReply;
      if (failedDep !== undefined) {
        reply = { status: 424, body: errorBody('FailedDependency', `Request '${step.id}' depends on '${failedDep}', which failed.`) };
      } else {
        const sub = subRequest(req, step);
        reply = safely(() => {
          if (/^\$batch$/i.test(sub.segments[0] ?? '')) throw new GraphHttpError(400, 'BadRequest', 'A batch cannot contain another batch.');
          return guarded(() => graph.dispatch(sub, principal), deps.faults.pick(true));
        });
      }
      statuses.set(step.id, reply.status);
      return {
        id: step.id,
        status: reply.status,
        headers: { ...(reply.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(reply.headers ?? {}) },
        ...(reply.body !== undefined ? { body: reply.body } : {}),
      };
    });
    return json({ responses });
  };

  /**
   * The demo's hand-off to a list page: a form POSTed from the tab with the signed-in person's demo
   * token (in the body, so it is never in a URL or the browser's history) and the page to open. It
   * becomes an HttpOnly cookie for the site's pages only, then a redirect there. Only pages on this
   * emulator's site are redirected to.
   */
  const openPage = async (req: EmuRequest): Promise<EmuReply> => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const to = typeof body.to === 'string' ? body.to : '';
    let target: URL | undefined;
    try {
      target = new URL(to, req.origin);
    } catch {
      target = undefined;
    }
    if (!target || target.origin !== req.origin || !ListPages.handles(target.pathname)) {
      return message(400, 'Not a page of this emulator', ['The hand-off opens only list pages of this emulator’s site (…/sites/wellsap/Lists/…).']);
    }
    const token = typeof body.token === 'string' ? body.token : '';
    try {
      await deps.directory.authenticate(`Bearer ${token}`);
    } catch {
      return message(401, 'Sign in from the AUP Guard tab first', ['The hand-off carried no valid demo token. Sign in to the AUP Guard tab again and use Open in SharePoint.']);
    }
    return {
      status: 303,
      headers: {
        Location: `${target.pathname}${target.search}`,
        'Set-Cookie': `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=${SESSION_COOKIE_PATH}; HttpOnly; SameSite=Lax`,
        'Cache-Control': 'no-store',
      },
    };
  };

  const dev = async (req: EmuRequest): Promise<EmuReply> => {
    const [, what, id] = req.segments;
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (what === 'open' && req.method === 'POST') return openPage(req);
    if (what === 'token' && req.method === 'POST') {
      if (typeof body.upn !== 'string') throw new GraphHttpError(400, 'BadRequest', 'POST /_dev/token needs {"upn": "..."}');
      return json(await deps.directory.mintToken(body.upn, devTokenScopes(body.scopes)));
    }
    if (what === 'users' && req.method === 'GET' && id === undefined) return json(deps.directory.devUsers());
    if (what === 'users' && req.method === 'PATCH' && id !== undefined) {
      if (typeof body.teamsAppInstalled !== 'boolean') throw new GraphHttpError(400, 'BadRequest', 'PATCH /_dev/users/{id} needs {"teamsAppInstalled": boolean}');
      if (!deps.directory.setTeamsAppInstalled(id, body.teamsAppInstalled)) throw new GraphHttpError(404, 'itemNotFound', `No user '${id}'.`);
      return noContent();
    }
    if (what === 'outbox' && req.method === 'GET') return json(deps.outbox.all());
    if (what === 'outbox' && req.method === 'DELETE') {
      deps.outbox.clear();
      return noContent();
    }
    if (what === 'faults' && req.method === 'GET') return json(deps.faults.stats());
    if (what === 'faults' && req.method === 'PUT') {
      let options: FaultOptions | undefined;
      try {
        options = parseFaultOptions(body);
      } catch (error) {
        throw new GraphHttpError(400, 'BadRequest', `PUT /_dev/faults: ${error instanceof Error ? error.message : String(error)}`);
      }
      deps.faults.set(options);
      return noContent();
    }
    if (what === 'info' && req.method === 'GET') {
      const site = siteInfo(deps.db, req.origin);
      return json({ graphUrl: `${req.origin}/v1.0`, siteId: site.id, siteUrl: site.webUrl, allStaffGroupId: ALL_STAFF_GROUP_ID, managersGroupId: MANAGERS_GROUP_ID, adminsGroupId: ADMINS_GROUP_ID });
    }
    throw new GraphHttpError(404, 'itemNotFound', `No dev endpoint ${req.method} /${req.segments.join('/')}.`);
  };

  const route = async (req: EmuRequest, pathname: string): Promise<EmuReply> => {
    if (pathname.startsWith('/_dev/')) {
      try {
        return await dev(req);
      } catch (err) {
        return failure(err);
      }
    }
    if (pathname === '/' || pathname === '/health') return json({ status: 'ok', graph: `${req.origin}/v1.0` });
    if (ListPages.handles(pathname)) return pages.serve(req, pathname);
    const spPrefix = `${SITE_PATH}/_api/`;
    if (pathname.toLowerCase().startsWith(spPrefix)) {
      return authenticated(req, true, (principal, kind) => guarded(() => sharePoint.dispatch(req, decodeURIComponent(pathname.slice(spPrefix.length)), principal), kind));
    }
    if (pathname.startsWith('/v1.0/') || pathname === '/v1.0') {
      const isBatch = req.segments[0] === '$batch' && req.method === 'POST';
      // A lost answer to a whole batch is not modelled; its steps are faulted one by one instead.
      return authenticated(req, false, (principal, kind) => isBatch
        ? guarded(() => runBatch(req, principal), kind === 'commit-then-503' ? undefined : kind)
        : guarded(() => graph.dispatch(req, principal), kind));
    }
    return { status: 404, body: errorBody('itemNotFound', `Nothing is served at ${pathname}. Graph is under /v1.0.`) };
  };

  const server = createServer((req, res) => {
    void handle(req, res, route).catch((err: unknown) => {
      console.error('[emulator] failed to answer:', err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // A bulk seed in the same process (seedScale: seconds of synchronous SQLite) delays every timer; with
  // Node's 5 s default the server and the client's pool then both expire an idle socket at once, and the
  // next request on it fails with ECONNRESET. A minute is longer than any seed.
  server.keepAliveTimeout = 65_000;
  return server;
}

async function handle(req: IncomingMessage, res: ServerResponse, route: (req: EmuRequest, pathname: string) => Promise<EmuReply>): Promise<void> {
  const cors = corsHeaders(req);
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      ...cors,
      'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, MERGE, OPTIONS',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] && cors['Access-Control-Allow-Origin']
        ? String(req.headers['access-control-request-headers'])
        : ALLOWED_HEADERS.join(', '),
      'Access-Control-Max-Age': '600',
    });
    res.end();
    return;
  }
  const origin = `http://${req.headers.host ?? 'localhost'}`;
  const url = new URL(req.url ?? '/', origin);
  const requestId = typeof req.headers['client-request-id'] === 'string' ? req.headers['client-request-id'] : randomUUID();
  let reply: EmuReply;
  try {
    const body = await readBody(req);
    const graphPath = url.pathname.replace(/^\/v1\.0\/?/, '');
    const emuReq: EmuRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      segments: url.pathname.startsWith('/v1.0') ? splitGraphPath(graphPath) : url.pathname.split('/').filter(Boolean),
      rawPath: graphPath,
      query: url.searchParams,
      headers: lowerHeaders(req),
      body,
      origin,
    };
    reply = await route(emuReq, url.pathname);
  } catch (err) {
    reply = err instanceof GraphHttpError ? errorReply(err) : { status: 500, body: errorBody('generalException', String(err)) };
  }
  const headers: Record<string, string> = { ...cors, 'request-id': requestId, 'client-request-id': requestId, ...(reply.headers ?? {}) };
  if (reply.html !== undefined) {
    res.writeHead(reply.status, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(reply.html) });
    res.end(req.method === 'HEAD' ? undefined : reply.html);
  } else if (reply.body !== undefined && reply.status !== 204) {
    const text = JSON.stringify(reply.body);
    res.writeHead(reply.status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  } else {
    res.writeHead(reply.status, headers);
    res.end();
  }
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !LOCAL_ORIGIN.test(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', '),
    Vary: 'Origin',
  };
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new GraphHttpError(413, 'RequestEntityTooLarge', 'The request body is too large.');
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return undefined;
  // A plain HTML form (the demo's hand-off to a list page) posts name=value pairs.
  if (/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '')) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new GraphHttpError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  }
}

const WITHIN_APP_SCOPES = grantedScopes(APP_SCOPES);

/**
 * The scopes of a dev token: the app's own (src/graph/scopes.ts) unless a test asks for narrower
 * ones (Sites.Read.All lies within Sites.Manage.All). Anything wider cannot be asked for: no token
 * for this app could carry it in a tenant either.
 */
function devTokenScopes(value: unknown): readonly string[] {
  if (value === undefined) return APP_SCOPES;
  if (!Array.isArray(value) || value.some((s) => typeof s !== 'string')) throw new GraphHttpError(400, 'BadRequest', 'POST /_dev/token: "scopes" must be a list of scope names.');
  const wider = (value as string[]).filter((s) => !WITHIN_APP_SCOPES.has(s));
  if (wider.length > 0) throw new GraphHttpError(400, 'BadRequest', `POST /_dev/token: ${wider.join(', ')} is not within what the app requests (${APP_SCOPES.join(', ')}).`);
  return value as string[];
}

/** A $batch step as a request of its own: same headers (plus the batch's token), same routing. */
function subRequest(outer: EmuRequest, step: BatchStep): EmuRequest {
  const url = new URL(/^https?:\/\//i.test(step.url) ? step.url : step.url.replace(/^\/?/, '/'), outer.origin);
  // graph-client sends absolute URLs' paths as `/v1.0/...`; the docs use `/users/...`.
  const rawPath = url.pathname.replace(/^\/(?:v1\.0\/)?/, '');
  const headers: Record<string, string> = { authorization: outer.headers.authorization ?? '' };
  for (const [k, v] of Object.entries(step.headers ?? {})) headers[k.toLowerCase()] = String(v);
  return {
    method: step.method.toUpperCase(),
    segments: splitGraphPath(rawPath),
    rawPath,
    query: url.searchParams,
    headers,
    body: step.body,
    origin: outer.origin,
  };
}

/** SharePoint REST's error format, as the odata=nometadata flavour sends it. */
function spErrorReply(err: GraphHttpError): EmuReply {
  if (err.status === 401) return errorReply(err);
  return { status: err.status, headers: err.headers, body: { 'odata.error': { code: err.code, message: { lang: 'en-US', value: err.message } } } };
}
