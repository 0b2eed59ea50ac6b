import { describe, expect, it } from 'vitest';
import { isValidNhsNumber, isValidNiNumber, isValidUln, isValidUpn, maskIdentifier, upnCheckLetter } from '../identifiers';

describe('isValidUpn', () => {
  it('accepts the DfE example B801200005001', () => expect(isValidUpn('B801200005001')).toBe(true));
  it('accepts a lower-case check letter', () => expect(isValidUpn('p930012345023')).toBe(true));
  it('rejects a wrong check letter', () => expect(isValidUpn('C801200005001')).toBe(false));
  it('rejects a changed digit', () => expect(isValidUpn('B801200005002')).toBe(false));
  it('rejects 11 or 13 digits', () => {
    expect(isValidUpn('B80120000500')).toBe(false);
    expect(isValidUpn('B8012000050011')).toBe(false);
  });
  it('never yields I, O or S as a check letter', () => {
    const letters = new Set<string>();
    for (let i = 0; i < 2000; i++) letters.add(upnCheckLetter(String(i * 7919).padStart(12, '0')) ?? '?');
    expect(letters.size).toBe(23);
    for (const bad of ['I', 'O', 'S', '?']) expect(letters.has(bad)).toBe(false);
  });
});

describe('isValidUln', () => {
  it('accepts the example 9276308686', () => expect(isValidUln('9276308686')).toBe(true));
  it('rejects a changed last digit', () => expect(isValidUln('9276308687')).toBe(false));
  it('rejects nine digits', () => expect(isValidUln('927630868')).toBe(false));
  it('rejects a leading zero, which UK phone numbers have', () => expect(isValidUln('0276308686')).toBe(false));
});

describe('isValidNhsNumber', () => {
  it('accepts 943 476 5919', () => expect(isValidNhsNumber('9434765919')).toBe(true));
  it('accepts 4010232137', () => expect(isValidNhsNumber('4010232137')).toBe(true));
  it('rejects a wrong check digit', () => expect(isValidNhsNumber('9434765918')).toBe(false));
  it('rejects numbers whose check digit would be 10', () => {
    // 6 × weight 2 = 12, which is 1 mod 11, so the check would be 10: invalid whatever the last digit.
    for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(`000000006${d}`)).toBe(false);
  });
  it('a ULN never passes as an NHS number', () => expect(isValidNhsNumber('9276308686')).toBe(false));
});

describe('isValidNiNumber', () => {
  it('accepts AB123456C and lower case', () => {
    expect(isValidNiNumber('AB123456C')).toBe(true);
    expect(isValidNiNumber('ab123456d')).toBe(true);
  });
  it('rejects a suffix beyond D', () => expect(isValidNiNumber('AB123456E')).toBe(false));
  it.each(['DA123456A', 'FA123456A', 'IA123456A', 'QA123456A', 'UA123456A', 'VA123456A'])('rejects first letter of %s', (ni) =>
    expect(isValidNiNumber(ni)).toBe(false));
  it.each(['AD123456A', 'AF123456A', 'AI123456A', 'AO123456A', 'AQ123456A', 'AU123456A', 'AV123456A'])('rejects second letter of %s', (ni) =>
    expect(isValidNiNumber(ni)).toBe(false));
  it.each(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'])('rejects the unused prefix %s', (prefix) =>
    expect(isValidNiNumber(`${prefix}123456A`)).toBe(false));
});

describe('maskIdentifier', () => {
  it('keeps three characters at each end', () => expect(maskIdentifier('C93012345023')).toBe('C93…023'));
  it('hides short values entirely', () => expect(maskIdentifier('123456')).toBe('…'));
});
