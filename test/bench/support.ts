// Shared bench inputs: a large synthetic roster and realistic filler text,
// timing helpers. Deterministic, so runs compare.
import type { Draft, PupilEntry, ResolvedSettings } from '../../src/compose-check/index';
import { parseSettings, resolveSettings } from '../../src/compose-check/index';
import { upn } from '../fixtures/corpus/ids';

const FIRST = ['Amelia', 'Oliver', 'Isla', 'Noah', 'Ava', 'Leo', 'Mia', 'Harry', 'Freya', 'Jack', 'Poppy', 'Charlie', 'Evie', 'Alfie',
  'Lily', 'Oscar', 'Sophia', 'Archie', 'Ella', 'Theo', 'Ruby', 'Finley', 'Daisy', 'Jacob', 'Maisie', 'Riley', 'Zara', 'Logan', 'Holly',
  'Kai', 'Grace', 'Ethan', 'Chloe', 'Mason', 'Emily', 'Lucas', 'Sienna', 'Henry', 'Isabella', 'George', 'Willow', 'Arthur', 'Phoebe',
  'Freddie', 'Esme', 'Reggie', 'Matilda', 'Tommy', 'Rosie', 'Louie'];
const LAST = ['Hughes', 'Bennett', 'Thompson', 'Clarke', 'Patel', 'Robinson', 'Walker', 'Evans', 'Wright', 'Turner', 'Green', 'Hall',
  'Wood', 'Jackson', 'Harris', 'Martin', 'Khan', 'Cooper', 'Ward', 'Morris', 'King', 'Baker', 'Collins', 'Murphy', 'Price', 'Scott',
  'Ahmed', 'Reid', 'Fraser', 'Nowak', 'Lewis', 'Hill', 'Young', 'Allen', 'Mitchell', 'Carter', 'Phillips', 'Davies', 'Edwards', 'Shaw'];

/** `count` pupils (up to 2,000) with valid UPNs and pupil-domain addresses. */
export function roster(count: number): PupilEntry[] {
  const out: PupilEntry[] = [];
  for (let i = 0; i < count; i++) {
    const first = FIRST[i % FIRST.length] ?? 'Pupil';
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length] ?? 'Name';
    out.push({
      name: `${first} ${last}`,
      upn: upn(`886402${String(19 + (i % 4))}${String(i).padStart(4, '0')}`),
      email: `${first.toLowerCase()}.${last.toLowerCase()}${i}@pupils.wellsap.example.org.uk`,
    });
  }
  return out;
}

export function schoolSettings(pupilCount: number): ResolvedSettings {
  const pupils = roster(pupilCount);
  const parsed = parseSettings({
    schoolDomains: ['wellsap.example.org.uk'],
    pupilDomains: ['pupils.wellsap.example.org.uk'],
    parentContacts: pupils.slice(0, 500).map((p, i) => ({ email: `parent${i}@gmail.com`, pupil: p.name })),
    pupils,
    encryption: { labelIds: ['3f1c2d9e-5b7a-4c8e-9d21-6a0b8e4f7c13'], subjectTags: ['[secure]', '[encrypt]'] },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return resolveSettings(parsed.settings);
}

/** Everyday school mail: names without context, numbers that are not identifiers. */
const PARAGRAPHS = [
  'Dear parents and carers, breakfast club runs every day from 08:15 in the dining hall and there is no need to book.',
  'Congratulations to Isla Lewis and Noah Hill, who both reached the county cross-country final on Saturday.',
  'The update fails on Windows 11 build 10.0.22631.3155 with Chrome 121.0.6167.160; ticket 48213 is open with the supplier.',
  'Invoices INV-2026-004512 and INV-2026-004530 were paid by BACS on 09/02/2026, total £1,284.60, remittance 20260209-0412.',
  'Please call the office on 01632 960412 or the trips mobile 07700 900461 if the coach is delayed on the way back.',
  'Year 11 mock exams start on Monday 2 March; revision sessions run on Tuesdays and Thursdays until 16:30 in room 204.',
  'Amelia Young did really well in the maths challenge today and has earned a merit for her determination.',
  'Tracking 1Z999AA10123456784 shows the new Chromebooks delivered; asset tags WAPK-00412 to WAPK-00440 are ready.',
  'The PTA quiz night raised £412 for new sports equipment; thank you to everyone who came along and supported it.',
  'Staff training on the INSET day covers the new behaviour policy, first aid refreshers and the updated fire drill.',
];

/** An HTML body of about `bytes` bytes made of everyday paragraphs. */
export function everydayHtml(bytes: number): string {
  const parts: string[] = ['<html><body>'];
  let size = parts[0]?.length ?? 0;
  for (let i = 0; size < bytes - 20; i++) {
    const p = `<p>${PARAGRAPHS[i % PARAGRAPHS.length] ?? ''}</p>\n`;
    parts.push(p);
    size += p.length;
  }
  parts.push('</body></html>');
  return parts.join('');
}

export function draftWith(html: string): Draft {
  return {
    from: 'j.morgan@wellsap.example.org.uk',
    recipients: [
      { email: 'admissions@county.example.gov.uk', field: 'to' },
      { email: 'parent7@gmail.com', field: 'cc' },
    ],
    subject: 'Weekly update',
    body: { kind: 'html', content: html },
    attachments: [],
  };
}

/** Median milliseconds of `runs` calls after `warmup` untimed ones. */
export function medianMs(fn: () => unknown, runs: number, warmup = Math.min(5, runs)): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  return times.length % 2 ? (times[mid] ?? 0) : ((times[mid - 1] ?? 0) + (times[mid] ?? 0)) / 2;
}

/** Rough text of a body for a plain-text detector: tags dropped, common entities decoded. */
export function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&');
}
