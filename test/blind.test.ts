// Structural checks on the blind corpus; the engine's score is `npm run bench -- blind`.
import { describe, expect, it } from 'vitest';
import { BLIND } from './fixtures/blind/load';
import { describeLabelledCorpus } from './fixtures/labelled-corpus-checks';
import { isNhs, isNino, isUln, isUpn, upn } from './fixtures/blind/ids';

// Written for issue #2's three reasons, before issue #12 added wrong-recipient and recipients-exposed.
describeLabelledCorpus(BLIND, 70, ['sensitive-unencrypted', 'outside-hours', 'personal-webmail']);

describe('blind roster', () => {
  it('has pupils whose UPNs pass the check', () => {
    const pupils = (BLIND.settingsJson() as { pupils: { upn: string }[] }).pupils;
    expect(pupils.length).toBeGreaterThan(0);
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
