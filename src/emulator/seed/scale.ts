// Bulk data for the bench: thousands of staff and signatures inserted straight
// into SQLite in one transaction (seconds, not the minutes 60,000 HTTP POSTs
// would take). Rows have exactly the shape the Graph routes write.
import { randomUUID } from 'node:crypto';
import { ACKNOWLEDGEMENTS_LIST } from '../../graph/schema';
import { CURRENT_POLICY_META } from '../../policy/index';
import { nextPrincipalId, nowIso, type Db } from '../db';
import type { StoredIdentity } from '../store';
import { ALL_STAFF_GROUP_ID, SCHOOL_DOMAIN } from './demo';
import { pickFrom, prng } from './random';
import { FIRST_NAMES, SURNAMES } from './names';

export interface ScaleOptions {
  /** Extra staff to add (all members of All Staff). */
  readonly staff: number;
  /** Acknowledgement items to add, spread over `version` and older versions. */
  readonly acknowledgements: number;
  /** The version most signatures are for; default the current policy. */
  readonly version?: string;
  /** Fraction of all staff (existing and new) who signed `version`; default 0.8. */
  readonly signedFraction?: number;
}

export interface ScaleReport {
  readonly staffAdded: number;
  readonly acknowledgementsAdded: number;
  /** Staff (in All Staff) with a signature for `version`. */
  readonly signedVersion: number;
  /** Staff in All Staff without one: the answer "who has not signed" must find. */
  readonly unsignedVersion: number;
  readonly elapsedMs: number;
}

const OLDER_VERSIONS = ['2019-09', '2018-09', '2017-09', '2016-09', '2015-09', '2014-09', '2013-09', '2012-09'];

export function seedScale(db: Db, options: ScaleOptions): ScaleReport {
  const started = performance.now();
  const version = options.version ?? CURRENT_POLICY_META.versionLabel;
  const list = db.prepare('SELECT id, next_item_id FROM lists WHERE display_name = ?').get(ACKNOWLEDGEMENTS_LIST.displayName) as { id: string; next_item_id: number } | undefined;
  if (!list) throw new Error(`seedScale: "${ACKNOWLEDGEMENTS_LIST.displayName}" is not provisioned; start the emulator with seed 'demo' or run provisioning first`);
  const random = prng(10000);

  return db.transaction((): ScaleReport => {
    // Users share the site's principal ids with the groups provisioning added (ensureuser).
    let lookup = nextPrincipalId(db) - 1;
    const addUser = db.prepare(`INSERT INTO users (id, lookup_id, upn, display_name, given_name, surname, job_title, department, mail, role, teams_app_installed)
      VALUES (?, ?, ?, ?, ?, ?, 'Teaching Assistant', 'Teaching Assistants', ?, 'staff', 1)`);
    const addMember = db.prepare('INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?, ?)');
    const base = Number(db.prepare('SELECT count(*) FROM users').pluck().get());
    for (let i = 0; i < options.staff; i++) {
      const given = pickFrom(random, FIRST_NAMES);
      const surname = pickFrom(random, SURNAMES);
      const id = randomUUID();
      const upn = `${given}.${surname}.${base + i}`.toLowerCase().replace(/[^a-z0-9.]/g, '') + `@${SCHOOL_DOMAIN}`;
      addUser.run(id, ++lookup, upn, `${given} ${surname}`, given, surname, upn);
      addMember.run(ALL_STAFF_GROUP_ID, id);
    }

    const staff = db.prepare(`SELECT u.id, u.upn, u.display_name, u.lookup_id FROM group_members m JOIN users u ON u.id = m.user_id
      WHERE m.group_id = ? ORDER BY u.lookup_id`).all(ALL_STAFF_GROUP_ID) as { id: string; upn: string; display_name: string; lookup_id: number }[];
    const alreadySigned = new Set(db.prepare(`SELECT json_extract(fields, '$.SignerId') FROM items WHERE list_id = ? AND json_extract(fields, '$.PolicyVersion') = ?`)
      .pluck().all(list.id, version) as string[]);
    const wantSigned = Math.floor(staff.length * (options.signedFraction ?? 0.8));

    // Signatures for `version` first (skipping those who already signed), then older versions until the count is reached.
    const plan: { signer: (typeof staff)[number]; version: string }[] = [];
    for (const s of staff) {
      if (plan.length >= options.acknowledgements || alreadySigned.size + plan.length >= wantSigned) break;
      if (!alreadySigned.has(s.id)) plan.push({ signer: s, version });
    }
    for (let v = 0; plan.length < options.acknowledgements && staff.length > 0; v++) {
      const older = OLDER_VERSIONS[v % OLDER_VERSIONS.length]!;
      for (const s of staff) {
        if (plan.length >= options.acknowledgements) break;
        plan.push({ signer: s, version: v < OLDER_VERSIONS.length ? older : `${older}-r${Math.floor(v / OLDER_VERSIONS.length)}` });
      }
    }

    const firstSeq = Number(db.prepare("UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'change_seq' RETURNING value").pluck().get(plan.length)) - plan.length;
    db.prepare('UPDATE lists SET next_item_id = next_item_id + ? WHERE id = ?').run(plan.length, list.id);
    const addItem = db.prepare(`INSERT INTO items (list_id, id, guid, version, fields, created_at, modified_at, author_id, created_by, modified_by, change_seq)
      VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`);
    const now = nowIso();
    // Signatures of `version` fingerprint its text, as the tab's would, so they count as signed.
    const policyHash = (db.prepare(`SELECT json_extract(i.fields, '$.PolicyHash') FROM items i JOIN lists l ON l.id = i.list_id
      WHERE l.display_name = 'AUP Policies' AND json_extract(i.fields, '$.VersionLabel') = ?`).pluck().get(version) as string | undefined) ?? '';
    plan.forEach(({ signer, version: v }, i) => {
      const identity: StoredIdentity = { user: { id: signer.id, displayName: signer.display_name, email: signer.upn }, lookupId: signer.lookup_id };
      const who = JSON.stringify(identity);
      const fields = {
        Title: `${signer.display_name} — ${v}`, PrintedName: signer.display_name, PolicyVersion: v, PolicyHash: v === version ? policyHash : '', SignerId: signer.id,
        SignerUpn: signer.upn, AcceptsPolicy: true, UnderstandsBreach: true, Signature: signer.display_name, ClientSignedAt: now,
        SubmissionId: randomUUID(),
      };
      addItem.run(list.id, list.next_item_id + i, randomUUID(), JSON.stringify(fields), now, now, signer.id, who, who, firstSeq + i + 1);
    });
    const signedVersion = Number(db.prepare(`SELECT count(DISTINCT json_extract(fields, '$.SignerId')) FROM items WHERE list_id = ? AND json_extract(fields, '$.PolicyVersion') = ?
      AND json_extract(fields, '$.SignerId') IN (SELECT user_id FROM group_members WHERE group_id = ?)`).pluck().get(list.id, version, ALL_STAFF_GROUP_ID));
    return {
      staffAdded: options.staff,
      acknowledgementsAdded: plan.length,
      signedVersion,
      unsignedVersion: staff.length - signedVersion,
      elapsedMs: Math.round(performance.now() - started),
    };
  })();
}
