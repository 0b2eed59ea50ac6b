// Scores the engine against a labelled corpus (held-out, blind): precision and
// recall per reason, exact reason sets, and every mismatch with the label's
// note. A measurement, not a gate: a mismatch is evidence to read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REASON_CODES, checkDraft, parseSettings, resolveSettings } from '../../../src/compose-check/index';
import type { ReasonCode } from '../../../src/compose-check/index';
import { emlToDraft } from '../../../src/cli/eml';
import { isArguable, type CorpusLabel, type LabelledCorpus } from '../../fixtures/labelled-corpus';
import { printTable, verdict } from '../table';

const TARGET = 0.97;
const ratio = (num: number, den: number): number => (den === 0 ? 1 : num / den);
const key = (codes: readonly string[]): string => [...codes].sort().join(',') || '-';

interface Outcome {
  readonly file: string;
  readonly label: CorpusLabel;
  readonly got: readonly ReasonCode[];
  readonly evidence: readonly string[];
}

export async function scoreCorpus(corpus: LabelledCorpus): Promise<void> {
  const parsed = parseSettings(corpus.settingsJson());
  if (!parsed.ok) throw new Error(`${corpus.name} settings invalid:\n${parsed.errors.join('\n')}`);
  const outcomes: Outcome[] = [];
  for (const [file, label] of Object.entries(corpus.labels())) {
    const { draft, date } = await emlToDraft(readFileSync(join(corpus.messagesDir, file)));
    const now = label.at ? new Date(label.at) : date;
    if (!now) throw new Error(`${file}: no send time`);
    const decision = checkDraft(draft, { now, settings: resolveSettings(parsed.settings, draft.from) });
    outcomes.push({ file, label, got: decision.reasons.map((r) => r.code), evidence: decision.findings.map((f) => f.evidence) });
  }

  const rows = REASON_CODES.map((code) => {
    let tp = 0, fp = 0, fn = 0;
    for (const o of outcomes) {
      const want = o.label.expected.includes(code);
      const got = o.got.includes(code);
      if (want && got) tp++;
      else if (got) fp++;
      else if (want) fn++;
    }
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    return [code, tp, fp, fn, precision, recall, `>= ${TARGET}`, verdict(precision >= TARGET && recall >= TARGET)];
  });
  printTable(`Quality on the ${corpus.name} corpus: reasons over ${outcomes.length} messages`,
    ['reason', 'TP', 'FP', 'FN', 'precision', 'recall', 'target', ''], rows);

  const wrong = outcomes.filter((o) => key(o.label.expected) !== key(o.got));
  const arguable = wrong.filter((o) => isArguable(o.label)).length;
  console.log(`\nexact reason sets: ${outcomes.length - wrong.length}/${outcomes.length}` +
    ` (${wrong.length - arguable} mismatches on clear labels, ${arguable} on arguable ones)`);
  if (wrong.length === 0) return;
  printTable(`${corpus.name} mismatches`, ['file', 'expected', 'got', 'reading'],
    wrong.map((o) => [o.file, key(o.label.expected), key(o.got), isArguable(o.label) ? 'label arguable' : 'engine wrong']));
  for (const o of wrong) console.log(`\n${o.file}\n  label: ${o.label.note}\n  findings: ${o.evidence.join('; ') || '(none)'}`);
}
