import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import {
  ACK_STATEMENTS, BREACH_STATEMENT, CURRENT_POLICY_META, POLICY_VERSIONS, acceptStatement, createSlugger,
  policyAssetPath, policyHash, versionName,
} from '../index.js';
import { diffSections, diffText, splitSections, tokenise } from '../sections.js';

const april2020 = readFileSync(new URL(`../../../${policyAssetPath('2020-04')}`, import.meta.url), 'utf8');

describe('policy metadata', () => {
  it('names April 2020 as the current version with the paper title', () => {
    expect(CURRENT_POLICY_META).toEqual({
      versionLabel: '2020-04',
      title: 'ICT, Technology and Social Media Acceptable Use Policy for All Permanent and Temporary Staff',
      effectiveDate: '2020-04-01',
    });
    expect(POLICY_VERSIONS[0]).toBe(CURRENT_POLICY_META);
  });
});

describe('acknowledgement statements', () => {
  it('reproduces the two paper statements word for word for April 2020', () => {
    expect(ACK_STATEMENTS.accept).toBe(
      'I have read and accept the terms of the: ICT, Technology and Social Media Acceptable Use Policy for all Permanent and Temporary Staff (April 2020 version)',
    );
    expect(ACK_STATEMENTS.breach).toBe('I understand the implications of any breach of this policy as outlined above.');
    expect(BREACH_STATEMENT).toBe(ACK_STATEMENTS.breach);
  });

  it('names the version being signed, not April 2020, for a later version', () => {
    expect(acceptStatement({ title: 'Acceptable Use Policy', versionLabel: '2025-09' }))
      .toBe('I have read and accept the terms of the: Acceptable Use Policy (September 2025 version)');
  });

  it.each([
    ['2020-01', 'January 2020'],
    ['2020-12', 'December 2020'],
    ['2020-13', '2020-13'],
    ['2020-00', '2020-00'],
    ['v2', 'v2'],
  ])('names version %s as "%s"', (label, name) => {
    expect(versionName(label)).toBe(name);
  });
});

describe('policyHash', () => {
  it('is the SHA-256 hex of the UTF-8 text, as sha256sum would print it', () => {
    for (const text of ['', 'abc', april2020, 'pupils’ — ✓ 😀']) {
      expect(policyHash(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
    expect(policyHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('changes when a single character changes', () => {
    expect(policyHash(april2020)).not.toBe(policyHash(april2020.replace('8.00 am', '8.01 am')));
  });
});

describe('createSlugger', () => {
  it('makes lower-case hyphenated anchors and numbers repeats', () => {
    const slug = createSlugger();
    expect(slug('Internet / Email')).toBe('internet-email');
    expect(slug('Use of photographs, video and digital images')).toBe('use-of-photographs-video-and-digital-images');
    expect(slug('Internet / Email')).toBe('internet-email-2');
    expect(slug('!!!')).toBe('section');
  });
});

describe('splitSections', () => {
  it('finds the title and every section of the April 2020 policy with stable anchors', () => {
    const sections = splitSections(april2020);
    expect(sections.map((s) => s.id)).toEqual([
      'ict-technology-and-social-media-acceptable-use-policy-for-all-permanent-and-temporary-staff',
      'computer-network',
      'internet-email',
      'use-of-photographs-video-and-digital-images',
      'mobile-phones',
      'social-media',
      'breaches-of-the-policy',
    ]);
    expect(sections[0]!.depth).toBe(1);
    expect(sections[0]!.body).toMatch(/^Wells AP Kinsley \(WAPK\) is committed/);
    expect(sections[6]!.body).toMatch(/please seek advice\.$/);
  });

  it('keeps the clauses the Outlook rules cite in the sections they name', () => {
    const byId = new Map(splitSections(april2020).map((s) => [s.id, s.body]));
    expect(byId.get('mobile-phones')).toContain('Calls and contact to pupils and parents should be restricted to the hours of 8.00 am to 6.00 pm');
    expect(byId.get('internet-email')).toContain('Appropriate security must be used or applied before confidential or sensitive information is sent via the internet or email.');
  });

  it('keeps text before any heading as a preamble, and deeper headings inside their section', () => {
    const sections = splitSections('Intro text\n\n## A\n\nOne\n\n### Detail\n\nTwo\n\n## B\n');
    expect(sections).toEqual([
      { id: 'preamble', heading: '', depth: 0, body: 'Intro text' },
      { id: 'a', heading: 'A', depth: 2, body: 'One\n\n### Detail\n\nTwo' },
      { id: 'b', heading: 'B', depth: 2, body: '' },
    ]);
  });

  it('does not split at a hash inside a code block', () => {
    expect(splitSections('## A\n\n```\n## not a heading\n```\n').map((s) => s.id)).toEqual(['a']);
  });

  it('returns nothing for empty text', () => {
    expect(splitSections('')).toEqual([]);
  });
});

describe('diffSections', () => {
  it('reports every section unchanged for identical texts', () => {
    const diff = diffSections(april2020, april2020);
    expect(diff).toHaveLength(7);
    expect(diff.every((d) => d.status === 'unchanged')).toBe(true);
  });

  it('shows the changed words in the one section that changed', () => {
    const next = april2020.replace('Personal calls, other than', 'Private calls, other than');
    const diff = diffSections(april2020, next);
    const changed = diff.filter((d) => d.status === 'changed');
    expect(changed.map((d) => d.section.id)).toEqual(['mobile-phones']);
    const c = changed[0]!;
    if (c.status !== 'changed') throw new Error('unreachable');
    expect(c.changes.filter((x) => x.kind === 'replaced')).toEqual([{ kind: 'replaced', removed: 'Personal', added: 'Private' }]);
  });

  it('reads "6.00 pm" to "5.30 pm" as one replacement of the whole time (issue 14)', () => {
    const next = april2020.replace('8.00 am to 6.00 pm', '8.00 am to 5.30 pm');
    const c = diffSections(april2020, next).find((d) => d.status === 'changed');
    if (c?.status !== 'changed') throw new Error('expected a changed section');
    expect(c.changes.filter((x) => x.kind !== 'same')).toEqual([{ kind: 'replaced', removed: '6.00 pm', added: '5.30 pm' }]);
    // Joined back, each side is exactly its version's text.
    const side = (which: 'removed' | 'added') => c.changes.map((x) => (x.kind === 'same' ? x.text : x.kind === 'replaced' ? x[which] : x.kind === which ? x.text : '')).join('');
    expect(side('removed')).toBe(c.previous.body);
    expect(side('added')).toBe(c.section.body);
  });

  it('reports added and removed sections in reading order', () => {
    const diff = diffSections('## A\n\na\n\n## B\n\nb\n', '## A\n\na\n\n## C\n\nc\n\n## B\n\nb\n');
    expect(diff.map((d) => [d.status, d.section.id])).toEqual([['unchanged', 'a'], ['added', 'c'], ['unchanged', 'b']]);
    const removed = diffSections('## A\n\na\n\n## B\n\nb\n', '## B\n\nb\n');
    expect(removed.map((d) => [d.status, d.section.id])).toEqual([['removed', 'a'], ['unchanged', 'b']]);
  });
});

describe('tokenise', () => {
  it.each([
    ['6.00 pm', ['6.00 pm']],
    ['8am', ['8am']],
    ['18:00', ['18:00']],
    ['6 p.m.', ['6 p.m.']],
    ['1 September 2026', ['1 September 2026']],
    ['September 1st, 2026', ['September 1st, 2026']],
    ['01/09/2026', ['01/09/2026']],
    ['2026-09-01', ['2026-09-01']],
    ['£1,250.50', ['£1,250.50']],
    ['2.5%', ['2.5%']],
    ['e.g.', ['e.g.']],
    ["staff's", ["staff's"]],
    ['face-to-face', ['face-to-face']],
  ])('keeps %s whole', (text, tokens) => {
    expect(tokenise(text)).toEqual(tokens);
  });

  it('gives back the text exactly when joined', () => {
    expect(tokenise(april2020).join('')).toBe(april2020);
  });
});

describe('diffText', () => {
  it('reads neighbouring changed words as one replacement', () => {
    expect(diffText('call between 8 and 6 daily', 'call after 7 or before 5 daily')).toEqual([
      { kind: 'same', text: 'call ' },
      { kind: 'replaced', removed: 'between 8 and 6', added: 'after 7 or before 5' },
      { kind: 'same', text: ' daily' },
    ]);
  });

  it('reports a pure addition and a pure removal as such', () => {
    expect(diffText('a c', 'a b c').filter((x) => x.kind !== 'same')).toEqual([{ kind: 'added', text: 'b ' }]);
    expect(diffText('a b c', 'a c').filter((x) => x.kind !== 'same')).toEqual([{ kind: 'removed', text: 'b ' }]);
  });

  it('changes a sum of money as a whole', () => {
    expect(diffText('a fine of £50.00 each', 'a fine of £75.00 each').filter((x) => x.kind !== 'same'))
      .toEqual([{ kind: 'replaced', removed: '£50.00', added: '£75.00' }]);
  });
});
