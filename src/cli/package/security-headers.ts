// The HTTP security headers for the hosted dist/ folder, in one place. The
// packager writes them out for Azure Static Web Apps and IIS, and
// docs/deployment.md shows them for nginx; a test keeps the docs in step.
import { OFFICE_JS_URL } from '../../outlook/office/office-js';

/**
 * Hosts allowed to frame the app: Teams, Outlook and the Microsoft 365 app,
 * from "Prerequisites" in learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements.
 * *.cloud.microsoft is where Microsoft is moving all of them; the older names stay during the move.
 */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

/** office.js and the Outlook host scripts it loads come only from Microsoft's CDN. */
export const OFFICE_CDN = new URL(OFFICE_JS_URL).origin;

/** The SharePoint origin docs/deployment.md shows; the packager uses the school's own. */
export const EXAMPLE_SHAREPOINT_SITE = 'https://yourschool.sharepoint.com/sites/aup';

const directives = (sharePointOrigin: string): ReadonlyArray<readonly [string, readonly string[]]> => [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'", OFFICE_CDN]],
  // Fluent UI (Griffel) and office.js insert <style> rules at run time.
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['font-src', ["'self'", 'data:']],
  // Graph for data, Entra for sign-in tokens, and the school's own SharePoint host
  // (first-run setup's SharePoint REST calls), never every tenant's *.sharepoint.com (issue #10).
  ['connect-src', ["'self'", 'https://graph.microsoft.com', 'https://login.microsoftonline.com', sharePointOrigin, OFFICE_CDN]],
  // MSAL's fallback sign-in outside Teams renews tokens in a hidden frame.
  ['frame-src', ["'self'", 'https://login.microsoftonline.com']],
  ['frame-ancestors', FRAME_ANCESTORS],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
  ['form-action', ["'self'"]],
];

/** The Content-Security-Policy header value for a school whose records live on `sharePointSite`. */
export function contentSecurityPolicy(sharePointSite: string): string {
  return directives(new URL(sharePointSite).origin).map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * Every header to send with every file. No X-Frame-Options: it cannot list
 * several framing hosts, and frame-ancestors supersedes it.
 */
export function securityHeaders(sharePointSite: string): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(sharePointSite),
    'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}

/** Azure Static Web Apps: staticwebapp.config.json at the root of the deployed folder. */
export function staticWebAppConfig(sharePointSite: string): string {
  return `${JSON.stringify(
    { globalHeaders: securityHeaders(sharePointSite) },
    null,
    2,
  )}\n`;
}

const xmlAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** IIS: web.config at the root of the site. */
export function iisWebConfig(sharePointSite: string): string {
  const headers = Object.entries(securityHeaders(sharePointSite))
    .map(([name, value]) => `        <add name="${xmlAttr(name)}" value="${xmlAttr(value)}" />`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- AUP Guard: security headers for IIS. Written by \`npm run package\`; see docs/deployment.md. -->
<configuration>
  <system.webServer>
    <httpProtocol>
      <customHeaders>
        <remove name="X-Powered-By" />
${headers}
      </customHeaders>
    </httpProtocol>
    <staticContent>
      <remove fileExtension=".json" />
      <mimeMap fileExtension=".json" mimeType="application/json" />
    </staticContent>
  </system.webServer>
</configuration>
`;
}

/** nginx: lines for the server block (shown in docs/deployment.md). */
export function nginxHeaders(sharePointSite: string): string {
  return Object.entries(securityHeaders(sharePointSite))
    .map(([name, value]) => `add_header ${name} "${value}" always;`)
    .join('\n');
}
