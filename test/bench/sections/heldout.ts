// Held-out quality: the engine against a corpus its authors have not seen
// (test/fixtures/heldout, labelled from the policy and issue #2 alone).
// A measurement, not a gate: it prints precision/recall per reason and every
// mismatch so a reader can judge whether the engine or the label is wrong.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REASON_CODES, checkDraft, parseSettings, resolveSettings } from '../../../src/compose-check/index';
import type { ReasonCode } from '../../../src/compose-check/index';
import { emlToDraft } from '../../../src/cli/eml';
import { MESSAGES_DIR, loadLabels, loadSettingsJson } from '../../fixtures/heldout/load';
import { printTable, verdict } from '../table';

const TARGET = 0.97;
const ratio = (num: number, den: number): number => (den === 0 ? 1 : num / den);

interface Outcome {
  readonly file: string;
  readonly expected: readonly string[];
  readonly got: readonly ReasonCode[];
  readonly note: string;
  readonly evidence: readonly string[];
}

export async function run(): Promise<void> {
  const parsed = parseSettings(loadSettingsJson());
  if (!parsed.ok) throw new Error(`held-out settings invalid:\n${parsed.errors.join('\n')}`);
  const labels = loadLabels();
  const outcomes: Outcome[] = [];
  for (const [file, label] of Object.entries(labels)) {
    const { draft, date } = await emlToDraft(readFileSync(join(MESSAGES_DIR, file)));
    const now = label.at ? new Date(label.at) : date;
    if (!now) throw new Error(`${file}: no send time`);
    const decision = checkDraft(draft, { now, settings: resolveSettings(parsed.settings, draft.from) });
    outcomes.push({
      file,
      expected: label.expected,
      got: decision.reasons.map((r) => r.code),
      note: label.note,
      evidence: decision.findings.map((f) => f.evidence),
    });
  }

  const rows = REASON_CODES.map((code) => {
    let tp = 0, fp = 0, fn = 0;
    for (const o of outcomes) {
      const want = o.expected.includes(code);
      const got = o.got.includes(code);
      if (want && got) tp++;
      else if (got) fp++;
      else if (want) fn++;
    }
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    return [code, tp, fp, fn, precision, recall, `>= ${TARGET}`, verdict(precision >= TARGET && recall >= TARGET)];
  });
  printTable(`Held-out quality: reasons over ${outcomes.length} messages (test/fixtures/heldout)`,
    ['reason', 'TP', 'FP', 'FN', 'precision', 'recall', 'target', ''], rows);

  const key = (codes: readonly string[]): string => [...codes].sort().join(',');
  const wrong = outcomes.filter((o) => key(o.expected) !== key(o.got));
  console.log(`\nexact reason sets: ${outcomes.length - wrong.length}/${outcomes.length}`);
  if (wrong.length === 0) return;
  printTable('Held-out mismatches', ['file', 'expected', 'got'],
    wrong.map((o) => [o.file, key(o.expected) || '-', key(o.got) || '-']));
  if (process.argv.includes('--verbose')) {
    for (const o of wrong) console.log(`\n${o.file}\n  label: ${o.note}\n  findings: ${o.evidence.join('; ') || '(none)'}`);
  }
}
