// Blind quality: the engine against test/fixtures/blind, written from the policy
// and issue #2 alone by someone who never read the engine or the other corpora.
// A measurement, not a gate. Every mismatch is printed with the label's note and
// a reading: "label arguable" when the note admits another reading, otherwise
// "engine wrong" (the label follows the spec's letter).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REASON_CODES, checkDraft, parseSettings, resolveSettings } from '../../../src/compose-check/index';
import type { ReasonCode } from '../../../src/compose-check/index';
import { emlToDraft } from '../../../src/cli/eml';
import { MESSAGES_DIR, isArguable, loadLabels, loadSettingsJson } from '../../fixtures/blind/load';
import type { BlindLabel } from '../../fixtures/blind/load';
import { printTable, verdict } from '../table';

const TARGET = 0.97;
const ratio = (num: number, den: number): number => (den === 0 ? 1 : num / den);
const key = (codes: readonly string[]): string => [...codes].sort().join(',') || '-';

interface Outcome {
  readonly file: string;
  readonly label: BlindLabel;
  readonly got: readonly ReasonCode[];
  readonly evidence: readonly string[];
}

export async function run(): Promise<void> {
  const parsed = parseSettings(loadSettingsJson());
  if (!parsed.ok) throw new Error(`blind settings invalid:\n${parsed.errors.join('\n')}`);
  const outcomes: Outcome[] = [];
  for (const [file, label] of Object.entries(loadLabels())) {
    const { draft, date } = await emlToDraft(readFileSync(join(MESSAGES_DIR, file)));
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
  printTable(`Blind quality: reasons over ${outcomes.length} messages (test/fixtures/blind)`,
    ['reason', 'TP', 'FP', 'FN', 'precision', 'recall', 'target', ''], rows);

  const wrong = outcomes.filter((o) => key(o.label.expected) !== key(o.got));
  const arguable = wrong.filter((o) => isArguable(o.label)).length;
  console.log(`\nexact reason sets: ${outcomes.length - wrong.length}/${outcomes.length}` +
    ` (${wrong.length - arguable} mismatches on clear labels, ${arguable} on arguable ones)`);
  if (wrong.length === 0) return;
  printTable('Blind mismatches', ['file', 'expected', 'got', 'reading'],
    wrong.map((o) => [o.file, key(o.label.expected), key(o.got), isArguable(o.label) ? 'label arguable' : 'engine wrong']));
  for (const o of wrong) {
    console.log(`\n${o.file}\n  label: ${o.label.note}\n  findings: ${o.evidence.join('; ') || '(none)'}`);
  }
}
