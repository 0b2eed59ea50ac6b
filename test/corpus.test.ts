// Runs every labelled corpus message through the same path the CLI takes
// (.eml -> Draft -> engine) and compares the reason codes with the labels.
// The labels come from the policy, not from the engine: a failure here is a
// finding about the engine (or, after review, about a label).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDraft, parseSettings, resolveSettings } from '../src/compose-check/index';
import { emlToDraft } from '../src/cli/eml';
import { loadCorpus } from './fixtures/corpus/load';

const corpus = loadCorpus();

describe('corpus', () => {
  it('has at least 120 labelled messages covering every category', () => {
    expect(corpus.messages.length).toBeGreaterThanOrEqual(120);
    expect(new Set(corpus.messages.map((m) => m.label.category))).toEqual(new Set(['positive', 'hard-negative', 'edge', 'real-world']));
  });

  it('ships settings that pass validation', () => {
    const result = parseSettings(JSON.parse(readFileSync(corpus.settingsPath, 'utf8')));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  describe.each(['positive', 'hard-negative', 'edge', 'real-world'] as const)('%s', (category) => {
    const cases = corpus.messages.filter((m) => m.label.category === category);
    it.each(cases.map((m) => [m.file, m] as const))('%s', async (_file, m) => {
      const { draft, date } = await emlToDraft(readFileSync(m.path));
      const now = m.label.at ? new Date(m.label.at) : date;
      expect(now, 'corpus message needs a Date header or an "at" label').toBeDefined();
      const decision = checkDraft(draft, { now: now ?? new Date(0), settings: resolveSettings(corpus.settings, draft.from) });
      const got = [...new Set(decision.reasons.map((r) => r.code))].sort();
      expect(got, m.label.note).toEqual([...m.label.expected].sort());
    });
  });
});
