// Structural checks on the standards corpus; the engine's score is `npm run bench -- standards`.
import { describe, expect, it } from 'vitest';
import { STANDARDS } from './fixtures/standards/load';
import { describeLabelledCorpus } from './fixtures/labelled-corpus-checks';
import { isNhs, isNino, isUln, isUpn, nhs, uln, upn } from './fixtures/standards/ids';

describeLabelledCorpus(STANDARDS, 150);

interface Roster {
  pupils: { name: string; upn: string; email: string; preferredName?: string }[];
  parentContacts: { email: string; pupil: string }[];
}

describe('standards roster', () => {
  const roster = STANDARDS.settingsJson() as Roster;

  it('has 50-70 pupils whose UPNs pass the check and are unique', () => {
    expect(roster.pupils.length).toBeGreaterThanOrEqual(50);
    expect(roster.pupils.length).toBeLessThanOrEqual(70);
    for (const p of roster.pupils) expect(isUpn(p.upn), `${p.name}: ${p.upn}`).toBe(true);
    expect(new Set(roster.pupils.map((p) => p.upn)).size).toBe(roster.pupils.length);
  });

  it('links every parent contact to a roster pupil, with families linked to siblings', () => {
    const names = new Set(roster.pupils.map((p) => p.name));
    for (const c of roster.parentContacts) expect(names.has(c.pupil), `${c.email}: ${c.pupil}`).toBe(true);
    const childrenPerParent = new Map<string, number>();
    for (const c of roster.parentContacts) childrenPerParent.set(c.email, (childrenPerParent.get(c.email) ?? 0) + 1);
    expect([...childrenPerParent.values()].filter((n) => n >= 2).length).toBeGreaterThanOrEqual(3);
    for (const p of roster.pupils) expect(roster.parentContacts.some((c) => c.pupil === p.name), p.name).toBe(true);
  });

  it('writes some names with middle names and some with a preferred name', () => {
    expect(roster.pupils.filter((p) => p.name.split(' ').length >= 3).length).toBeGreaterThanOrEqual(3);
    expect(roster.pupils.filter((p) => p.preferredName).length).toBeGreaterThanOrEqual(3);
  });
});

describe('standards identifier helper', () => {
  it('reproduces the published examples and rejects a changed check character', () => {
    expect(upn('801200005001')).toBe('B801200005001');
    expect(isUpn('A801200005001')).toBe(false);
    expect(isUln('9276308686')).toBe(true);
    expect(isUln('9276308687')).toBe(false);
    expect(isNhs('9434765919')).toBe(true);
    expect(isNhs('9434765918')).toBe(false);
  });

  it('completes check digits that its own validators accept, and refuses impossible stems', () => {
    expect(isUln(uln('582904731'))).toBe(true);
    expect(isNhs(nhs('485777345'))).toBe(true);
    expect(uln('927630868')).toBe('9276308686');
    expect(nhs('943476591')).toBe('9434765919');
    // 10 would be the check digit: no valid NHS number starts with these nine digits.
    expect(() => nhs('000000006')).toThrow();
  });

  it('applies the National Insurance prefix and suffix rules', () => {
    expect(isNino('JK482917B')).toBe(true);
    expect(isNino('JK 48 29 17 B')).toBe(true);
    expect(isNino('QQ123456C')).toBe(false);
    expect(isNino('TN311258A')).toBe(false);
    expect(isNino('AB123456E')).toBe(false);
  });
});
