// The production add-in manifest: well formed, every send-time function it
// names is registered by the built launchevent.js, and every URL it lists is a
// file in the built site.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { findAll, manifestUrls } from '../../../src/cli/package/outlook-manifest';
import type { Packaged } from '../support';
import { BUILD_TIMEOUT, packageOnce } from '../support';

const ORIGIN = 'https://aup.school.example';
let result: Packaged;
let xml: string;


/**
 * Runs the built launchevent.js in a bare V8 context, like classic Outlook's
 * JavaScript-only runtime, with a stand-in `Office` that records what the
 * script registers with Office.actions.associate.
 */
function registeredFunctions(script: string): string[] {
  const names: string[] = [];
  // Any other Office member the script touches at load time is a harmless no-op.
  const inert: unknown = new Proxy(() => inert, { get: (_t, key) => (key === 'then' ? undefined : inert) });
  const office = new Proxy({}, {
    get: (_t, key) => (key === 'actions' ? { associate: (name: string) => void names.push(name) } : inert),
  });
  runInNewContext(script, { Office: office, console }, { timeout: 5_000 });
  return names;
}

describe('outlook-addin.xml', () => {
  beforeAll(async () => {
    result = await packageOnce();
    xml = await readFile(join(result.outDir, 'outlook-addin.xml'), 'utf8');
  }, BUILD_TIMEOUT);


  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('carries the stable add-in id and the package.json version', () => {
    expect(findAll(xml, 'Id')[0]).toBe(result.outlookAddinId);
    expect(findAll(xml, 'Version')).toEqual([`${result.version.split('-')[0]}.0`]);
  });

  it('mentions no development address', () => {
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it('names only functions that launchevent.js registers', async () => {
    const script = await readFile(join(result.outDir, 'outlook/launchevent.js'), 'utf8');
    const registered = registeredFunctions(script);
    const named = findAll(xml, 'FunctionName');
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(registered).toContain(name);
  });

  it('points every URL on the school origin at a file the build produced', () => {
    const ours = manifestUrls(xml).filter((u) => u.startsWith(ORIGIN));
    expect(ours.length).toBeGreaterThan(3);
    const missing = ours.filter((u) => {
      const path = new URL(u).pathname;
      return path !== '/' && !existsSync(join(result.outDir, path));
    });
    expect(missing).toEqual([]);
  });

  it('uses only the school origin or Microsoft schema namespaces', () => {
    const foreign = manifestUrls(xml).filter((u) => !u.startsWith(ORIGIN) && !/^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(u));
    expect(foreign).toEqual([]);
  });
});
