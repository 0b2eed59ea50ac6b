// Runtime configuration of the browser apps, decided once. The production
// build carries real Entra and SharePoint settings from VITE_* variables;
// the demo build talks to the local emulator (demo-config.ts), whose URL a
// test may override with `?graph=` so one build serves every emulator a test
// suite starts.
import { demoConfig } from './demo-config';
import { blank } from './env-value';

export { DEMO_GRAPH_BASE_URL } from './demo-config';

export type AppMode = 'demo' | 'production';

export interface AppConfig {
  readonly mode: AppMode;
  /** Graph's root (without /v1.0): https://graph.microsoft.com, or (demo) the emulator, which also serves /_dev sign-in. */
  readonly graphBaseUrl: string;
  /** SharePoint site holding the AUP lists: a Graph site id, or `root`. */
  readonly siteId: string;
  /** Entra app registration used for sign-in (production). */
  readonly clientId: string;
  readonly authority: string;
  /** Entra group whose members see the manager view. */
  readonly managersGroupId: string | null;
  /** Entra group whose members see the admin view. */
  readonly adminsGroupId: string | null;
  /** Entra group whose transitive members must sign the policy (the manager view's people). */
  readonly allStaffGroupId: string | null;
  /** The Teams app's id in its manifest; null (the local demo) links reminders to the tab's page instead. */
  readonly teamsAppId: string | null;
  /**
   * The app's id in the organisation's Teams catalog, which deep links need;
   * null to look it up from the manifest id (Graph, AppCatalog.Read.All).
   */
  readonly teamsCatalogAppId: string | null;
}

/** The build's MODE and VITE_* variables (declared in vite-env.d.ts); tests pass plain objects. */
export type ConfigEnv = Pick<ImportMetaEnv, 'MODE' | Extract<keyof ImportMetaEnv, `VITE_${string}`>>;

/** Pure: the production config for a build's env. */
export function productionConfig(env: ConfigEnv): AppConfig {
  return {
    mode: 'production',
    graphBaseUrl: blank(env.VITE_GRAPH_BASE_URL) ?? 'https://graph.microsoft.com',
    siteId: blank(env.VITE_SITE_ID) ?? 'root',
    clientId: blank(env.VITE_AAD_CLIENT_ID) ?? '',
    authority: blank(env.VITE_AAD_AUTHORITY) ?? 'https://login.microsoftonline.com/organizations',
    managersGroupId: blank(env.VITE_MANAGERS_GROUP_ID),
    adminsGroupId: blank(env.VITE_ADMINS_GROUP_ID),
    allStaffGroupId: blank(env.VITE_ALL_STAFF_GROUP_ID),
    teamsAppId: blank(env.VITE_TEAMS_APP_ID),
    teamsCatalogAppId: blank(env.VITE_TEAMS_CATALOG_APP_ID),
  };
}

/** Pure: the config for a build's env and the page's query string. */
export function resolveConfig(env: ConfigEnv, search: string): AppConfig {
  const production = env.VITE_AUP_MODE === 'production' || (env.VITE_AUP_MODE === undefined && env.MODE === 'production');
  return production ? productionConfig(env) : demoConfig(env, search);
}

let cached: AppConfig | undefined;

/** The config of this page. */
export function appConfig(): AppConfig {
  const env: ConfigEnv = import.meta.env;
  // Tested on MODE itself, which vite replaces with a literal, so a production
  // build drops resolveConfig and the whole demo module (emulator URL included).
  cached ??= import.meta.env.MODE === 'production' ? productionConfig(env) : resolveConfig(env, typeof location === 'undefined' ? '' : location.search);
  return cached;
}
