// The demo school for the local compose harness, the e2e tests and the bench.
// It is the school the Graph emulator seeds (src/emulator/seed/school.ts): the
// same domains, settings, pupils and parents, so the harness shows one school
// whether it reads the running emulator or stands in for it (`?settings=demo`).
import { DEMO_SETTINGS, DEMO_USERS, ENCRYPTED_LABEL_ID, SCHOOL_DOMAIN, PUPIL_DOMAIN, demoContacts, demoPupils } from '../emulator/seed/school';
import type { Contact } from '../graph/contacts';

export { DEMO_SETTINGS, ENCRYPTED_LABEL_ID, SCHOOL_DOMAIN, PUPIL_DOMAIN };

/** The tenant's sensitivity labels, as the fake Outlook's catalogue offers them. */
export const DEMO_LABELS = [
  { id: '9a1f0a43-22b1-4a0b-8c3d-1b7e2f3c4d01', name: 'General', tooltip: 'Business data that is not for the public.', color: '#13a10e' },
  { id: '5d2c8f11-0d3e-4e52-a3a4-3b1c5a9d2e02', name: 'Confidential', tooltip: 'Sensitive data; not encrypted.', color: '#ff8c00' },
  { id: ENCRYPTED_LABEL_ID, name: 'Confidential – Encrypted', tooltip: 'Sensitive data, encrypted for the named recipients.', color: '#d13438' },
] as const;

/** "tom.baker@…" → "Tom Baker": the seed builds addresses from names, so this reads them back. */
const nameFromAddress = (upn: string): string =>
  upn.slice(0, upn.indexOf('@')).split('.').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');

/** The signed-in mailbox: the emulator's demo member of staff, so a refresh signs in as them. */
export const DEMO_USER = { emailAddress: DEMO_USERS.staff, displayName: nameFromAddress(DEMO_USERS.staff) } as const;

/** A colleague to write to: staff-only mail. */
export const DEMO_COLLEAGUE = DEMO_USERS.manager;

/** Every pupil, parent and carer the emulator seeds into AUP Contacts, in the same order. */
export const DEMO_PUPILS = demoPupils();
export const DEMO_CONTACTS: readonly Contact[] = demoContacts(DEMO_PUPILS);

function first<T>(items: readonly T[], what: string): T {
  const [item] = items;
  if (item === undefined) throw new Error(`The demo school has no ${what}.`);
  return item;
}

/** A pupil to quote (name and UPN) in a message body. */
export const DEMO_PUPIL = first(DEMO_PUPILS, 'pupils');

/** A parent of DEMO_PUPIL on personal webmail: a known parent, so contact hours apply and the webmail rule does not. */
export const DEMO_PARENT = first(
  DEMO_CONTACTS.filter((c) => c.role === 'Parent' && c.pupilUpn === DEMO_PUPIL.upn && c.email.endsWith('@outlook.com')).map((c) => c.email),
  'parent on outlook.com',
);
