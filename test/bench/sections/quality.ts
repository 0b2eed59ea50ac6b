// Quality: precision and recall per reason code over the labelled corpus, and
// the same corpus scored with redact-pii as a generic "sensitive" detector.
import { readFileSync } from 'node:fs';
import { SyncRedactor } from 'redact-pii';
import { REASON_CODES, checkDraft, domainOf, inDomains, isProtected, resolveSettings } from '../../../src/compose-check/index';
import type { Decision, Draft, ReasonCode, ResolvedSettings } from '../../../src/compose-check/index';
import { emlToDraft } from '../../../src/cli/eml';
import { loadCorpus } from '../../fixtures/corpus/load';
import type { CorpusEntry } from '../../fixtures/corpus/load';
import { plainText } from '../support';
import { printTable, verdict } from '../table';

const TARGET = 0.97;

interface Scored {
  readonly entry: CorpusEntry;
  readonly draft: Draft;
  readonly settings: ResolvedSettings;
  readonly decision: Decision;
  readonly got: ReadonlySet<ReasonCode>;
}

const ratio = (num: number, den: number): number => (den === 0 ? 1 : num / den);

function counts(tp: number, fp: number, fn: number) {
  return { tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

/** The text a generic detector would be given: what the user wrote. */
function userText(draft: Draft): string {
  const body = draft.body.kind === 'html' ? plainText(draft.body.content) : draft.body.content;
  return [draft.subject, body, ...draft.attachments.map((a) => a.text ?? '')].join('\n');
}

export async function run(): Promise<void> {
  const corpus = loadCorpus();
  const scored: Scored[] = [];
  for (const entry of corpus.messages) {
    const { draft, date } = await emlToDraft(readFileSync(entry.path));
    const now = entry.label.at ? new Date(entry.label.at) : date;
    if (!now) throw new Error(`${entry.file}: no send time`);
    const settings = resolveSettings(corpus.settings, draft.from);
    const decision = checkDraft(draft, { now, settings });
    scored.push({ entry, draft, settings, decision, got: new Set(decision.reasons.map((r) => r.code)) });
  }

  const rows = REASON_CODES.map((code) => {
    let tp = 0, fp = 0, fn = 0;
    for (const s of scored) {
      const want = s.entry.label.expected.includes(code);
      const got = s.got.has(code);
      if (want && got) tp++;
      else if (got) fp++;
      else if (want) fn++;
    }
    const c = counts(tp, fp, fn);
    return [code, c.tp, c.fp, c.fn, c.precision, c.recall, `>= ${TARGET}`, verdict(c.precision >= TARGET && c.recall >= TARGET)];
  });
  printTable(`Quality: reasons over ${scored.length} labelled messages (test/fixtures/corpus)`,
    ['reason', 'TP', 'FP', 'FN', 'precision', 'recall', 'target', ''], rows);

  const categories = ['positive', 'hard-negative', 'edge', 'real-world'] as const;
  printTable('Exact reason set per category', ['category', 'messages', 'exact', 'rate'], categories.map((cat) => {
    const inCat = scored.filter((s) => s.entry.label.category === cat);
    const exact = inCat.filter((s) => sameSet(s.got, s.entry.label.expected)).length;
    return [cat, inCat.length, exact, ratio(exact, inCat.length)];
  }));

  const wrong = scored.filter((s) => !sameSet(s.got, s.entry.label.expected));
  if (wrong.length > 0) {
    printTable('Mismatches', ['file', 'expected', 'engine'], wrong.map((s) => [
      s.entry.file, [...s.entry.label.expected].join(',') || '-', [...s.got].join(',') || '-',
    ]));
  }

  // Generic detectors cannot know recipients or protection, so they are compared
  // where only the content decides: unprotected mail with a recipient outside
  // the school. There the truth is "sensitive-unencrypted expected".
  const redactor = new SyncRedactor();
  const open = scored.filter((s) => !isProtected(s.draft, s.settings) && s.draft.recipients.some((r) =>
    !inDomains(domainOf(r.email), [...s.settings.schoolDomains, ...s.settings.pupilDomains])));
  const detectors: readonly [string, (s: Scored) => boolean][] = [
    ['AUP Guard engine (findings)', (s) => s.decision.findings.length > 0],
    ['redact-pii SyncRedactor', (s) => { const t = userText(s.draft); return redactor.redact(t) !== t; }],
  ];
  printTable(`Sensitive-content detection on ${open.length} unprotected messages leaving the school`,
    ['detector', 'TP', 'FP', 'FN', 'precision', 'recall'], detectors.map(([name, detect]) => {
      let tp = 0, fp = 0, fn = 0;
      for (const s of open) {
        const want = s.entry.label.expected.includes('sensitive-unencrypted');
        const got = detect(s);
        if (want && got) tp++;
        else if (got) fp++;
        else if (want) fn++;
      }
      const c = counts(tp, fp, fn);
      return [name, c.tp, c.fp, c.fn, c.precision, c.recall];
    }));
}

function sameSet(a: ReadonlySet<string>, b: readonly string[]): boolean {
  return a.size === new Set(b).size && b.every((x) => a.has(x));
}
