import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, iisWebConfig, nginxHeaders, staticWebAppConfig } from '../security-headers';

const directive = (name: string): string[] =>
  CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith(`${name} `))?.split(' ').slice(1) ?? [];

describe('CONTENT_SECURITY_POLICY', () => {
  it('lets scripts come only from the app and the Office CDN', () => {
    expect(directive('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(directive('default-src')).toEqual(["'self'"]);
  });

  it('lets the app call only itself, Graph, sign-in, SharePoint and the Office CDN', () => {
    expect(directive('connect-src')).toEqual(["'self'", 'https://graph.microsoft.com', 'https://login.microsoftonline.com', 'https://*.sharepoint.com', 'https://appsforoffice.microsoft.com']);
  });

  it('lets Teams, Outlook and Microsoft 365 (old and cloud.microsoft names) frame the app', () => {
    expect(directive('frame-ancestors')).toEqual(expect.arrayContaining(['https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.cloud.microsoft', 'https://outlook.office.com', 'https://outlook.office365.com', 'https://*.office.com']));
  });

  it('never allows eval or inline scripts', () => {
    expect(directive('script-src').join(' ')).not.toMatch(/unsafe/);
  });
});

describe('host files', () => {
  it('writes a Static Web Apps config carrying every header', () => {
    expect(JSON.parse(staticWebAppConfig())).toEqual({ globalHeaders: SECURITY_HEADERS });
  });

  it('writes a well-formed IIS web.config with every header and no X-Frame-Options', () => {
    const xml = iisWebConfig();
    expect(XMLValidator.validate(xml)).toBe(true);
    for (const name of Object.keys(SECURITY_HEADERS)) expect(xml).toContain(`<add name="${name}"`);
    expect(xml).toContain(`value="${CONTENT_SECURITY_POLICY.replace(/&/g, '&amp;')}"`);
    expect(xml).not.toMatch(/X-Frame-Options/);
  });

  it('gives nginx one always-sent add_header per header', () => {
    expect(nginxHeaders().split('\n')).toHaveLength(Object.keys(SECURITY_HEADERS).length);
    expect(nginxHeaders()).toMatch(/^add_header Content-Security-Policy ".*" always;$/m);
  });
});
