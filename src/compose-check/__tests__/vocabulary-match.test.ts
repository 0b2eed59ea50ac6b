import { describe, expect, it } from 'vitest';
import { TermTrie, expandTerm, lowerOnly } from '../vocabulary-match';
import { cleanText } from '../normalise';

const trie = (...terms: string[]): TermTrie => new TermTrie(terms.map((t, i) => [t, i]));
/** As the engine reads text: folded (cleanText) and lower-cased for a lower-case trie, and the matches as written. */
const matches = (t: TermTrie, raw: string, keepCase = false): string[] => {
  const text = cleanText(raw);
  return t.scan(keepCase ? text : text.toLowerCase()).map((m) => text.slice(m.start, m.end));
};

describe('expandTerm', () => {
  it('spells out optional endings, required choices and optional words', () => {
    expect(expandTerm('referral(s)')).toEqual(['referrals', 'referral']);
    expect(expandTerm('care [order|plan]')).toEqual(['care order', 'care plan']);
    expect(expandTerm('suspension of (the )lessons')).toEqual(['suspension of the lessons', 'suspension of lessons']);
    expect(expandTerm('(ال)توحد')).toEqual(['التوحد', 'توحد']);
  });
  it('reads the lower-case-only mark', () => {
    expect(lowerOnly('~asma')).toEqual([true, 'asma']);
    expect(lowerOnly('asthma')).toEqual([false, 'asthma']);
  });
});

describe('TermTrie', () => {
  it('finds whole words only', () => expect(matches(trie('sen support'), 'SEN support; sen supportive; absen support')).toEqual(['SEN support']));
  it('finds terms case-insensitively, as folded', () =>
    expect(matches(trie('sen support', 'cerințe educaționale speciale'), 'sen support / cerinte educationale speciale')).toEqual(['sen support', 'cerinte educationale speciale']));
  it('keeps case for acronyms', () => {
    const acronyms = new TermTrie([['SEN', 0], ['SpLD', 1]], true);
    expect(matches(acronyms, 'SEN, Sen, sen, SpLD, SPLD', true)).toEqual(['SEN', 'SpLD']);
  });
  it('takes the longest term at a start', () =>
    expect(matches(trie('child protection', 'child protection plan'), 'a child protection plan')).toEqual(['child protection plan']));
  it('falls back to a shorter term when the longer one is not complete', () =>
    expect(matches(trie('child protection', 'child protection plan'), 'child protection planning')).toEqual(['child protection']));
  it('reads a stem with any ending, and its phrase continuing after it', () => {
    expect(matches(trie('autis*'), 'autism, autistic, autis')).toEqual(['autism', 'autistic', 'autis']);
    expect(matches(trie('specjaln* potrzeb* edukacyjn*'), 'specjalnymi potrzebami edukacyjnymi')).toEqual(['specjalnymi potrzebami edukacyjnymi']);
  });
  it('reads words split by spaces, line breaks, hyphens and quote markers, up to twelve characters', () => {
    const t = trie('social worker');
    expect(matches(t, 'social worker / social-worker / social\n> > worker')).toEqual(['social worker', 'social-worker', 'social\n> > worker']);
    expect(matches(t, `social${' '.repeat(13)}worker`)).toEqual([]);
  });
  it('keeps punctuation inside a term ("a&e", "children\'s")', () =>
    expect(matches(trie('a&e', 'children\'s services'), 'A&E then children\'s services; a e')).toEqual(['A&E', 'children\'s services']));
  it('accepts Arabic proclitics before an Arabic term', () =>
    expect(matches(trie('(ال)مستشفى'), 'بالمستشفى والمستشفى مستشفى')).toEqual(['بالمستشفی', 'والمستشفی', 'مستشفی']));
  it('reports every term at a start, longest first, with its tag', () => {
    const t = new TermTrie([['police', 7], ['police station', 3]]);
    expect(t.scan('the police station')[0]?.found).toEqual([18, 3, 10, 7]);
  });
  it('scans a window without reading past it or starting inside a word', () => {
    const t = trie('asthma');
    const text = 'xasthma asthma asthma';
    expect(t.scan(text, 2, 14).map((m) => m.start)).toEqual([8]);
  });
  // A quadratic scan takes minutes here, so the timeout catches it; the bench reports the time.
  it('scans text made of term beginnings in one pass, finding only the whole terms', { timeout: 30_000 }, () => {
    const t = trie('child protection plan', 'social worker', 'autis*');
    const text = 'child protection social autis child '.repeat(100_000);
    expect(t.scan(text)).toHaveLength(100_000);
  });
});
