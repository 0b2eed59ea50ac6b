import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLAUSES, contactHoursIn, findClauses } from '../clauses';

const APRIL_2020 = readFileSync(new URL('../../../assets/policy/2020-04.md', import.meta.url), 'utf8');

describe('findClauses', () => {
  it('finds each clause the checks cite in the April 2020 text, word for word as shipped', () => {
    const found = findClauses(APRIL_2020);
    expect(found['internet-email.security']).toEqual(CLAUSES.emailSecurity);
    expect(found['mobile-phones.contact-hours']).toEqual(CLAUSES.contactHours);
    expect(found['computer-network.removing-sensitive']).toEqual(CLAUSES.removingSensitive);
  });

  it('quotes a later version in its own words and section', () => {
    const text = APRIL_2020
      .replace('## Mobile Phones', '## Contact with families')
      .replace('restricted to the hours of 8.00 am to 6.00 pm', 'restricted to 8am - 5.30pm on school days');
    expect(findClauses(text)['mobile-phones.contact-hours']).toEqual({
      id: 'mobile-phones.contact-hours', section: 'Contact with families',
      quote: 'Calls and contact to pupils and parents should be restricted to 8am - 5.30pm',
    });
  });

  it('says null for a version without the clause rather than quoting an old one', () => {
    const text = APRIL_2020.replace(/Calls and contact to pupils[^\n]*\n/, '');
    const found = findClauses(text);
    expect(found['mobile-phones.contact-hours']).toBeNull();
    expect(found['internet-email.security']).not.toBeNull();
  });

  it('does not take an unrelated sentence with a time in it for the contact-hours rule', () => {
    expect(findClauses('## Site\n\nThe car park is locked from 6pm to 7am.\n')['mobile-phones.contact-hours']).toBeNull();
  });
});

describe('contactHoursIn', () => {
  it.each([
    ['restricted to the hours of 8.00 am to 6.00 pm', '08:00', '18:00'],
    ['between 8am and 5.30pm', '08:00', '17:30'],
    ['from 08:00 to 17:30', '08:00', '17:30'],
    ['8 to 6', '08:00', '18:00'],
    ['7.30 a.m. – 4 p.m.', '07:30', '16:00'],
    ['12 noon? no: 12pm to 6pm', '12:00', '18:00'],
  ])('reads %j as %s-%s', (text, start, end) => {
    expect(contactHoursIn(text)).toEqual({ start, end });
  });

  it('reads nothing from a sentence without a range', () => {
    expect(contactHoursIn('Contact parents during the working day.')).toBeUndefined();
  });
});
