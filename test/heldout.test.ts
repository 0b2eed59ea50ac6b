// Structural checks on the held-out corpus; the engine's score is `npm run bench -- heldout`.
import { describe, expect, it } from 'vitest';
import { HELDOUT } from './fixtures/heldout/load';
import { describeLabelledCorpus } from './fixtures/labelled-corpus-checks';
import { isUln, upn } from './fixtures/heldout/ids';

// Written for issue #2's three reasons, before issue #12 added wrong-recipient and recipients-exposed.
describeLabelledCorpus(HELDOUT, 80, ['sensitive-unencrypted', 'outside-hours', 'personal-webmail']);

describe('held-out identifier helper', () => {
  it('reproduces the published UPN and ULN examples', () => {
    expect(upn('801200005001')).toBe('B801200005001');
    expect(isUln('9276308686')).toBe(true);
    expect(isUln('9276308687')).toBe(false);
  });
});
