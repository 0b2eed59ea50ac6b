import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../compose-check';
import { reviewContactHours, settingsAfterReview } from '../policyHours';

const APRIL_2020 = readFileSync(new URL('../../../../assets/policy/2020-04.md', import.meta.url), 'utf8');
const HALF_FIVE = APRIL_2020.replace('8.00 am to 6.00 pm', '8.00 am to 5.30 pm');

describe('reviewContactHours', () => {
  it('finds nothing to change when the policy and the settings agree', () => {
    expect(reviewContactHours(APRIL_2020, '2020-04', { permittedHours: { start: '08:00', end: '18:00' } })).toMatchObject({ differs: false, policyHours: { start: '08:00', end: '18:00' } });
    // No settings saved yet: the engine's defaults are what is enforced.
    expect(reviewContactHours(APRIL_2020, '2020-04', null).differs).toBe(false);
  });

  it('puts a new version\'s hours beside the settings\' when they differ', () => {
    const review = reviewContactHours(HALF_FIVE, '2026-09', { permittedHours: { start: '08:00', end: '18:00' } });
    expect(review).toEqual({
      version: '2026-09', differs: true,
      sentence: 'Calls and contact to pupils and parents should be restricted to the hours of 8.00 am to 5.30 pm',
      policyHours: { start: '08:00', end: '17:30' }, settingsHours: { start: '08:00', end: '18:00' },
    });
  });

  it('says when a version has no contact-hours sentence', () => {
    const review = reviewContactHours(APRIL_2020.replace(/Calls and contact to pupils[^\n]*\n/, ''), '2026-09', null);
    expect(review).toMatchObject({ sentence: null, differs: false });
    expect(review.policyHours).toBeUndefined();
  });
});

describe('settingsAfterReview', () => {
  const review = reviewContactHours(HALF_FIVE, '2026-09', { permittedHours: { start: '08:00', end: '18:00' } });

  it('takes the policy\'s hours when asked, keeps everything else, and records the version reviewed', () => {
    const next = settingsAfterReview({ schoolDomains: ['school.example.org.uk'], permittedHours: { start: '08:00', end: '18:00' } }, review, true);
    expect(next).toEqual({ schoolDomains: ['school.example.org.uk'], permittedHours: { start: '08:00', end: '17:30' }, policyVersionReviewed: '2026-09' });
    expect(parseSettings(next).ok).toBe(true);
  });

  it('keeps the settings\' hours when the admin says why not, still recording the review', () => {
    expect(settingsAfterReview({ permittedHours: { start: '08:00', end: '18:00' } }, review, false))
      .toEqual({ permittedHours: { start: '08:00', end: '18:00' }, policyVersionReviewed: '2026-09' });
  });
});
