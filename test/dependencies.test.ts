// package.json's "dependencies" are what the shipped site is built from; the
// emulator, CLI tools, harness and tests use devDependencies (issue #10). A
// package that only the emulator uses in "dependencies" misleads a school's IT
// admin reading what AUP Guard ships; a shipped import from a devDependency
// would build today and break the day someone prunes them.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
/** Folders and build configs that never reach a production bundle. */
const LOCAL_ONLY = /^src\/(emulator|cli|dev)\/|\/__tests__\/|\/vite[^/]*\.ts$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/'));
}

/** Bare package names a file imports (`@scope/name` or `name`), ignoring node: and relative imports and type-only imports. */
function importedPackages(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const names: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    const spec = m[1] ?? m[2] ?? '';
    if (spec.startsWith('.') || spec.startsWith('node:') || spec.startsWith('virtual:')) continue;
    const parts = spec.split('/');
    names.push(spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!);
  }
  return names;
}

describe('package.json dependencies', () => {
  const shipped = sourceFiles(join(ROOT, 'src')).filter((f) => !LOCAL_ONLY.test(f));

  it('are all imported by code that ships', () => {
    const used = new Set(shipped.flatMap(importedPackages));
    expect(Object.keys(pkg.dependencies).filter((d) => !used.has(d))).toEqual([]);
  });

  it('cover every package that shipped code imports', () => {
    const missing = shipped.flatMap((f) => importedPackages(f).filter((p) => !(p in pkg.dependencies)).map((p) => `${f}: ${p}`));
    expect(missing).toEqual([]);
  });

  it('leave the emulator-only packages to devDependencies', () => {
    for (const name of ['better-sqlite3', 'jose']) {
      expect(pkg.dependencies[name], name).toBeUndefined();
      expect(pkg.devDependencies[name], name).toBeDefined();
    }
  });
});
