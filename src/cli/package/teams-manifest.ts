// Fills in manifest/teams/manifest.json (the unified app manifest template)
// and validates the result offline against the JSON schema bundled in
// @microsoft/app-manifest, so a broken package never reaches the Teams admin centre.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils, TeamsManifestConverter } from '@microsoft/app-manifest';
import type { TeamsManifest } from '@microsoft/app-manifest';

/** Values substituted for `{{NAME}}` in the template. */
export type TemplateValues = Readonly<Record<string, string>>;

const PLACEHOLDER = /\{\{([A-Z0-9_]+)\}\}/g;

/** Replaces every `{{NAME}}` inside string values (never in keys or structure). Unknown names are an error. */
export function fillTemplate(template: unknown, values: TemplateValues): unknown {
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (_, name: string) => {
        const value = values[name];
        if (value === undefined) throw new Error(`manifest template uses {{${name}}}, which the packager does not provide`);
        return value;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    }
    return node;
  };
  return fill(template);
}

const appManifestRoot = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));

/** The schema file shipped inside @microsoft/app-manifest for a manifest version (no network). */
export function bundledSchemaPath(manifestVersion: string): string {
  if (!/^(\d+\.\d+|devPreview)$/.test(manifestVersion)) throw new Error(`not a manifest version: ${manifestVersion}`);
  return join(appManifestRoot, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

/** Schema errors for a manifest object, checked against the bundled schema of its own manifestVersion. */
export async function validateTeamsManifest(manifest: TeamsManifest): Promise<string[]> {
  const schema: unknown = JSON.parse(await readFile(bundledSchemaPath(manifest.manifestVersion), 'utf8'));
  // Passing the schema stops the library fetching manifest.$schema from the internet.
  return AppManifestUtils.validateAgainstSchema(manifest, schema as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]);
}

/** Reads the template, fills it, type-checks it with the official converter and validates it. Returns the JSON text. */
export async function renderTeamsManifest(templatePath: string, values: TemplateValues): Promise<{ manifest: TeamsManifest; json: string }> {
  const template: unknown = JSON.parse(await readFile(templatePath, 'utf8'));
  const json = JSON.stringify(fillTemplate(template, values), null, 2);
  const manifest = TeamsManifestConverter.jsonToManifest(json);
  if (manifest.manifestVersion === 'devPreview') throw new Error('the Teams manifest must use a GA schema version, not devPreview');
  const problems = await validateTeamsManifest(manifest);
  if (problems.length > 0) throw new Error(`the Teams manifest does not match its schema:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return { manifest, json: `${json}\n` };
}
