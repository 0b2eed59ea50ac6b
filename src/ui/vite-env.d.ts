// The build variables the browser apps read (src/ui/config.ts), declared on
// vite's ImportMetaEnv so `import.meta.env` is typed without a cast.
// strictImportMetaEnv drops vite's `Record<string, any>` fallback: a misspelt
// or undeclared VITE_* name is a type error instead of a silent undefined.

interface ViteTypeOptions {
  strictImportMetaEnv: unknown;
}

interface ImportMetaEnv {
  /** `production` or `demo`; unset follows the vite mode. */
  readonly VITE_AUP_MODE?: string;
  readonly VITE_GRAPH_BASE_URL?: string;
  readonly VITE_SITE_ID?: string;
  readonly VITE_AAD_CLIENT_ID?: string;
  readonly VITE_AAD_AUTHORITY?: string;
  readonly VITE_MANAGERS_GROUP_ID?: string;
  readonly VITE_ADMINS_GROUP_ID?: string;
  readonly VITE_ALL_STAFF_GROUP_ID?: string;
  readonly VITE_TEAMS_APP_ID?: string;
  /** The app's id in the organisation's Teams catalog (deep links); unset to look it up. */
  readonly VITE_TEAMS_CATALOG_APP_ID?: string;
}
