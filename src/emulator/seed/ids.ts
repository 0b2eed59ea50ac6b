// The demo school's fixed directory ids. No imports, so the browser's demo
// build can name the same groups the emulator seeds (src/ui/demo-config.ts)
// without pulling in node-only seed code.

/** Every member of staff: the people who must sign the policy. */
export const ALL_STAFF_GROUP_ID = '5a1f0000-a11f-4a1f-9a1f-000000000001';
/** Managers and the admin: they see every signature. */
export const MANAGERS_GROUP_ID = '5a1f0000-a11f-4a1f-9a1f-000000000002';
/** Admins: they edit settings, contacts and policy versions. */
export const ADMINS_GROUP_ID = '5a1f0000-a11f-4a1f-9a1f-000000000003';

/** The demo Teams app's id in its manifest, and the id the organisation's catalog gave it (they differ, as in a tenant). */
export const DEMO_TEAMS_APP_MANIFEST_ID = '5a1f0000-a11f-4a1f-9a1f-0000000000a1';
export const DEMO_TEAMS_APP_CATALOG_ID = 'c47a1090-2b3c-4d5e-8f60-7a8b9c0d1e2f';
