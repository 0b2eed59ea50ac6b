// Outlook add-in bench (issue #6):
//  - latency: the BUILT launchevent.js in a bare node:vm context (no Intl, no
//    DOM), a 100 KB body and a 2,000-pupil cached roster, from event to
//    completed(), minus the time spent inside (fake) Office calls;
// Sizes (launchevent.js, the task pane's first load) are the sizes section's
// job, measured once on one production build: two builds in one run measured
// the same page differently (React's development build leaked into one).
// Run alone with `npx tsx test/bench/sections/outlook.ts`.
import { pathToFileURL } from 'node:url';
import { createContext, Script } from 'node:vm';
import { buildLaunchEvent } from '../../outlook/build-launchevent';
import { createFakeOffice } from '../../../src/dev/fake-office/fake-office';
import { DEMO_USER } from '../../../src/dev/demo-settings';
import { buildCacheRecord, CACHE_KEY } from '../../../src/outlook/cache/settings-cache';
import { roster } from '../support';
import { printTable, verdict } from '../table';

const RUNS = 40;
const BODY_BYTES = 100_000;

function body100k(): string {
  const para = '<p>Thank you for coming to the review meeting on Tuesday. We agreed the next steps for the term and I will share the notes with the team.</p>\n';
  let html = '<div>';
  while (html.length < BODY_BYTES - 200) html += para;
  return `${html}<p>Pupil UPN B801200005001 for the referral.</p></div>`;
}

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

interface Latency { readonly median: number; readonly p95: number; readonly officeCalls: number }

/**
 * `warm`: one runtime handles every send, as Outlook keeps it while the
 * compose window is open. Cold: a fresh runtime per send (script compiled and
 * run from scratch), the worst case after Outlook has unloaded it.
 */
async function latency(code: string, warm: boolean): Promise<Latency> {
  const pupils = roster(2000);
  const record = JSON.stringify(buildCacheRecord({
    schoolDomains: ['wellsap.example.org.uk'], pupilDomains: ['pupils.wellsap.example.org.uk'],
    parentContacts: pupils.slice(0, 500).map((p, i) => ({ email: `parent${i}@gmail.com`, pupil: p.name })),
    pupils, encryption: { labelIds: ['0c5ae9d1-6f4a-4c1e-9a55-6b0b0e1c2f01'], subjectTags: ['[secure]'] },
  }, [], new Date()));
  const html = body100k();
  const samples: number[] = [];
  let fake = createFakeOffice({ user: DEMO_USER });
  const load = async (): Promise<void> => {
    fake = createFakeOffice({ user: DEMO_USER });
    await fake.runtimeStorage.setItem(CACHE_KEY, record);
    const context = createContext({ Office: fake.Office, OfficeRuntime: fake.OfficeRuntime, console: { error() {}, log() {} } });
    new Script('delete globalThis.Intl;').runInContext(context);
    new Script(code).runInContext(context);
  };
  if (warm) await load();
  let officeCalls = 0;
  for (let i = 0; i < RUNS; i++) {
    const loadStarted = performance.now();
    if (!warm) await load();
    const loadMs = warm ? 0 : performance.now() - loadStarted;
    fake.state.to = [{ emailAddress: 'officer@county.example.gov.uk', displayName: 'Officer', recipientType: 'externalUser', appointmentResponse: 'none' } as Office.EmailAddressDetails];
    fake.state.subject = 'Referral';
    fake.state.bodyHtml = html;
    const callsBefore = fake.calls.length;
    const officeBefore = fake.officeTimeMs();
    const started = performance.now();
    const completed = await fake.dispatch('onMessageSendHandler');
    const elapsed = loadMs + performance.now() - started - (fake.officeTimeMs() - officeBefore);
    if (completed?.allowEvent !== false) throw new Error('the bench message should have been stopped');
    officeCalls = fake.calls.length - callsBefore;
    if (i >= 5) samples.push(elapsed); // the first runs warm V8 itself up
  }
  return { median: percentile(samples, 50), p95: percentile(samples, 95), officeCalls };
}

export async function run(): Promise<void> {
  const { code } = await buildLaunchEvent();
  const warm = await latency(code, true);
  const cold = await latency(code, false);
  printTable('Send handler, event to completed() (built launchevent.js, node:vm without Intl, 100 KB body, 2,000-pupil cached roster; Office calls excluded)',
    ['runtime', 'runs', 'median ms', 'p95 ms', 'Office calls', 'target', 'verdict'],
    [
      ['warm (compose window open)', RUNS - 5, warm.median, warm.p95, warm.officeCalls, '< 50 ms', verdict(warm.p95 < 50)],
      ['cold (script loaded per send)', RUNS - 5, cold.median, cold.p95, cold.officeCalls, '(for reference)', verdict(cold.median < 50)],
    ]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
