// Structural checks on the held-out corpus only. Whether the engine agrees with
// the labels is a measurement (npm run bench -- heldout), deliberately not a
// test: a failing label there is evidence to read, not a build to break.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REASON_CODES, parseSettings } from '../src/compose-check/index';
import { emlToDraft } from '../src/cli/eml';
import { MESSAGES_DIR, loadLabels, loadSettingsJson, messageFiles } from './fixtures/heldout/load';
import { isUln, upn } from './fixtures/heldout/ids';

const labels = loadLabels();
const files = messageFiles();

describe('held-out corpus', () => {
  it('holds at least 80 messages', () => {
    expect(files.length).toBeGreaterThanOrEqual(80);
  });

  it('labels every message file, and every label names a file that exists', () => {
    expect(Object.keys(labels).sort()).toEqual(files);
    for (const file of Object.keys(labels)) expect(existsSync(join(MESSAGES_DIR, file)), file).toBe(true);
  });

  it('uses only the engine\'s reason codes, each at most once, with a note', () => {
    const valid = new Set<string>(REASON_CODES);
    for (const [file, label] of Object.entries(labels)) {
      for (const code of label.expected) expect(valid.has(code), `${file}: ${code}`).toBe(true);
      expect(new Set(label.expected).size, file).toBe(label.expected.length);
      expect(label.note.trim().length, file).toBeGreaterThan(10);
    }
  });

  it('covers every reason as a positive and has negatives', () => {
    const all = Object.values(labels);
    for (const code of REASON_CODES) expect(all.some((l) => l.expected.includes(code)), code).toBe(true);
    expect(all.some((l) => l.expected.length === 0)).toBe(true);
  });

  it('parses every message through the CLI path with a usable send time', async () => {
    for (const [file, label] of Object.entries(labels)) {
      const { date } = await emlToDraft(readFileSync(join(MESSAGES_DIR, file)));
      const at = label.at ? new Date(label.at) : date;
      expect(at && !Number.isNaN(at.getTime()), `${file}: send time`).toBe(true);
    }
  });

  it('has settings the engine accepts', () => {
    const result = parseSettings(loadSettingsJson());
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe('held-out identifier helper', () => {
  it('reproduces the published UPN and ULN examples', () => {
    expect(upn('801200005001')).toBe('B801200005001');
    expect(isUln('9276308686')).toBe(true);
    expect(isUln('9276308687')).toBe(false);
  });
});
