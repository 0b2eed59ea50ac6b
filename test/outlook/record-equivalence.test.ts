// The engine decides the same with the send-check record as with clear
// settings: every message of the three labelled corpora is checked twice,
// once as the CLI does (parentContacts, pupils with emails and UPNs in clear)
// and once as Outlook does (the cache the pane builds from the same settings,
// read back through the send handler's resolution), and the reason codes
// must be the same. Where they differ, the difference is listed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDraft, parseSettings, resolveSettings, type Settings } from '../../src/compose-check';
import { emlToDraft } from '../../src/cli/eml';
import { cacheDraftFrom, fitForStore } from '../../src/outlook/cache/build';
import { settingsForDraft } from '../../src/outlook/cache/resolve';
import { recordForStore } from '../../src/outlook/cache/settings-cache';
import { CACHE_KEY } from '../../src/outlook/cache/stores';
import { BLIND } from '../fixtures/blind/load';
import { HELDOUT } from '../fixtures/heldout/load';
import { loadCorpus } from '../fixtures/corpus/load';

interface Message { readonly name: string; readonly path: string; readonly at?: string }

function corpora(): { name: string; settings: Settings; messages: Message[] }[] {
  const main = loadCorpus();
  const labelled = [HELDOUT, BLIND].map((c) => {
    const parsed = parseSettings(c.settingsJson());
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    return { name: c.name, settings: parsed.settings, messages: Object.entries(c.labels()).map(([f, l]) => ({ name: f, path: join(c.messagesDir, f), ...(l.at ? { at: l.at } : {}) })) };
  });
  return [{ name: 'corpus', settings: main.settings, messages: main.messages.map((m) => ({ name: m.file, path: m.path, ...(m.label.at ? { at: m.label.at } : {}) })) }, ...labelled];
}

describe('the Outlook send-check record against clear settings', () => {
  it.each(corpora().map((c) => [c.name, c] as const))('decides every %s message the same way', async (_name, c) => {
    const stored = new Map<string, string>();
    const localStorage = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => { stored.set(k, v); } };
    const differences: string[] = [];
    for (const m of c.messages) {
      const { draft, date } = await emlToDraft(readFileSync(m.path));
      const now = m.at ? new Date(m.at) : date;
      if (!now) throw new Error(`${m.name}: no send time`);
      // The pane refreshed an hour before the message was sent.
      const { draft: cache } = cacheDraftFrom({ settings: c.settings, sendCheck: undefined, policy: undefined }, new Date(now.getTime() - 3600_000), () => new Uint8Array(16).fill(3));
      stored.set(CACHE_KEY, recordForStore(cache, undefined, fitForStore).json);
      const outlook = await settingsForDraft({ localStorage }, draft, now);
      expect(outlook.state.kind).toBe('fresh');
      const viaRecord = checkDraft(draft, { now, settings: outlook.settings, ...(outlook.directory ? { directory: outlook.directory } : {}) }).reasons.map((r) => r.code);
      const clear = checkDraft(draft, { now, settings: resolveSettings(c.settings, draft.from) }).reasons.map((r) => r.code);
      if (viaRecord.join() !== clear.join()) differences.push(`${m.name}: clear ${clear.join(',') || '-'}, record ${viaRecord.join(',') || '-'}`);
    }
    expect(differences).toEqual([]);
  });
});
