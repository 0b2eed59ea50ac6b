// Vite plugin for launchevent.js: the context vocabulary as packed data.
// Only what the engine reads from a group is packed (MatchedGroup: category,
// terms, acronyms, ambiguous, personal); the id, language, source and section are for
// reviewers and the tests, which read vocabulary/ itself.
import type { Plugin } from 'vite';
import * as vocabulary from '../compose-check/vocabulary/index';
import type { VocabularyGroup } from '../compose-check/vocabulary/index';

const VOCABULARY_MODULE = /\/src\/compose-check\/vocabulary\/index\.ts$/;

function separator(all: readonly string[], taken: string): string {
  for (const c of ';#^=<>{}@!%') if (!taken.includes(c) && !all.some((s) => s.includes(c))) return c;
  throw new Error('no separator character is free');
}

export function packedVocabularyModule(): string {
  const groups: readonly VocabularyGroup[] = vocabulary.VOCABULARY;
  const nearSets: (readonly string[])[] = [];
  const strings: string[] = [];
  for (const g of groups) {
    strings.push(g.category, ...g.terms, ...(g.acronyms ?? []));
    for (const a of g.ambiguous ?? []) { strings.push(a.term, ...a.near); if (!nearSets.includes(a.near)) nearSets.push(a.near); }
  }
  for (const s of strings) if (/[\t\n]/.test(s)) throw new Error(`a vocabulary term holds a tab or line break: ${JSON.stringify(s)}`);
  const sep = separator(strings, '');
  const at = separator(strings, sep);
  const q = JSON.stringify;
  const data = groups.map((g) => [g.category, g.terms.join(sep), (g.acronyms ?? []).join(sep),
    (g.ambiguous ?? []).map((a) => `${a.term}${at}${nearSets.indexOf(a.near)}`).join(sep), g.personal ? '1' : ''].join('\t')).join('\n');
  const lines: string[] = [
    `const S = (s) => s ? s.split(${q(sep)}) : [];`,
    `const NEAR = ${q(nearSets.map((n) => n.join(sep)).join('\n'))}.split('\\n').map(S);`,
    `export const VOCABULARY = ${q(data)}.split('\\n').map((line) => {`,
    `  const [category, terms, acronyms, ambiguous, personal] = line.split('\\t');`,
    `  const g = { category, terms: S(terms) };`,
    `  if (acronyms) g.acronyms = S(acronyms);`,
    `  if (personal) g.personal = true;`,
    `  if (ambiguous) g.ambiguous = S(ambiguous).map((x) => { const k = x.lastIndexOf(${q(at)}); return { term: x.slice(0, k), near: NEAR[+x.slice(k + 1)] }; });`,
    `  return g;`,
    `});`,
  ];
  for (const [name, value] of Object.entries(vocabulary)) {
    if (name === 'VOCABULARY') continue;
    if (typeof value === 'number' || typeof value === 'boolean') lines.push(`export const ${name} = ${q(value)};`);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      const s = separator(value as string[], '');
      lines.push(`export const ${name} = ${q((value as string[]).join(s))}.split(${q(s)});`);
    } else throw new Error(`vocabulary export ${name} has a shape the packer does not know`);
  }
  return lines.join('\n');
}

export function packedVocabulary(): Plugin {
  let code: string | undefined;
  return {
    name: 'aup-guard:packed-vocabulary',
    enforce: 'pre',
    load(id) {
      if (!VOCABULARY_MODULE.test(id)) return null;
      return (code ??= packedVocabularyModule());
    },
  };
}
