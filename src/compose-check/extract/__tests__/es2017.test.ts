// The readers built as launchevent.js builds them (vite, ES2017 target, one
// classic script), parsed as ES2017 and run in a bare node:vm context: no
// TextDecoder, Intl, DOM or module loader, and a RegExp that rejects ES2018
// syntax, as classic Outlook's send-time runtime may. Mirrors
// test/outlook/launchevent-vm.test.ts for the code that is not wired in yet.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, Script } from 'node:vm';
import { parse } from 'acorn';
import { build } from 'vite';
import { fixture } from './support';
import { ES2017_REGEXP } from '../../../../test/support/es2017-regexp';

const CONFIG = fileURLToPath(new URL('../../../outlook/vite.launchevent.config.ts', import.meta.url));
const ENTRY = fileURLToPath(new URL('../index.ts', import.meta.url));

let code = '';
beforeAll(async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'aup-guard-extract-'));
  try {
    await build({
      configFile: CONFIG,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, sourcemap: false, lib: { entry: ENTRY, name: 'AupGuardExtract', formats: ['iife'], fileName: () => 'extract.js' } },
    });
    code = await readFile(join(outDir, 'extract.js'), 'utf8');
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}, 120_000);

/** Every identifier the code reads (not property names after a dot or as object keys; string contents never). */
function identifiers(root: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown, skip?: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (!node || typeof node !== 'object' || !('type' in node)) return;
    const n = node as Record<string, unknown> & { type: string; computed?: boolean };
    if (n.type === 'Identifier' && node !== skip) found.add(String(n.name));
    for (const [key, value] of Object.entries(n)) {
      if (value && typeof value === 'object') {
        const isKey = (key === 'property' && n.type === 'MemberExpression' && !n.computed) || (key === 'key' && n.type === 'Property' && !n.computed);
        walk(value, isKey ? value : undefined);
      }
    }
  };
  walk(root);
  return found;
}

describe('the attachment readers as the send-time runtime loads them', () => {
  it('parse as ES2017, regular expressions included, and reach for no DOM, Intl or Node', () => {
    const ast = parse(code, { ecmaVersion: 2017, sourceType: 'script' });
    const names = identifiers(ast);
    for (const host of ['window', 'document', 'localStorage', 'navigator', 'Intl', 'require', 'Buffer', 'Worker', 'process', 'TextEncoder']) {
      expect(names.has(host), host).toBe(false);
    }
    expect(code).not.toMatch(/\bimport\s*[({'"]/);
  });

  it('read a workbook, a document and a PDF in a context without TextDecoder or Intl', () => {
    const context = createContext({});
    new Script('delete globalThis.Intl;').runInContext(context);
    new Script(ES2017_REGEXP).runInContext(context);
    new Script(code, { filename: 'extract.js' }).runInContext(context);
    expect(new Script('typeof TextDecoder + typeof Intl').runInContext(context)).toBe('undefinedundefined');
    const run = (name: string): string => {
      const bytes = fixture(name);
      context.input = Array.from(bytes);
      return new Script(`JSON.stringify((() => {
        const r = AupGuardExtract.extractAttachment({ name: ${JSON.stringify(name)}, bytes: new Uint8Array(input) });
        return r.kind === 'text' ? r.parts.map((p) => [p.label, p.text, p.locate ? p.locate(p.text.indexOf('Q886402190100')) : null]) : r;
      })())`).runInContext(context) as string;
    };
    const xlsx = JSON.parse(run('pupils.xlsx')) as [string, string, string | null][];
    expect(xlsx[0]?.[0]).toBe('sheet Year 9');
    expect(xlsx[0]?.[1]).toContain('Zo\u00eb Smith-Jones\tE886402190211\t9284063271');
    expect(xlsx[0]?.[2]).toBe('cell B2');
    expect(run('report.docx')).toContain('"page 1"');
    expect(run('report.pdf')).toContain('NHS number 943 476 5919');
    expect(JSON.parse(run('pupils-protected.xlsx'))).toEqual({ kind: 'protected', why: 'password-protected workbook' });
  });
});
