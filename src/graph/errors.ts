// Typed failures for everything that talks to Graph or SharePoint REST, so a
// caller can branch on status and Graph's error code instead of parsing text
// (STYLE.md: "typed errors that carry context", after PnPjs's HttpRequestError).
import { GraphError } from '@microsoft/microsoft-graph-client';

export interface GraphRequestErrorInit {
  /** HTTP status; 0 when no response arrived (network failure, no token). */
  readonly status: number;
  /** Graph's `error.code` (`itemNotFound`, `TooManyRequests`, …), or our own for local failures. */
  readonly code: string | null;
  readonly message: string;
  readonly requestId?: string | null;
  readonly method?: string;
  readonly path?: string;
  /** Seconds the server asked us to wait, when it said so. */
  readonly retryAfterSeconds?: number | null;
}

export class GraphRequestError extends Error {
  override readonly name = 'GraphRequestError';
  readonly status: number;
  readonly code: string | null;
  readonly requestId: string | null;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly retryAfterSeconds: number | null;
  /** The server's own message, without the status and request line that `message` adds. */
  readonly detail: string;

  constructor(init: GraphRequestErrorInit, options?: { cause?: unknown }) {
    super(describe(init), options);
    this.detail = init.message;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId ?? null;
    this.method = init.method;
    this.path = init.path;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /** 429/503/504 after the RetryHandler gave up: worth trying again later, not a bug. */
  get isTransient(): boolean {
    return this.status === 429 || this.status === 503 || this.status === 504 || this.status === 0;
  }
}

function describe(init: GraphRequestErrorInit): string {
  const where = init.method && init.path ? ` (${init.method} ${init.path})` : '';
  const code = init.code ? ` ${init.code}` : '';
  const status = init.status ? `${init.status}` : 'no response';
  return `Graph request failed: ${status}${code}: ${init.message}${where}`;
}

/** Domain failures of the store that are not an HTTP status (a missing list, an edit to a published policy). */
export type StoreErrorCode = 'listNotProvisioned' | 'notFound' | 'notEditable' | 'invalidSettings' | 'invalidInput';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(readonly code: StoreErrorCode, message: string, readonly details: readonly string[] = []) {
    super(message);
  }
}

function header(headers: Headers | undefined, name: string): string | null {
  return headers && typeof headers.get === 'function' ? headers.get(name) : null;
}

function retryAfter(headers: Headers | undefined): number | null {
  const value = header(headers, 'Retry-After');
  if (value === null) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? seconds : null;
}

/** graph-client puts the error JSON in `body` as a string; take the message out of it when `message` is empty. */
function messageFromBody(body: unknown): string | null {
  if (typeof body !== 'string' || body === '') return null;
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'message' in parsed && typeof parsed.message === 'string') return parsed.message;
  } catch {
    // Not JSON: an HTML error page from a proxy, say. Use it as it is, shortened.
    return body.slice(0, 200);
  }
  return null;
}

/**
 * Converts whatever a graph-client call rejected with into a GraphRequestError.
 * graph-client reports HTTP failures as GraphError (statusCode, code, requestId,
 * headers) and failures inside the middleware (no token, network down) as
 * GraphError with statusCode -1.
 */
export function toGraphRequestError(error: unknown, context: { method?: string; path?: string } = {}): GraphRequestError {
  if (error instanceof GraphRequestError) return error;
  if (error instanceof GraphError) {
    const status = error.statusCode > 0 ? error.statusCode : 0;
    return new GraphRequestError({
      status,
      code: error.code ?? (status === 0 ? 'networkError' : null),
      message: error.message || messageFromBody(error.body) || 'no message',
      requestId: error.requestId ?? header(error.headers, 'request-id'),
      retryAfterSeconds: retryAfter(error.headers),
      ...context,
    }, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GraphRequestError({ status: 0, code: 'networkError', message, ...context }, { cause: error });
}

/** Builds the error for a raw fetch Response (SharePoint REST, $batch parts), reading Graph/SharePoint error bodies. */
export function errorFromResponseBody(
  status: number,
  body: unknown,
  context: { method?: string; path?: string; headers?: Headers } = {},
): GraphRequestError {
  let code: string | null = null;
  let message = `HTTP ${status}`;
  let requestId: string | null = header(context.headers, 'request-id');
  if (body && typeof body === 'object' && 'error' in body) {
    const err: unknown = body.error;
    if (err && typeof err === 'object') {
      if ('code' in err && typeof err.code === 'string') code = err.code;
      if ('message' in err) {
        // Graph: message is a string. SharePoint REST (odata=nometadata): { lang, value }.
        const m: unknown = err.message;
        if (typeof m === 'string') message = m;
        else if (m && typeof m === 'object' && 'value' in m && typeof m.value === 'string') message = m.value;
      }
      if ('innerError' in err && err.innerError && typeof err.innerError === 'object' && 'request-id' in err.innerError) {
        const id: unknown = err.innerError['request-id'];
        if (typeof id === 'string') requestId = id;
      }
    }
  } else if (typeof body === 'string' && body) {
    message = body.slice(0, 200);
  }
  return new GraphRequestError({
    status, code, message, requestId,
    retryAfterSeconds: retryAfter(context.headers),
    ...(context.method ? { method: context.method } : {}),
    ...(context.path ? { path: context.path } : {}),
  });
}
