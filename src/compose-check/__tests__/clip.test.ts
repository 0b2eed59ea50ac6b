import { describe, expect, it } from 'vitest';
import { clip } from '../clip';

describe('clip', () => {
  it('returns text of exactly max characters unchanged', () => {
    expect(clip('a'.repeat(10), 10)).toBe('a'.repeat(10));
  });

  it('keeps whole sentences when they fill at least half the room', () => {
    const text = 'First sentence here. Second one is a bit longer. Third will not fit at all.';
    expect(clip(text, 50)).toBe('First sentence here. Second one is a bit longer.');
  });

  it('does not treat a dot inside a domain as the end of a sentence', () => {
    const text = 'Write to a.person@gmail.com about it today, then wait.';
    expect(clip(text, 30)).toBe('Write to a.person@gmail.com…');
  });

  it('cuts at the last whole word with an ellipsis when no sentence end is near', () => {
    const text = 'Sentence. then a long run of words without any stop at all in it';
    const out = clip(text, 30);
    expect(out).toBe('Sentence. then a long run of…');
    expect(out.length).toBeLessThanOrEqual(30);
  });

  it('fits the ellipsis when a word ends exactly at max - 1', () => {
    // "aaaa bbbb" is 9 characters; with max 10 the cut keeps both words.
    expect(clip('aaaa bbbb cccc', 10)).toBe('aaaa bbbb…');
    expect(clip('aaaa bbbb cccc', 9)).toBe('aaaa…');
  });

  it('drops a trailing comma or dash before the ellipsis', () => {
    expect(clip('one, two, three four five six', 10)).toBe('one, two…');
  });

  it('adds no ellipsis when the last whole word ends a sentence', () => {
    expect(clip(`Short. ${'x'.repeat(40)}`, 30)).toBe('Short.');
  });

  it('hard-cuts a single word longer than max', () => {
    expect(clip('x'.repeat(20), 8)).toBe(`${'x'.repeat(7)}…`);
  });
});
