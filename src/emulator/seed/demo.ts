// The demo school, Wells AP Kinsley: staff and groups in the directory, then
// (after provisioning has made the lists) compose-check settings, pupils and
// parent contacts, and a few signatures. Deterministic: the same people, ids
// and UPNs on every fresh data file, so docs and tests can name them.
import { randomUUID } from 'node:crypto';
import { contactKey } from '../../graph/contacts';
import { ACKNOWLEDGEMENTS_LIST, CONTACTS_LIST, SETTINGS_LIST } from '../../graph/schema';
import { COMPOSE_CHECK_SETTINGS_KEY } from '../../graph/settings';
import { CURRENT_POLICY_META } from '../../policy/index';
import type { Db } from '../db';
import type { Directory, NewUser } from '../directory';
import type { Role } from '../http';
import type { ItemAccess, ListStore } from '../store';
import { FULL_MASK } from '../../graph/permissions';
import { FIRST_NAMES, SURNAMES } from './names';
import { ADMINS_GROUP_ID, ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID } from './ids';
import { pickFrom, prng, seededUuid } from './random';
import { DEMO_SETTINGS, DEMO_USERS, SCHOOL_DOMAIN, demoContacts, demoPupils } from './school';
export { ADMINS_GROUP_ID, ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID } from './ids';
// The school's people and settings live in school.ts, which the browser harness shares.
export { DEMO_SETTINGS, DEMO_USERS, ENCRYPTED_LABEL_ID, PUPIL_DOMAIN, SCHOOL_DOMAIN, demoContacts, demoPupils, demoUpn, type DemoPupil } from './school';

interface Person {
  readonly given: string;
  readonly surname: string;
  readonly department: string;
  readonly jobTitle: string;
  readonly role: Role;
  readonly teamsAppInstalled?: boolean;
}

const NAMED_STAFF: readonly Person[] = [
  { given: 'Helen', surname: 'Carter', department: 'Senior Leadership', jobTitle: 'Headteacher', role: 'manager' },
  { given: 'Marcus', surname: 'Reid', department: 'Senior Leadership', jobTitle: 'Deputy Headteacher', role: 'manager' },
  { given: 'Aisha', surname: 'Khan', department: 'Safeguarding', jobTitle: 'Designated Safeguarding Lead', role: 'manager' },
  { given: 'Gareth', surname: 'Hughes', department: 'Administration', jobTitle: 'School Business Manager', role: 'manager' },
  { given: 'Priya', surname: 'Shah', department: 'IT and Data', jobTitle: 'IT and Data Manager', role: 'admin' },
  { given: 'Tom', surname: 'Baker', department: 'English', jobTitle: 'Teacher of English', role: 'staff' },
  { given: 'Gary', surname: 'Walsh', department: 'Site', jobTitle: 'Site Manager', role: 'staff', teamsAppInstalled: false },
];

const ROLES_BY_DEPARTMENT: Readonly<Record<string, readonly string[]>> = {
  English: ['Teacher of English', 'Head of English'],
  Mathematics: ['Teacher of Mathematics', 'Head of Mathematics'],
  Science: ['Teacher of Science'],
  Humanities: ['Teacher of History', 'Teacher of Geography'],
  Vocational: ['Construction Instructor', 'Hair and Beauty Tutor', 'Motor Vehicle Instructor', 'Catering Tutor'],
  'PE and Outdoor Learning': ['Teacher of PE', 'Outdoor Learning Lead'],
  'Pastoral and Inclusion': ['Pastoral Lead', 'Learning Mentor', 'SENCo', 'Family Support Worker'],
  'Teaching Assistants': ['Teaching Assistant', 'Higher Level Teaching Assistant'],
  Administration: ['Administrator', 'Attendance Officer', 'Exams Officer', 'Receptionist'],
};

const emailOf = (given: string, surname: string, n = 0): string =>
  `${given}.${surname}${n ? n : ''}`.toLowerCase().replace(/[^a-z0-9.]/g, '') + `@${SCHOOL_DOMAIN}`;

/** About 60 staff, a few managers, one admin; All Staff, AUP Managers and AUP Admins groups (the groups decide roles, as in production). */
export function seedDirectory(directory: Directory, staffCount = 60): void {
  const random = prng(20200401);
  const people: Person[] = [...NAMED_STAFF];
  const departments = Object.keys(ROLES_BY_DEPARTMENT);
  while (people.length < staffCount) {
    const department = pickFrom(random, departments);
    people.push({
      given: pickFrom(random, FIRST_NAMES),
      surname: pickFrom(random, SURNAMES),
      department,
      jobTitle: pickFrom(random, ROLES_BY_DEPARTMENT[department]!),
      role: 'staff',
      // A couple of staff have not installed the Teams app, so notification failures can be demonstrated.
      teamsAppInstalled: people.length % 29 !== 0,
    });
  }
  const seen = new Set<string>();
  const users: NewUser[] = people.map((p) => {
    let n = 0;
    let upn = emailOf(p.given, p.surname);
    while (seen.has(upn)) upn = emailOf(p.given, p.surname, ++n);
    seen.add(upn);
    return {
      id: seededUuid(random), upn, displayName: `${p.given} ${p.surname}`, givenName: p.given, surname: p.surname,
      jobTitle: p.jobTitle, department: p.department, role: p.role, teamsAppInstalled: p.teamsAppInstalled !== false,
    };
  });
  // One new starter, due to start after the current policy is published, so the
  // manager view has someone "joined after publication" to show.
  const starter = users[users.length - 1];
  if (starter) users[users.length - 1] = { ...starter, employeeHireDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) + 'T00:00:00Z' };
  for (const u of users) directory.addUser(u);
  directory.addGroup({ id: ALL_STAFF_GROUP_ID, displayName: 'All Staff', description: 'Everyone employed at Wells AP Kinsley', mailNickname: 'allstaff' }, users.map((u) => u.id));
  directory.addGroup({ id: MANAGERS_GROUP_ID, displayName: 'AUP Managers', description: 'Managers who track AUP signatures', mailNickname: 'aupmanagers' },
    users.filter((u) => u.role !== 'staff').map((u) => u.id));
  addAdminsGroup(directory);
}

/**
 * The AUP Admins group, from the users whose demo role is admin. Also run on
 * every start: data files seeded before the group existed gain it, so their
 * admin keeps the admin view (roles come from group membership).
 */
export function addAdminsGroup(directory: Directory): void {
  if (directory.group(ADMINS_GROUP_ID) || directory.userCount() === 0) return;
  directory.addGroup({ id: ADMINS_GROUP_ID, displayName: 'AUP Admins', description: 'Admins who manage the policy, settings and contacts', mailNickname: 'aupadmins' },
    directory.users().filter((u) => u.role === 'admin').map((u) => u.id));
}

/**
 * Written straight into SQLite, as the person named, past any permission check: the seed stands in
 * for what each of them did through the app. Only HTTP calls are authorised.
 */
const writerFor = (directory: Directory, upn: string): { access: ItemAccess; identity: ReturnType<Directory['identityOf']> } => {
  const u = directory.user(upn)!;
  return { access: { userId: u.id, mask: FULL_MASK }, identity: directory.identityOf({ oid: u.id, upn: u.upn, name: u.display_name, tid: '', scopes: new Set() }) };
};

/**
 * Settings, contacts and signatures, written straight to the store (the lists
 * themselves come from provisioning). Skipped when the settings item exists,
 * so a restart after a crash mid-seed finishes the job without duplicates.
 */
export function seedDemoContent(store: ListStore, directory: Directory, db: Db): void {
  const settings = store.findList(SETTINGS_LIST.displayName);
  const contacts = store.findList(CONTACTS_LIST.displayName);
  const acks = store.findList(ACKNOWLEDGEMENTS_LIST.displayName);
  if (!settings || !contacts || !acks) throw new Error('seedDemoContent: the lists are not provisioned');
  if (store.itemCount(settings.id) > 0) return;
  const admin = writerFor(directory, DEMO_USERS.admin);
  db.transaction(() => {
    for (const contact of demoContacts(demoPupils())) {
      store.createItem(contacts, {
        Title: contact.email, Email: contact.email, Role: contact.role,
        ...(contact.pupilName ? { PupilName: contact.pupilName } : {}),
        ...(contact.pupilUpn ? { PupilUpn: contact.pupilUpn } : {}),
        ContactKey: contactKey(contact),
      }, admin.access, admin.identity);
    }
    // A dozen staff have already signed; the named demo staff member has not, so the demo can show signing.
    const signers = directory.users().filter((u) => u.upn !== DEMO_USERS.staff && u.upn !== DEMO_USERS.admin).slice(0, 12);
    const policy = store.findList('AUP Policies');
    const hash = policy ? policyHashOf(store, policy.id) : '';
    for (const u of signers) {
      const signer = writerFor(directory, u.upn);
      store.createItem(acks, {
        Title: `${u.display_name} — ${CURRENT_POLICY_META.versionLabel}`,
        PrintedName: u.display_name, PolicyVersion: CURRENT_POLICY_META.versionLabel, PolicyHash: hash,
        SignerId: u.id, SignerUpn: u.upn, AcceptsPolicy: true, UnderstandsBreach: true, Signature: u.display_name,
        ClientSignedAt: new Date().toISOString(), SubmissionId: randomUUID(),
      }, signer.access, signer.identity);
    }
    store.createItem(settings, {
      Title: COMPOSE_CHECK_SETTINGS_KEY, SettingsKey: COMPOSE_CHECK_SETTINGS_KEY, SettingsJson: JSON.stringify(DEMO_SETTINGS, null, 2),
    }, admin.access, admin.identity);
  })();
}

function policyHashOf(store: ListStore, listId: string): string {
  const list = store.getList(listId);
  const { rows } = store.queryItems(list, { userId: '', mask: FULL_MASK }, { orderBy: [], top: 50, honorNonIndexed: true });
  for (const row of rows) {
    const f = JSON.parse(row.fields) as { Status?: string; PolicyHash?: string };
    if (f.Status === 'Current' && f.PolicyHash) return f.PolicyHash;
  }
  return '';
}
