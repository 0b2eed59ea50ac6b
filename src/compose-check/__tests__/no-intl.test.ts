import { afterEach, describe, expect, it } from 'vitest';
import { draft, EVENING, to } from './factories';
import type * as Engine from '../index';

// Classic Outlook's send-time runtime has no Intl (office-js #4631): the whole
// decision path, loaded fresh and run with Intl gone, must still work.
const saved = Object.getOwnPropertyDescriptor(globalThis, 'Intl');

afterEach(() => {
  if (saved) Object.defineProperty(globalThis, 'Intl', saved);
});

describe('without Intl', () => {
  it('loads the engine and reaches a full decision', async () => {
    Reflect.deleteProperty(globalThis, 'Intl');
    expect('Intl' in globalThis).toBe(false);
    const engine = (await import(`../index?no-intl=${Date.now()}`)) as typeof Engine;
    const parsed = engine.parseSettings({ pupils: [{ name: 'Amelia Smith' }], parentContacts: [{ email: 'parent@example.com' }] });
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
    expect(engine.formatLocalDateTime(EVENING, 'Europe/London')).toBe('Thu 26/11/2026 19:10');
  });
});
