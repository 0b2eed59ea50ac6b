import { describe, expect, it } from 'vitest';
import { packedVocabularyModule } from '../vite-vocabulary';
import * as vocabulary from '../../compose-check/vocabulary/index';
import type { MatchedGroup } from '../../compose-check/vocabulary/index';

/** The packed module's exports, run as a function body (it is plain ES2017 with `export const` declarations). */
function loadPacked(): Record<string, unknown> {
  const code = packedVocabularyModule();
  const names = [...code.matchAll(/^export const (\w+)/gm)].map((m) => m[1] as string);
  const body = `${code.replace(/^export const /gm, 'const ')}\nreturn { ${names.join(', ')} };`;
  return (new Function(body) as () => Record<string, unknown>)();
}

const matched = (g: MatchedGroup): MatchedGroup => ({
  category: g.category,
  terms: g.terms,
  ...(g.acronyms && g.acronyms.length > 0 ? { acronyms: g.acronyms } : {}),
  ...(g.ambiguous && g.ambiguous.length > 0 ? { ambiguous: g.ambiguous.map((a) => ({ term: a.term, near: a.near })) } : {}),
  ...(g.personal ? { personal: true } : {}),
});

describe('the vocabulary packed for launchevent.js', () => {
  it('carries every group with the terms, acronyms and ambiguous terms the engine matches, in order, and which are personal', () => {
    const packed = loadPacked();
    expect(packed.VOCABULARY).toEqual(vocabulary.VOCABULARY.map(matched));
    expect((packed.VOCABULARY as MatchedGroup[]).some((g) => g.personal)).toBe(true);
  });

  it('carries every other export of the vocabulary unchanged', () => {
    const packed = loadPacked();
    const others = Object.entries(vocabulary).filter(([name]) => name !== 'VOCABULARY');
    expect(others.length).toBeGreaterThan(0);
    for (const [name, value] of others) expect(packed[name], name).toEqual(value);
    expect(Object.keys(packed).sort()).toEqual(Object.keys(vocabulary).sort());
  });

  it('shares one supporting-term list between the ambiguous terms that shared it', () => {
    const packed = loadPacked().VOCABULARY as MatchedGroup[];
    const sourceSets = new Set(vocabulary.VOCABULARY.flatMap((g) => (g.ambiguous ?? []).map((a) => a.near)));
    const packedSets = new Set(packed.flatMap((g) => (g.ambiguous ?? []).map((a) => a.near)));
    expect(packedSets.size).toBe(sourceSets.size);
  });
});
