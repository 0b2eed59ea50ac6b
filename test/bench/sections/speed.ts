// Speed: median engine time at 5 KB, 100 KB and 1 MB with a 2,000-pupil
// roster, growth per KB, and redact-pii's SyncRedactor on the same inputs.
import { readFileSync } from 'node:fs';
import { SyncRedactor } from 'redact-pii';
import { checkDraft, resolveSettings } from '../../../src/compose-check/index';
import { emlToDraft } from '../../../src/cli/eml';
import { loadCorpus } from '../../fixtures/corpus/load';
import { draftWith, everydayHtml, medianMs, plainText, schoolSettings } from '../support';
import { printTable, verdict } from '../table';

const NOW = new Date('2026-02-10T10:30:00Z');
const SIZES = [
  { label: '5 KB', bytes: 5 * 1024, runs: 400, redactRuns: 60, target: 1 },
  { label: '100 KB', bytes: 100 * 1024, runs: 100, redactRuns: 10, target: undefined },
  { label: '1 MB', bytes: 1024 * 1024, runs: 30, redactRuns: 3, target: 50 },
] as const;

export async function run(): Promise<void> {
  const settings = schoolSettings(2000);
  const redactor = new SyncRedactor();
  const measured = SIZES.map((size) => {
    const html = everydayHtml(size.bytes);
    const draft = draftWith(html);
    const text = plainText(html);
    const engine = medianMs(() => checkDraft(draft, { now: NOW, settings }), size.runs);
    const redact = medianMs(() => redactor.redact(text), size.redactRuns, 1);
    return { ...size, kb: html.length / 1024, engine, redact };
  });

  printTable('Speed: median engine time, 2,000-pupil roster, HTML body', [
    'size', 'engine ms', 'ms per KB', 'target', '', 'redact-pii ms', 'redact-pii / engine',
  ], measured.map((m) => [
    m.label, m.engine, m.engine / m.kb,
    m.target === undefined ? '-' : `< ${m.target} ms`, m.target === undefined ? '' : verdict(m.engine < m.target),
    m.redact, `${(m.redact / m.engine).toFixed(1)}x`,
  ]));

  const per = (label: string) => {
    const m = measured.find((x) => x.label === label);
    return m ? m.engine / m.kb : NaN;
  };
  // Linear means the cost per KB stays flat as the message grows; 1.5x leaves
  // room for cache effects without hiding a quadratic step.
  const growth = per('1 MB') / per('100 KB');
  printTable('Linearity', ['measure', 'value', 'target', ''], [
    ['ms/KB at 1 MB / ms/KB at 100 KB', growth, '<= 1.5', verdict(growth <= 1.5)],
  ]);

  const corpus = loadCorpus();
  const drafts = await Promise.all(corpus.messages.map(async (m) => (await emlToDraft(readFileSync(m.path))).draft));
  const prepared = drafts.map((d) => ({
    draft: d,
    settings: resolveSettings(corpus.settings, d.from),
    text: [d.subject, d.body.kind === 'html' ? plainText(d.body.content) : d.body.content, ...d.attachments.map((a) => a.text ?? '')].join('\n'),
  }));
  const engineCorpus = medianMs(() => prepared.forEach((p) => checkDraft(p.draft, { now: NOW, settings: p.settings })), 20);
  const redactCorpus = medianMs(() => prepared.forEach((p) => redactor.redact(p.text)), 5, 1);
  printTable(`Whole corpus (${prepared.length} messages), one pass`, ['detector', 'median ms', 'per message ms', ''], [
    ['AUP Guard engine', engineCorpus, engineCorpus / prepared.length, ''],
    ['redact-pii SyncRedactor', redactCorpus, redactCorpus / prepared.length, `${(redactCorpus / engineCorpus).toFixed(1)}x the engine`],
  ]);
}
