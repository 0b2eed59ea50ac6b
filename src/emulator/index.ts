// The local Microsoft Graph emulator as a library: integration and e2e tests
// start it in-process on port 0; `npm run emulator` and `npm start` wrap it.
// See docs/emulator.md for the endpoints and the SharePoint behaviours emulated.
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openDatabase, getMeta, setMeta, type Db } from './db';
import { Directory } from './directory';
import { FaultInjector, type FaultOptions, type FaultStats } from './faults';
import { Outbox, type OutboxEntry } from './outbox';
import { createEmulatorServer } from './server';
import { ListStore } from './store';
import { SitePermissions } from './permissions';
import { addAdminsGroup, seedDemoContent, seedDirectory, DEMO_USERS, ADMINS_GROUP_ID, ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID } from './seed/demo';
import { createGraphClient, createSpRest, provision, publishSendCheck, siteLists } from '../graph/index';
import { CURRENT_POLICY_META, policyAssetPath } from '../policy/index';

export type { FaultKind, FaultOptions, FaultStats } from './faults';
export type { OutboxEntry, SentMail, SentActivityNotification } from './outbox';
export type { DevUser } from './directory';
export type { Role } from './http';
export { ADMINS_GROUP_ID, ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID, DEMO_USERS, SCHOOL_DOMAIN, PUPIL_DOMAIN, DEMO_SETTINGS } from './seed/demo';
import { seedScale, type ScaleOptions, type ScaleReport } from './seed/scale';
export { seedScale, type ScaleOptions, type ScaleReport };
export { SITE_PATH } from './render';
export { LIST_VIEW_THRESHOLD, PREFER_NON_INDEXED } from './store';
export { SITE_GROUPS } from './permissions';

export interface EmulatorOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** SQLite file (its folder is created), or ':memory:'. */
  readonly dataFile: string;
  /**
   * 'demo': a new data file gets the demo school (staff, groups, provisioned lists and
   * permissions, the April 2020 policy, settings, pupils' contacts, a few signatures).
   * 'empty': staff and groups, and a new site owned by the demo admin (priya.shah); no
   * lists, no permissions beyond the site's own groups (provisioning's job).
   * An existing data file is never re-seeded.
   */
  readonly seed: 'demo' | 'empty';
  readonly faults?: FaultOptions;
  /** Default 127.0.0.1. */
  readonly host?: string;
}

export interface Emulator {
  /** `http://127.0.0.1:<port>`: Graph is at `${url}/v1.0`, the site at `${url}/sites/wellsap`. */
  readonly url: string;
  readonly port: number;
  /** The demo site's Graph id (`localhost,<guid>,<guid>`). */
  readonly siteId: string;
  close(): Promise<void>;
  /** Mail and Teams notifications "sent" so far, oldest first. */
  outbox(): OutboxEntry[];
  clearOutbox(): void;
  /** Replaces the fault settings; undefined turns faults off. Resets the counts. */
  setFaults(faults: FaultOptions | undefined): void;
  faultStats(): FaultStats;
  /** Bulk staff and signatures straight into SQLite, for the bench. Needs the lists (seed 'demo'). */
  seedScale(options: ScaleOptions): ScaleReport;
  /** The underlying database, for direct inspection in tests. */
  readonly db: Db;
  /** The site's permission model, for tests that arrange what an admin could do by hand. */
  readonly permissions: SitePermissions;
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const { db } = openDatabase(options.dataFile);
  const store = new ListStore(db);
  const directory = new Directory(db);
  const outbox = new Outbox(db);
  const permissions = new SitePermissions(db);
  // Faults start only after seeding: the seed's own requests should not be throttled.
  const faults = new FaultInjector();
  const server = createEmulatorServer({ db, store, directory, outbox, faults, permissions });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;

  const close = async (): Promise<void> => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    if (db.open) db.close();
  };

  try {
    await seed(options.seed, db, store, directory, permissions, url);
  } catch (error) {
    await close();
    throw error;
  }

  faults.set(options.faults);

  const siteCollectionId = getMeta(db, 'site_collection_id')!;
  return {
    url,
    port,
    siteId: `localhost,${siteCollectionId},${getMeta(db, 'web_id')!}`,
    close,
    outbox: () => outbox.all(),
    clearOutbox: () => outbox.clear(),
    setFaults: (f) => faults.set(f),
    faultStats: () => faults.stats(),
    seedScale: (scale) => seedScale(db, scale),
    db,
    permissions,
  };
}

/**
 * Seeding is resumable: each step checks what exists, and `seed_state` is set
 * to done only at the end, so a crash mid-seed is finished on the next start.
 */
async function seed(kind: 'demo' | 'empty', db: Db, store: ListStore, directory: Directory, permissions: SitePermissions, url: string): Promise<void> {
  const state = getMeta(db, 'seed_state');
  db.transaction(() => addAdminsGroup(directory))();
  if (state === 'done') return;
  if (directory.users().length === 0) db.transaction(() => seedDirectory(directory))();
  // The site as SharePoint makes one, owned by the demo's IT admin, as a school's would be.
  db.transaction(() => permissions.bootstrap([directory.user(DEMO_USERS.admin)!.id]))();
  if (kind === 'demo' || state === 'demo') {
    setMeta(db, 'seed_state', 'demo');
    // The lists and their permissions are made by the product's own provisioning, against this
    // server, so the demo runs under exactly the role model a school gets.
    const token = (await directory.mintToken(DEMO_USERS.admin)).access_token;
    const getToken = async (): Promise<string> => token;
    const text = await readFile(fileURLToPath(new URL(`../../${policyAssetPath(CURRENT_POLICY_META.versionLabel)}`, import.meta.url)), 'utf8');
    const graph = createGraphClient({ baseUrl: url, getToken });
    await provision({
      graph,
      spRest: createSpRest({ getToken }),
      siteId: 'root',
      groups: { allStaffGroupId: ALL_STAFF_GROUP_ID, managersGroupId: MANAGERS_GROUP_ID, adminsGroupId: ADMINS_GROUP_ID },
      policy: { version: CURRENT_POLICY_META.versionLabel, title: CURRENT_POLICY_META.title, effectiveDate: CURRENT_POLICY_META.effectiveDate, text },
    });
    seedDemoContent(store, directory, db);
    // What staff's Outlook reads instead of AUP Contacts, published as the contacts import does.
    await publishSendCheck(siteLists(graph, 'root'), new Date());
  }
  setMeta(db, 'seed_state', 'done');
}
