// The other OData system query options: $select, $expand, $orderby, $top and
// the opaque $skiptoken of @odata.nextLink.
import { ODataSyntaxError } from './filter';

/** Reads `$name`, or `name` without the dollar, which Graph also accepts. */
export function option(query: URLSearchParams, name: string): string | undefined {
  return query.get(`$${name}`) ?? query.get(name) ?? undefined;
}

export function parseSelect(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  return names.length ? names : undefined;
}

export interface ExpandOption {
  readonly select?: readonly string[];
}

/** `fields($select=A,B),columns` -> { fields: { select: [A, B] }, columns: {} } */
export function parseExpand(value: string | undefined): Map<string, ExpandOption> {
  const out = new Map<string, ExpandOption>();
  if (!value) return out;
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) throw new ODataSyntaxError(`Unbalanced parentheses in $expand '${value}'.`);
  }
  if (depth !== 0) throw new ODataSyntaxError(`Unbalanced parentheses in $expand '${value}'.`);
  parts.push(value.slice(start));
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    const open = part.indexOf('(');
    const name = (open === -1 ? part : part.slice(0, open)).trim();
    let select: string[] | undefined;
    if (open !== -1) {
      const inner = part.slice(open + 1, part.lastIndexOf(')'));
      for (const opt of inner.split(';')) {
        const eq = opt.indexOf('=');
        const key = opt.slice(0, eq).trim().replace(/^\$/, '').toLowerCase();
        if (key === 'select') select = parseSelect(opt.slice(eq + 1));
        else if (key) throw new ODataSyntaxError(`$expand option '${key}' is not supported here; use $select.`);
      }
    }
    out.set(name, select ? { select } : {});
  }
  return out;
}

export interface OrderBy {
  readonly segments: readonly string[];
  readonly descending: boolean;
}

export function parseOrderBy(value: string | undefined): OrderBy[] {
  if (!value) return [];
  return value.split(',').map((part) => {
    const [path, dir, extra] = part.trim().split(/\s+/);
    if (!path || extra !== undefined || (dir !== undefined && !/^(asc|desc)$/i.test(dir))) {
      throw new ODataSyntaxError(`Invalid $orderby clause '${part.trim()}'.`);
    }
    return { segments: path.split('/'), descending: dir?.toLowerCase() === 'desc' };
  });
}

export function parseTop(value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new ODataSyntaxError(`Invalid $top value '${value}'.`);
  return Math.min(Number(value), max);
}

/** Opaque to clients, as Graph's are; only this server reads them back. */
export function encodeToken(state: Readonly<Record<string, number | string>>): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

export function decodeToken(token: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through: a token we did not issue
  }
  throw new ODataSyntaxError('The skip or delta token is not valid.');
}

/** The request's URL with one query parameter replaced, for nextLink and deltaLink. */
export function linkWith(base: string, path: string, query: URLSearchParams, set: Record<string, string>, drop: readonly string[] = []): string {
  const q = new URLSearchParams(query);
  for (const name of drop) q.delete(name);
  for (const [k, v] of Object.entries(set)) q.set(k, v);
  const qs = q.toString();
  return `${base}${path}${qs ? `?${qs}` : ''}`;
}

/**
 * Keeps, of `all`'s properties, those `select` names (any case) plus the ones
 * `keep` accepts; without a select, all. Values are thunks, so a 5,000-item page
 * with a narrow $select builds (and parses the JSON for) only what it sends.
 */
export function project(all: Readonly<Record<string, () => unknown>>, select: readonly string[] | undefined, keep: (name: string) => boolean): Record<string, unknown> {
  const wanted = select && new Set(select.map((s) => s.toLowerCase()));
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(all)) {
    if (!wanted || keep(name) || wanted.has(name.toLowerCase())) out[name] = value();
  }
  return out;
}

/** Keeps only the selected top-level properties of a built object (annotations such as @odata.etag, and `always`, stay). */
export function pick(obj: object, select: readonly string[] | undefined, always: readonly string[] = []): Record<string, unknown> {
  if (!select) return obj as Record<string, unknown>;
  const thunks = Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, () => v as unknown]));
  const kept = new Set(always.map((a) => a.toLowerCase()));
  return project(thunks, select, (name) => name.startsWith('@') || kept.has(name.toLowerCase()));
}
