import { describe, expect, it } from 'vitest';
import { signatureSpans } from '../signature';

/** The text of each signature block found. */
const blocks = (text: string): string[] => signatureSpans(text).map(([s, e]) => text.slice(s, e));

describe('signatureSpans', () => {
  it('takes a sign-off, the name and title lines to the end of the message', () =>
    expect(blocks('Hi,\n\nSee you Thursday.\n\nThanks,\n\nJoy Okafor\nDeputy Head & DSL\nT 01632 960 214'))
      .toEqual(['Thanks,\n\nJoy Okafor\nDeputy Head & DSL\nT 01632 960 214']));
  it('takes a sign-off with the name on the same line', () =>
    expect(blocks('See you then.\nBest wishes, Joy\nDeputy Head')).toEqual(['Best wishes, Joy\nDeputy Head']));
  it('takes everything after an RFC 3676 "-- " separator', () =>
    expect(blocks('See you then.\n-- \nJoy Okafor\nWells AP Kinsley')).toEqual(['-- \nJoy Okafor\nWells AP Kinsley']));
  it.each([
    ['an Outlook original-message line', '-----Original Message-----'],
    ['an Outlook reply separator', '________________________________'],
    ['a From: header', 'From: Sam Lee <s.lee@example.org>'],
    ['an "On … wrote:" line', 'On Tue, 25 Nov 2025 at 10:00, Sam Lee <s.lee@example.org> wrote:'],
    ['a Gmail forward', '---------- Forwarded message ---------'],
  ])('ends before %s, so the history below is still read', (_name, marker) =>
    expect(blocks(`Kind regards\nJoy\nDSL\n\n${marker}\nquoted text`)).toEqual(['Kind regards\nJoy\nDSL\n']));
  it('ends where the quote level changes', () =>
    expect(blocks('Many thanks\nJoy\nDSL\n> earlier message')).toEqual(['Many thanks\nJoy\nDSL']));
  it('finds a signature inside quoted history', () =>
    expect(blocks('Reply\n\n> Kind regards\n> Sam Lee\n> SENCO\n>> older')).toEqual(['> Kind regards\n> Sam Lee\n> SENCO']));
  it('ends before a postscript, a prose paragraph and a heading', () => {
    expect(blocks('Thanks,\nJoy\nPS the trip is on Monday')).toEqual(['Thanks,\nJoy']);
    expect(blocks(`Thanks,\nJoy\n\n${'This e-mail is confidential and intended only for the addressee. '.repeat(3)}`)).toEqual(['Thanks,\nJoy\n']);
    expect(blocks('Thanks,\nJoy\n\fNewsletter')).toEqual(['Thanks,\nJoy']);
  });
  it('a sign-off without a name after it is not a signature', () =>
    expect(blocks('Thanks!\nWe will see everyone at the fair on Saturday, weather permitting, from ten o\'clock.')).toEqual([]));
  it('thanks in a sentence is not a sign-off', () => expect(blocks('Thanks for your help\nJoy')).toEqual([]));
  it('a block that runs on past ten short lines is not a signature', () =>
    expect(blocks(`Thanks\nJoy\n${'short line\n'.repeat(11)}`)).toEqual([]));
  // A quadratic pass takes minutes here, so the timeout catches it; the bench reports the time.
  it('gets through many sign-offs and blank lines in one pass, finding the one block that ends the text', { timeout: 30_000 }, () => {
    expect(signatureSpans(`${'Thanks\nJoy\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\n'.repeat(50_000)}${'\n'.repeat(500_000)}`)).toHaveLength(1);
  });
});
