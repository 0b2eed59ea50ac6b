// The demo school's people and settings, shared by the emulator's seed and the
// local compose harness (src/dev), so `npm start` shows one school whether the
// harness reads the emulator or stands in for it. Browser-safe on purpose: no
// node imports (demo.ts has them), like ids.ts. Never imported by production
// pages.
import { upnCheckLetter } from '../../compose-check/identifiers';
import type { SettingsInput } from '../../compose-check';
import type { Contact } from '../../graph/contacts';
import { FIRST_NAMES, SURNAMES, PARENT_FIRST_NAMES, WEBMAIL_DOMAINS } from './names';
import { pickFrom, prng } from './random';

export const SCHOOL_DOMAIN = 'wellsapkinsley.sch.uk';
export const PUPIL_DOMAIN = 'pupils.wellsapkinsley.sch.uk';

/** Demo sign-ins the README and tests name. */
export const DEMO_USERS = {
  admin: `priya.shah@${SCHOOL_DOMAIN}`,
  manager: `helen.carter@${SCHOOL_DOMAIN}`,
  staff: `tom.baker@${SCHOOL_DOMAIN}`,
  /** A member of staff without the Teams app: activity notifications to them fail. */
  staffWithoutApp: `gary.walsh@${SCHOOL_DOMAIN}`,
} as const;

/** The demo tenant's "Confidential – Encrypted" sensitivity label (the harness's fake Outlook offers it). */
export const ENCRYPTED_LABEL_ID = '0c5ae9d1-6f4a-4c1e-9a55-6b0b0e1c2f01';

export interface DemoPupil {
  readonly name: string;
  readonly upn: string;
  readonly email: string;
}

/** A valid DfE UPN: check letter, LA 933 (Somerset), establishment 1101, year, serial. */
export function demoUpn(year: number, serial: number): string {
  const digits = `9331101${String(year).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
  return `${upnCheckLetter(digits)}${digits}`;
}

export function demoPupils(count = 200): DemoPupil[] {
  const random = prng(1101);
  const seen = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const given = pickFrom(random, FIRST_NAMES);
    const surname = pickFrom(random, SURNAMES);
    let local = `${given}.${surname}`.toLowerCase().replace(/[^a-z.]/g, '');
    if (seen.has(local)) local = `${local}${i}`;
    seen.add(local);
    return { name: `${given} ${surname}`, upn: demoUpn(14 + (i % 6), 100 + i), email: `${local}@${PUPIL_DOMAIN}` };
  });
}

export function demoContacts(pupils: readonly DemoPupil[]): Contact[] {
  const random = prng(933);
  const contacts: Contact[] = [];
  for (const pupil of pupils) {
    contacts.push({ email: pupil.email, role: 'Pupil', pupilName: pupil.name, pupilUpn: pupil.upn });
    const surname = pupil.name.split(' ').slice(1).join(' ');
    const carers = random() < 0.55 ? 2 : 1;
    for (let c = 0; c < carers; c++) {
      const given = pickFrom(random, PARENT_FIRST_NAMES);
      const email = `${given}.${surname}${Math.floor(random() * 90) + 10}@${pickFrom(random, WEBMAIL_DOMAINS)}`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
      contacts.push({ email, role: random() < 0.85 ? 'Parent' : 'Carer', pupilName: pupil.name, pupilUpn: pupil.upn });
    }
  }
  return contacts;
}

/** The compose-check settings the demo starts with (validated by the engine's schema in the tests). */
export const DEMO_SETTINGS = {
  timeZone: 'Europe/London',
  permittedHours: { start: '08:00', end: '18:00' },
  schoolDomains: [SCHOOL_DOMAIN],
  pupilDomains: [PUPIL_DOMAIN],
  encryption: { labelIds: [ENCRYPTED_LABEL_ID], subjectTags: ['[secure]', '[encrypt]'] },
  severities: { 'sensitive-unencrypted': 'warn', 'outside-hours': 'warn', 'personal-webmail': 'block' },
} as const satisfies SettingsInput;
