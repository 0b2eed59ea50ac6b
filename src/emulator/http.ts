// The emulator's request and reply shapes, independent of node:http so that
// $batch sub-requests go through exactly the same handlers as top-level ones.
import { randomUUID } from 'node:crypto';

/** The demo sign-in picker's label for a user (GET /_dev/users). It decides nothing: SharePoint's permissions do. */
export type Role = 'staff' | 'manager' | 'admin';

/** Who is calling, from the verified token: the user, and the delegated scopes the app was granted. */
export interface Principal {
  readonly oid: string;
  readonly upn: string;
  readonly name: string;
  readonly tid: string;
  /** The token's `scp`, with the scopes each implies (scopes.ts). */
  readonly scopes: ReadonlySet<string>;
}

export interface EmuRequest {
  readonly method: string;
  /** Path below the service root, without a leading slash, already percent-decoded per segment. */
  readonly segments: readonly string[];
  /** The raw path as received (below the service root), for building links. */
  readonly rawPath: string;
  readonly query: URLSearchParams;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  /** `http://host:port`, as the client reached us; links are built on it. */
  readonly origin: string;
}

export interface EmuReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** A page rather than JSON (the list pages): sent as text/html. */
  readonly html?: string;
}

/** A failure answered in Graph's error format. */
export class GraphHttpError extends Error {
  override readonly name = 'GraphHttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = 'The resource could not be found.'): GraphHttpError => new GraphHttpError(404, 'itemNotFound', what);
export const invalidRequest = (message: string): GraphHttpError => new GraphHttpError(400, 'invalidRequest', message);
export const accessDenied = (message = 'Access denied. You do not have permission to perform this action or access this resource.'): GraphHttpError =>
  new GraphHttpError(403, 'accessDenied', message);

/** Graph's documented error body: {"error":{"code","message","innerError":{...}}}. */
export function errorBody(code: string, message: string, requestId: string = randomUUID()): unknown {
  return {
    error: {
      code,
      message,
      innerError: { date: new Date().toISOString().replace(/\.\d{3}Z$/, ''), 'request-id': requestId, 'client-request-id': requestId },
    },
  };
}

export function errorReply(err: GraphHttpError): EmuReply {
  return { status: err.status, headers: err.headers, body: errorBody(err.code, err.message) };
}

export const json = (body: unknown, status = 200, headers: Readonly<Record<string, string>> = {}): EmuReply => ({ status, body, headers });
export const noContent = (status = 204, headers: Readonly<Record<string, string>> = {}): EmuReply => ({ status, headers });

export function bodyObject(req: EmuRequest): Record<string, unknown> {
  if (req.body && typeof req.body === 'object' && !Array.isArray(req.body)) return req.body as Record<string, unknown>;
  throw invalidRequest('The request body must be a JSON object.');
}
