import { describe, expect, it } from 'vitest';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { GraphRequestError, errorFromResponseBody, toGraphRequestError } from '../errors';

describe('toGraphRequestError', () => {
  it('keeps status, Graph code, request id and Retry-After from a GraphError', () => {
    const g = new GraphError(429, 'Too many requests');
    g.code = 'TooManyRequests';
    g.requestId = 'abc';
    g.headers = new Headers({ 'Retry-After': '7' });
    const e = toGraphRequestError(g, { method: 'GET', path: '/me' });
    expect(e).toBeInstanceOf(GraphRequestError);
    expect(e).toMatchObject({ status: 429, code: 'TooManyRequests', requestId: 'abc', retryAfterSeconds: 7, method: 'GET', path: '/me', isTransient: true });
    expect(e.message).toContain('429 TooManyRequests: Too many requests (GET /me)');
    expect(e.cause).toBe(g);
  });

  it('reads the request id from the response header when the body had none', () => {
    const g = new GraphError(404, 'gone');
    g.headers = new Headers({ 'request-id': 'from-header' });
    expect(toGraphRequestError(g).requestId).toBe('from-header');
  });

  it('maps graph-client\'s -1 status (a failure inside the middleware) to 0, transient', () => {
    const e = toGraphRequestError(new GraphError(-1, 'fetch failed'));
    expect(e.status).toBe(0);
    expect(e.isTransient).toBe(true);
  });

  it('wraps a plain Error as a network error', () => {
    expect(toGraphRequestError(new TypeError('fetch failed'))).toMatchObject({ status: 0, code: 'networkError' });
  });

  it('returns a GraphRequestError unchanged', () => {
    const e = new GraphRequestError({ status: 412, code: 'resourceModified', message: 'stale' });
    expect(toGraphRequestError(e)).toBe(e);
  });

  it('does not call a 412 or 404 transient', () => {
    expect(new GraphRequestError({ status: 412, code: null, message: '' }).isTransient).toBe(false);
    expect(new GraphRequestError({ status: 404, code: null, message: '' }).isTransient).toBe(false);
  });
});

describe('errorFromResponseBody', () => {
  it('reads Graph\'s error body', () => {
    const e = errorFromResponseBody(409, { error: { code: 'nameAlreadyExists', message: 'duplicate', innerError: { 'request-id': 'r1' } } }, { method: 'POST', path: '/items' });
    expect(e).toMatchObject({ status: 409, code: 'nameAlreadyExists', message: expect.stringContaining('duplicate'), requestId: 'r1' });
  });

  it('reads SharePoint REST\'s error body, whose message is { lang, value }', () => {
    const e = errorFromResponseBody(403, { error: { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: 'Access denied.' } } });
    expect(e).toMatchObject({ status: 403, code: '-2147024891, System.UnauthorizedAccessException' });
    expect(e.message).toContain('Access denied.');
  });

  it('keeps the start of a non-JSON body', () => {
    expect(errorFromResponseBody(502, '<html>Bad gateway</html>').message).toContain('<html>Bad gateway</html>');
  });
});
