// What a built page costs to load, read from the build output: the e2e bundle
// check and the bench's sizes section both measure with these, so the figures
// they print cannot disagree.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface JsFile {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface JsSet {
  readonly files: readonly JsFile[];
  readonly bytes: number;
  readonly gzipBytes: number;
}

async function measure(outDir: string, refs: Iterable<string>): Promise<JsSet> {
  const files = await Promise.all([...refs].map(async (ref): Promise<JsFile> => {
    const body = await readFile(join(outDir, ref.replace(/^\//, '')));
    return { file: ref.replace(/^\//, ''), bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
  }));
  return { files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}


/**
 * The JavaScript a page loads before anything else: its entry script and every
 * modulepreload the build put in its HTML. Lazily loaded views are not counted.
 */
export async function initialJs(outDir: string, page = 'teams/index.html'): Promise<JsSet> {
  const html = await readFile(join(outDir, page), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) refs.add(m[1]!.replace(/^\//, ''));
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) refs.add(m[1]!.replace(/^\//, ''));
  return measure(outDir, refs);
}

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
}

/**
 * What fetching a lazily imported module costs on top of what is already
 * loaded: its chunk and the chunks it statically imports, less `loaded`.
 * Needs a build with `build.manifest: true`; `key` is a manifest key, the
 * module's path relative to the vite root (e.g. `ui/auth/msal.ts`), or a
 * suffix of one (for node_modules entries), or `_name` for a shared chunk vite
 * names by its file (`_markdown-<hash>.js`).
 */
export async function lazyJs(outDir: string, key: string, loaded: Iterable<string> = []): Promise<JsSet> {
  const path = join(outDir, '.vite/manifest.json');
  if (!existsSync(path)) throw new Error('lazyJs needs a build with build.manifest: true');
  const manifest = JSON.parse(await readFile(path, 'utf8')) as Record<string, ManifestChunk>;
  const found = manifest[key] ? key : Object.keys(manifest).find((k) => k.endsWith(key) || (key.startsWith('_') && k.startsWith(`${key}-`)));
  if (!found) throw new Error(`no chunk for ${key} in the build manifest`);
  const skip = new Set(loaded);
  const files = new Set<string>();
  const visit = (k: string): void => {
    const chunk = manifest[k];
    if (!chunk || skip.has(chunk.file) || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const i of chunk.imports ?? []) visit(i);
  };
  visit(found);
  return measure(outDir, files);
}
