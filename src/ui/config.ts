// Runtime configuration of the browser apps, decided once. The production
// build carries real Entra and SharePoint settings from VITE_* variables;
// the demo build talks to the local emulator, whose URL a test may override
// with `?graph=` so one build serves every emulator a test suite starts.

export type AppMode = 'demo' | 'production';

export interface AppConfig {
  readonly mode: AppMode;
  /** Graph's root (without /v1.0): https://graph.microsoft.com, or the emulator. */
  readonly graphBaseUrl: string;
  /** The emulator's root for /_dev sign-in (demo only; the same server as Graph). */
  readonly emulatorUrl: string | null;
  /** SharePoint site holding the AUP lists: a Graph site id, or `root`. */
  readonly siteId: string;
  /** Entra app registration used for sign-in (production). */
  readonly clientId: string;
  readonly authority: string;
  /** Entra group whose members see the manager view. */
  readonly managersGroupId: string | null;
  /** Entra group whose members see the admin view. */
  readonly adminsGroupId: string | null;
}

interface ConfigEnv {
  readonly MODE: string;
  readonly VITE_AUP_MODE?: string;
  readonly VITE_GRAPH_BASE_URL?: string;
  readonly VITE_SITE_ID?: string;
  readonly VITE_AAD_CLIENT_ID?: string;
  readonly VITE_AAD_AUTHORITY?: string;
  readonly VITE_MANAGERS_GROUP_ID?: string;
  readonly VITE_ADMINS_GROUP_ID?: string;
}

export const DEMO_GRAPH_BASE_URL = 'http://localhost:4010';
const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\/?$/;

/** Pure: the config for a build's env and the page's query string. */
export function resolveConfig(env: ConfigEnv, search: string): AppConfig {
  const mode: AppMode = env.VITE_AUP_MODE === 'production' || (env.VITE_AUP_MODE === undefined && env.MODE === 'production') ? 'production' : 'demo';
  const blank = (v: string | undefined): string | null => (v && v.trim() !== '' ? v.trim() : null);
  if (mode === 'production') {
    return {
      mode,
      graphBaseUrl: blank(env.VITE_GRAPH_BASE_URL) ?? 'https://graph.microsoft.com',
      emulatorUrl: null,
      siteId: blank(env.VITE_SITE_ID) ?? 'root',
      clientId: blank(env.VITE_AAD_CLIENT_ID) ?? '',
      authority: blank(env.VITE_AAD_AUTHORITY) ?? 'https://login.microsoftonline.com/organizations',
      managersGroupId: blank(env.VITE_MANAGERS_GROUP_ID),
      adminsGroupId: blank(env.VITE_ADMINS_GROUP_ID),
    };
  }
  // Only a loopback emulator may be chosen from the address bar: a link must not send demo tokens elsewhere.
  const fromQuery = new URLSearchParams(search).get('graph');
  const graphBaseUrl = (fromQuery && LOOPBACK.test(fromQuery) ? fromQuery : blank(env.VITE_GRAPH_BASE_URL) ?? DEMO_GRAPH_BASE_URL).replace(/\/+$/, '');
  return {
    mode,
    graphBaseUrl,
    emulatorUrl: graphBaseUrl,
    siteId: blank(env.VITE_SITE_ID) ?? 'root',
    clientId: 'demo',
    authority: 'demo',
    managersGroupId: blank(env.VITE_MANAGERS_GROUP_ID),
    adminsGroupId: blank(env.VITE_ADMINS_GROUP_ID),
  };
}

let cached: AppConfig | undefined;

/** The config of this page. */
export function appConfig(): AppConfig {
  cached ??= resolveConfig(import.meta.env as unknown as ConfigEnv, typeof location === 'undefined' ? '' : location.search);
  return cached;
}
