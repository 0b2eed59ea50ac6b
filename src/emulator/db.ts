// SQLite storage for the emulator. WAL with synchronous=NORMAL: a committed
// transaction is in the WAL before the reply is sent, so it survives `kill -9`
// of the process (power loss could drop the last commits; FULL would cost an
// fsync per request, which a local emulator does not need).
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

// 2: SharePoint's permission model (role definitions, principals, role assignments) and item versions.
const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  lookup_id INTEGER NOT NULL UNIQUE,
  upn TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  given_name TEXT, surname TEXT, job_title TEXT, department TEXT, mail TEXT,
  role TEXT NOT NULL CHECK (role IN ('staff','manager','admin')),
  teams_app_installed INTEGER NOT NULL DEFAULT 1,
  employee_hire_date TEXT
);
CREATE TABLE groups (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, description TEXT, mail_nickname TEXT);
CREATE TABLE group_members (group_id TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (group_id, user_id)) WITHOUT ROWID;
CREATE TABLE lists (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  template TEXT NOT NULL DEFAULT 'genericList',
  created_at TEXT NOT NULL, modified_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  read_security INTEGER NOT NULL DEFAULT 1,
  write_security INTEGER NOT NULL DEFAULT 1,
  versioning INTEGER NOT NULL DEFAULT 0,
  next_item_id INTEGER NOT NULL DEFAULT 1,
  -- 0: the list inherits the site's role assignments; 1: it has its own (inheritance broken).
  unique_perms INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE columns (
  list_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL COLLATE NOCASE, position INTEGER NOT NULL,
  definition TEXT NOT NULL,
  PRIMARY KEY (list_id, name)
);
CREATE TABLE items (
  list_id TEXT NOT NULL, id INTEGER NOT NULL,
  guid TEXT NOT NULL, version INTEGER NOT NULL,
  fields TEXT NOT NULL,
  created_at TEXT NOT NULL, modified_at TEXT NOT NULL,
  author_id TEXT NOT NULL, created_by TEXT NOT NULL, modified_by TEXT NOT NULL,
  change_seq INTEGER NOT NULL,
  PRIMARY KEY (list_id, id)
);
CREATE INDEX items_author ON items (list_id, author_id, id);
CREATE INDEX items_change ON items (list_id, change_seq);
CREATE TABLE tombstones (list_id TEXT NOT NULL, id INTEGER NOT NULL, author_id TEXT NOT NULL, change_seq INTEGER NOT NULL);
CREATE INDEX tombstones_change ON tombstones (list_id, change_seq);
CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, entry TEXT NOT NULL);
-- Earlier versions of an item (the current one is the items row), kept while the list's versioning is on.
CREATE TABLE item_versions (
  list_id TEXT NOT NULL, item_id INTEGER NOT NULL, version INTEGER NOT NULL,
  fields TEXT NOT NULL, modified_at TEXT NOT NULL, modified_by TEXT NOT NULL,
  PRIMARY KEY (list_id, item_id, version)
) WITHOUT ROWID;
-- SharePoint's permission model (src/emulator/permissions.ts). Permission masks are two 32-bit
-- words, as SharePoint REST sends them. Users are principals through users.lookup_id; Entra
-- security groups (once ensured) and SharePoint groups are rows here, from the same id sequence.
CREATE TABLE role_definitions (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, description TEXT NOT NULL DEFAULT '',
  high INTEGER NOT NULL, low INTEGER NOT NULL, role_type_kind INTEGER NOT NULL DEFAULT 0,
  hidden INTEGER NOT NULL DEFAULT 0, sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE site_principals (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('securityGroup','spGroup')),
  login_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  title TEXT NOT NULL,
  entra_id TEXT UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sp_group_members (group_id INTEGER NOT NULL, member_id INTEGER NOT NULL, PRIMARY KEY (group_id, member_id)) WITHOUT ROWID;
CREATE INDEX sp_group_members_by_member ON sp_group_members (member_id, group_id);
-- scope '' is the site (web); a list id is that list, while it has unique permissions.
CREATE TABLE role_assignments (scope TEXT NOT NULL, principal_id INTEGER NOT NULL, role_def_id INTEGER NOT NULL, PRIMARY KEY (scope, principal_id, role_def_id)) WITHOUT ROWID;
CREATE TABLE site_admins (user_id TEXT PRIMARY KEY COLLATE NOCASE);
`;

export interface OpenedDb {
  readonly db: Db;
  /** True when the file had no emulator schema yet: the caller seeds it. */
  readonly created: boolean;
}

export function openDatabase(dataFile: string): OpenedDb {
  if (dataFile !== ':memory:') mkdirSync(dirname(dataFile), { recursive: true });
  const db = new Database(dataFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Concurrent readers (a second emulator process, a bench reading the file) wait rather than fail.
  db.pragma('busy_timeout = 5000');
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").get() !== undefined;
  if (hasMeta) {
    const version = db.prepare("SELECT value FROM meta WHERE key='schema_version'").pluck().get() as string | undefined;
    if (Number(version) !== SCHEMA_VERSION) {
      db.close();
      throw new Error(`${dataFile} holds emulator schema ${version ?? 'unknown'}, this emulator needs ${SCHEMA_VERSION}; delete the file to start afresh.`);
    }
    ensureIndexes(db);
    return { db, created: false };
  }
  db.transaction(() => {
    db.exec(SCHEMA);
    const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    put.run('schema_version', String(SCHEMA_VERSION));
    // The dev signing key lives in the file so tokens stay valid across restarts.
    put.run('signing_key', randomBytes(32).toString('base64url'));
    put.run('site_collection_id', randomUUID());
    put.run('web_id', randomUUID());
    put.run('created_at', new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'));
    put.run('change_seq', '0');
    ensureIndexes(db);
  })();
  return { db, created: true };
}

/**
 * Indexes and tables added after schema 1, made on every open (IF NOT EXISTS) so older data
 * files get them without a migration: users in name order, for keyset paging of
 * /users and transitiveMembers, and memberships by user, for memberOf and the
 * recursive walk up or down nested groups.
 */
function ensureIndexes(db: Db): void {
  db.exec(`CREATE INDEX IF NOT EXISTS users_by_name ON users (display_name, id);
    CREATE INDEX IF NOT EXISTS group_members_by_user ON group_members (user_id, group_id);`);
  // List views (issue 14): a table of their own, so older data files gain it too. Fields are a JSON
  // array of internal names; owner_id is set for a personal view (seen by its owner only).
  db.exec(`CREATE TABLE IF NOT EXISTS list_views (
    list_id TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL, url TEXT NOT NULL COLLATE NOCASE,
    query TEXT NOT NULL DEFAULT '', fields TEXT NOT NULL DEFAULT '[]', row_limit INTEGER NOT NULL DEFAULT 30,
    paged INTEGER NOT NULL DEFAULT 1, is_default INTEGER NOT NULL DEFAULT 0, owner_id TEXT, position INTEGER NOT NULL,
    PRIMARY KEY (list_id, id)
  ) WITHOUT ROWID`);
  // Users' employeeHireDate came later too (issue 14).
  const columns = db.prepare('PRAGMA table_info(users)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'employee_hire_date')) db.exec('ALTER TABLE users ADD COLUMN employee_hire_date TEXT');
}

export function getMeta(db: Db, key: string): string | undefined {
  return db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** SharePoint-style timestamps: second precision, UTC. */
export const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The next site principal id. Users (users.lookup_id), Entra groups added with ensureuser and
 * SharePoint groups share one sequence in a site collection, as in SharePoint's User Information List.
 */
export function nextPrincipalId(db: Db): number {
  return Number(db.prepare(`SELECT max(coalesce((SELECT max(lookup_id) FROM users), 10), coalesce((SELECT max(id) FROM site_principals), 10)) + 1`).pluck().get());
}
