import { describe, expect, it } from 'vitest';
import { VOCABULARY } from '../vocabulary/index';
import type { Category, Language } from '../vocabulary/index';
import { expandTerm, lowerOnly } from '../vocabulary-match';
import { findContext } from '../context';
import { cleanText } from '../normalise';

const found = (raw: string): string[] => {
  const text = cleanText(raw);
  return findContext(text, text.toLowerCase()).map((m) => text.slice(m.start, m.end));
};

const CATEGORIES: readonly Category[] = ['send', 'safeguarding', 'health', 'special-category', 'criminal', 'exclusion', 'care', 'welfare'];
const FAMILY_LANGUAGES: readonly Language[] = ['pl', 'ro', 'ur', 'pa', 'ar', 'bn', 'pt', 'es', 'so', 'lt'];

describe('the vocabulary data', () => {
  it('gives every group a unique id, a source and a section', () => {
    const ids = VOCABULARY.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const g of VOCABULARY) {
      expect(g.source.trim().length, g.id).toBeGreaterThan(20);
      expect(g.section.trim().length, g.id).toBeGreaterThan(3);
      expect(g.terms.length + (g.acronyms?.length ?? 0) + (g.ambiguous?.length ?? 0), g.id).toBeGreaterThan(0);
    }
  });

  it('covers every category in English', () => {
    const english = new Set(VOCABULARY.filter((g) => g.language === 'en').map((g) => g.category));
    expect([...english].sort()).toEqual([...CATEGORIES].sort());
  });

  it.each(FAMILY_LANGUAGES)('covers SEND, safeguarding, health, school meals and exclusion in %s', (language) => {
    const categories = new Set(VOCABULARY.filter((g) => g.language === language).map((g) => g.category));
    for (const c of ['send', 'safeguarding', 'health', 'welfare', 'exclusion'] as const) expect(categories, `${language} ${c}`).toContain(c);
  });

  it('writes groups only in the syntax the matcher reads', () => {
    for (const g of VOCABULARY) {
      for (const term of [...g.terms, ...(g.ambiguous ?? []).map((a) => a.term)]) {
        for (const spelling of expandTerm(lowerOnly(term)[1])) {
          expect(spelling, `${g.id}: ${term}`).not.toMatch(/[()[\]|~]/);
          expect(spelling, `${g.id}: ${term}`).not.toMatch(/\*\S/);
          expect(spelling.trim(), `${g.id}: ${term}`).toBe(spelling);
        }
      }
    }
  });

  // Every spelling of every term is found when written on its own in a sentence
  // (ambiguous ones beside a supporting word): no term is shadowed by another
  // rule or lost to a typo in the syntax.
  describe.each(VOCABULARY.map((g) => [g.id, g] as const))('%s: every term is found as written', (_id, group) => {
    it('plain terms', () => {
      for (const term of group.terms) {
        for (const spelling of expandTerm(lowerOnly(term)[1])) {
          const word = spelling.replace(/\*/g, '');
          expect(found(`We spoke about ${word} today.`), `${group.id}: ${term} as "${word}"`).toContain(cleanText(word));
        }
      }
    });
    it('acronyms, as written', () => {
      for (const acronym of group.acronyms ?? []) expect(found(`Re: ${acronym} update`), `${group.id}: ${acronym}`).toContain(acronym);
    });
    it('ambiguous terms beside a supporting word, and not without one', () => {
      for (const { term, near } of group.ambiguous ?? []) {
        const support = (expandTerm(near[0] ?? '')[0] ?? '').replace(/\*/g, '');
        for (const spelling of expandTerm(term)) {
          const word = spelling.replace(/\*/g, '');
          expect(found(`The ${word} was about the ${support}.`), `${group.id}: ${word} + ${support}`).toContain(cleanText(word));
          expect(found(`The ${word} was on Tuesday.`), `${group.id}: ${word} alone`).toEqual([]);
        }
      }
    });
  });
});
