import { afterEach, describe, expect, it } from 'vitest';
import { draft, EVENING, to } from './factories';
import type * as Engine from '../index';

// Classic Outlook's send-time runtime has no Intl (office-js #4631): the whole
// decision path, loaded fresh and run with Intl gone, must still work.
const saved = Object.getOwnPropertyDescriptor(globalThis, 'Intl');
// V8 built without ICU keeps String.prototype.normalize but returns the string
// unchanged; the engine must fold accents without it.
const savedNormalize = Object.getOwnPropertyDescriptor(String.prototype, 'normalize');

afterEach(() => {
  if (saved) Object.defineProperty(globalThis, 'Intl', saved);
  if (savedNormalize) Object.defineProperty(String.prototype, 'normalize', savedNormalize);
});

describe('without Intl', () => {
  it('loads the engine and reaches a full decision', async () => {
    Reflect.deleteProperty(globalThis, 'Intl');
    expect('Intl' in globalThis).toBe(false);
    Object.defineProperty(String.prototype, 'normalize', { value(this: string) { return String(this); }, configurable: true, writable: true });
    expect('Zo\u00eb'.normalize('NFD')).toBe('Zo\u00eb');
    const engine = (await import(`../index?no-intl=${Date.now()}`)) as typeof Engine;
    const parsed = engine.parseSettings({ pupils: [{ name: 'Amelia Smith' }, { name: 'Zo\u00eb Smith-Jones' }], parentContacts: [{ email: 'parent@example.com' }] });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const d = engine.checkDraft(
      draft({
        html: '<p>Amelia Smith &ndash; EHCP. UPN B801&#8203;200005001. NHS 943 476 5919</p>',
        recipients: to('x@gmail.com', 'parent@example.com'),
      }),
      { now: EVENING, settings: engine.resolveSettings(parsed.settings, 'me@school.org') },
    );
    expect(d.verdict).toBe('block');
    expect(d.reasons.map((r) => r.code)).toEqual(['sensitive-unencrypted', 'outside-hours', 'personal-webmail']);
    const folded = engine.checkDraft(
      draft({ text: 'Zoe Smith Jones now has medication in school.', recipients: to('nurse@nhs.example.net') }),
      { now: EVENING, settings: engine.resolveSettings(parsed.settings, 'me@school.org') },
    );
    expect(folded.findings.map((f) => f.kind)).toEqual(['pupil-in-sensitive-context']);
    expect(engine.formatLocalDateTime(EVENING, 'Europe/London')).toBe('Thu 26/11/2026 19:10');
  });
});
