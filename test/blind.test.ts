// Structural checks on the blind corpus only. Whether the engine agrees with the
// labels is a measurement (npm run bench -- blind), deliberately not a test: a
// mismatch there is evidence to read, not a build to break.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REASON_CODES, parseSettings } from '../src/compose-check/index';
import { emlToDraft } from '../src/cli/eml';
import { MESSAGES_DIR, loadLabels, loadSettingsJson, messageFiles } from './fixtures/blind/load';
import { isNhs, isNino, isUln, isUpn, upn } from './fixtures/blind/ids';

const labels = loadLabels();
const files = messageFiles();

describe('blind corpus', () => {
  it('holds at least 70 messages', () => {
    expect(files.length).toBeGreaterThanOrEqual(70);
  });

  it('pairs every message file with exactly one label', () => {
    expect(Object.keys(labels).sort()).toEqual(files);
  });

  it('uses only the engine\'s reason codes, each at most once, with a note', () => {
    const valid = new Set<string>(REASON_CODES);
    for (const [file, label] of Object.entries(labels)) {
      for (const code of label.expected) expect(valid.has(code), `${file}: ${code}`).toBe(true);
      expect(new Set(label.expected).size, file).toBe(label.expected.length);
      expect(label.note.trim().length, file).toBeGreaterThan(10);
    }
  });

  it('has every reason as a positive, and negatives', () => {
    const all = Object.values(labels);
    for (const code of REASON_CODES) expect(all.some((l) => l.expected.includes(code)), code).toBe(true);
    expect(all.some((l) => l.expected.length === 0)).toBe(true);
  });

  it('parses every message through the CLI path with a usable send time', async () => {
    for (const [file, label] of Object.entries(labels)) {
      const { draft, date } = await emlToDraft(readFileSync(join(MESSAGES_DIR, file)));
      expect(draft.recipients.length, `${file}: recipients`).toBeGreaterThan(0);
      const at = label.at ? new Date(label.at) : date;
      expect(at !== undefined && !Number.isNaN(at.getTime()), `${file}: send time`).toBe(true);
    }
  });

  it('has settings the engine accepts, with a roster whose UPNs pass the check', () => {
    const raw = loadSettingsJson();
    const result = parseSettings(raw);
    expect(result.ok ? [] : result.errors).toEqual([]);
    const pupils = (raw as { pupils: { upn: string }[] }).pupils;
    for (const p of pupils) expect(isUpn(p.upn), p.upn).toBe(true);
  });
});

describe('blind identifier helper', () => {
  it('reproduces the published examples and rejects a changed check character', () => {
    expect(upn('801200005001')).toBe('B801200005001');
    expect(isUpn('A801200005001')).toBe(false);
    expect(isUln('9276308686')).toBe(true);
    expect(isUln('9276308687')).toBe(false);
    expect(isNhs('9434765919')).toBe(true);
    expect(isNhs('9434765918')).toBe(false);
  });

  it('applies the National Insurance prefix and suffix rules', () => {
    expect(isNino('JT482917B')).toBe(true);
    expect(isNino('QQ123456C')).toBe(false); // Q is never a first letter
    expect(isNino('GB123456A')).toBe(false); // reserved prefix
    expect(isNino('AB123456E')).toBe(false); // suffix beyond D
  });
});
