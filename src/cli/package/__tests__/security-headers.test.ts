import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders, iisWebConfig, nginxHeaders, staticWebAppConfig } from '../security-headers';

const SITE = 'https://wellsap.sharepoint.com/sites/aup';
const directive = (name: string, site = SITE): string[] =>
  contentSecurityPolicy(site).split('; ').find((d) => d.startsWith(`${name} `))?.split(' ').slice(1) ?? [];

describe('contentSecurityPolicy', () => {
  it('lets scripts come only from the app and the Office CDN', () => {
    expect(directive('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(directive('default-src')).toEqual(["'self'"]);
  });

  it("lets the app call only itself, Graph, sign-in, the school's own SharePoint host and the Office CDN", () => {
    expect(directive('connect-src')).toEqual(["'self'", 'https://graph.microsoft.com', 'https://login.microsoftonline.com', 'https://wellsap.sharepoint.com', 'https://appsforoffice.microsoft.com']);
  });

  it("names the tenant's host, never every tenant's *.sharepoint.com", () => {
    expect(contentSecurityPolicy(SITE)).not.toContain('*.sharepoint.com');
    expect(directive('connect-src', 'https://contoso.sharepoint.com/sites/x/')).toContain('https://contoso.sharepoint.com');
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
    expect(JSON.parse(staticWebAppConfig(SITE))).toEqual({ globalHeaders: securityHeaders(SITE) });
  });

  it('writes a well-formed IIS web.config with every header and no X-Frame-Options', () => {
    const xml = iisWebConfig(SITE);
    expect(XMLValidator.validate(xml)).toBe(true);
    for (const name of Object.keys(securityHeaders(SITE))) expect(xml).toContain(`<add name="${name}"`);
    expect(xml).toContain(`value="${contentSecurityPolicy(SITE).replace(/&/g, '&amp;')}"`);
    expect(xml).not.toMatch(/X-Frame-Options/);
  });

  it('gives nginx one always-sent add_header per header', () => {
    expect(nginxHeaders(SITE).split('\n')).toHaveLength(Object.keys(securityHeaders(SITE)).length);
    expect(nginxHeaders(SITE)).toMatch(/^add_header Content-Security-Policy ".*" always;$/m);
  });
});
