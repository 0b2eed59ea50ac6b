import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUTH_END_PATH } from '../auth/redirect';

const fromRoot = (path: string): string => new URL(`../../../${path}`, import.meta.url).pathname;

describe('the MSAL redirect page', () => {
  it('is a page of the build (every src/**/*.html is one), where MSAL is told to come back to', () => {
    expect(AUTH_END_PATH).toMatch(/^\/[\w/-]+\.html$/);
    expect(existsSync(fromRoot(`src${AUTH_END_PATH}`))).toBe(true);
  });

  it('runs only the redirect bridge: no app code, no inline script (the CSP forbids it)', () => {
    const html = readFileSync(fromRoot(`src${AUTH_END_PATH}`), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![2]!.trim()).toBe('');
    const src = /src="\.\/([^"]+)"/.exec(scripts[0]![1]!)![1]!;
    const code = readFileSync(fromRoot(`src${AUTH_END_PATH.replace(/[^/]+$/, src)}`), 'utf8');
    expect([...code.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1])).toEqual(['@azure/msal-browser/redirect-bridge']);
  });

  it('is the SPA redirect URI the deployment guide tells the admin to register', () => {
    expect(readFileSync(fromRoot('docs/deployment.md'), 'utf8')).toContain(`https://aup.yourschool.org.uk${AUTH_END_PATH}`);
  });
});
