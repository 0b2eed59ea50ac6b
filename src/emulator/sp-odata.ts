// SharePoint REST's two JSON flavours and its errors, shared by the routes for
// the site, lists and permissions (sp-routes.ts) and for list views (sp-views.ts).
import { GraphHttpError } from './http';

/** OData string literals double their quotes: 'it''s'. */
export const unquote = (s: string): string => s.replace(/''/g, "'");

// odata=verbose wraps everything in `d` and types each entity in __metadata; nometadata does neither.
export function entity(props: Record<string, unknown>, verbose: boolean, type: string): unknown {
  return verbose ? { d: { __metadata: { type }, ...props } } : props;
}

export function nested(props: Record<string, unknown>, verbose: boolean, type: string): Record<string, unknown> {
  return verbose ? { __metadata: { type }, ...props } : props;
}

export function collection(items: readonly Record<string, unknown>[], verbose: boolean, type: string): unknown {
  return verbose ? { d: { results: items.map((i) => nested(i, true, type)) } } : { value: items };
}

export function valueBody(value: unknown, verbose: boolean, name: string): unknown {
  return verbose ? { d: { [name]: value } } : { value };
}

/** What a void method answers. */
export function nullBody(verbose: boolean, name: string): unknown {
  return verbose ? { d: { [name]: null } } : { 'odata.null': true };
}

export function stripMetadata(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const { __metadata: _m, ...rest } = body as Record<string, unknown>;
  // odata=verbose function parameters come wrapped: {"parameters": {...}}.
  const params = rest.parameters;
  return params && typeof params === 'object' && !Array.isArray(params) ? stripMetadata(params) : rest;
}

const ERROR_NUMBERS: Readonly<Record<string, number>> = {
  'System.ArgumentException': -2147024809,
  'System.UnauthorizedAccessException': -2147024891,
  'Microsoft.SharePoint.SPException': -2146232832,
  'System.InvalidOperationException': -1,
};

/** SharePoint REST's error code is "<HRESULT>, <exception type>". */
export function spError(status: number, message: string, type: string, hresult = ERROR_NUMBERS[type] ?? -1): GraphHttpError {
  return new GraphHttpError(status, `${hresult}, ${type}`, message);
}

/** SharePoint's refusal: 403 System.UnauthorizedAccessException. */
export function denied(message = 'Access denied. You do not have permission to perform this action or access this resource.'): GraphHttpError {
  return spError(403, message, 'System.UnauthorizedAccessException');
}
