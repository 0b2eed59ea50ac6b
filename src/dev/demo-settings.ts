// The demo school's compose-check settings for the local harness, the e2e
// tests and the bench, used when the Graph emulator is not running. Parent
// and pupil addresses are made up (example.* domains, RFC 2606).
import type { SettingsInput } from '../compose-check';

/** The label id the demo tenant's "Confidential – Encrypted" label carries. */
export const ENCRYPTED_LABEL_ID = '0c5ae9d1-6f4a-4c1e-9a55-6b0b0e1c2f01';

export const DEMO_LABELS = [
  { id: '9a1f0a43-22b1-4a0b-8c3d-1b7e2f3c4d01', name: 'General', tooltip: 'Business data that is not for the public.', color: '#13a10e' },
  { id: '5d2c8f11-0d3e-4e52-a3a4-3b1c5a9d2e02', name: 'Confidential', tooltip: 'Sensitive data; not encrypted.', color: '#ff8c00' },
  { id: ENCRYPTED_LABEL_ID, name: 'Confidential – Encrypted', tooltip: 'Sensitive data, encrypted for the named recipients.', color: '#d13438' },
] as const;

export const DEMO_USER = { emailAddress: 'j.teacher@wellsap.example.org.uk', displayName: 'Jo Teacher' } as const;

export const DEMO_PARENT = 'sam.parent@example.com';
export const DEMO_PUPIL = { name: 'Amelia Hart', upn: 'B801200005001', email: 'a.hart@pupils.wellsap.example.org.uk' } as const;

export const DEMO_SETTINGS: SettingsInput = {
  timeZone: 'Europe/London',
  permittedHours: { start: '08:00', end: '18:00' },
  schoolDomains: ['wellsap.example.org.uk'],
  pupilDomains: ['pupils.wellsap.example.org.uk'],
  parentContacts: [
    { email: DEMO_PARENT, pupil: DEMO_PUPIL.name },
    { email: 'kim.carer@gmail.com', pupil: 'Noah Price' },
  ],
  pupils: [
    DEMO_PUPIL,
    { name: 'Noah Price', upn: 'Q801200005002', email: 'n.price@pupils.wellsap.example.org.uk' },
    { name: 'Leo Grant', upn: 'E801200005003', email: 'l.grant@pupils.wellsap.example.org.uk' },
  ],
  encryption: { labelIds: [ENCRYPTED_LABEL_ID], subjectTags: ['[secure]', '[encrypt]'] },
};
