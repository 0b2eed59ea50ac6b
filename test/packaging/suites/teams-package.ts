// The Teams app package: the manifest validates offline against the official
// schema and describes our tab and Entra app; the icons are what Teams requires.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils, TeamsManifestConverter } from '@microsoft/app-manifest';
import { unzipSync, strFromU8 } from 'fflate';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Packaged } from '../support';
import { PUBLISHED_ACTIVITY_TYPE, REMINDER_ACTIVITY_TYPE, TAB_ENTITY_ID, publishedMessages, reminderMessages } from '../../../src/teams/manager/reminders';
import { BUILD_TIMEOUT, ROOT, packageOnce } from '../support';

let result: Packaged;
let files: Record<string, Uint8Array>;


describe('teams-app.zip', () => {
  beforeAll(async () => {
    result = await packageOnce();
    files = unzipSync(new Uint8Array(await readFile(join(result.outDir, 'teams-app.zip'))));
  }, BUILD_TIMEOUT);


  it('holds exactly the manifest and its two icons, at the top level', () => {
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  describe('manifest.json', () => {
    const manifest = () => JSON.parse(strFromU8(files['manifest.json']!)) as Record<string, unknown> & { manifestVersion: string };

    // Any attempt to fetch the schema from the internet fails the test.
    beforeAll(() => {
      vi.stubGlobal('fetch', () => Promise.reject(new Error('no network in tests')));
    });
    afterAll(() => {
      vi.unstubAllGlobals();
    });

    it('validates offline against the schema @microsoft/app-manifest bundles for its version', async () => {
      const json = strFromU8(files['manifest.json']!);
      const typed = TeamsManifestConverter.jsonToManifest(json);
      const schemaFile = join(
        dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')),
        'build/json-schemas/teams',
        `v${typed.manifestVersion}`,
        'MicrosoftTeams.schema.json',
      );
      const schema: unknown = JSON.parse(await readFile(schemaFile, 'utf8'));
      const errors = await AppManifestUtils.validateAgainstSchema(typed, schema as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]);
      expect(errors).toEqual([]);
    });

    it('uses a GA schema version of at least 1.24, not devPreview', () => {
      const { manifestVersion } = manifest();
      expect(manifestVersion).toMatch(/^1\.\d+$/);
      expect(Number(manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(24);
      expect(manifest()['$schema']).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`);
    });

    it('takes its version from package.json', async () => {
      const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      expect(manifest()['version']).toBe(pkg.version);
    });

    it('has a personal static tab on the school origin', () => {
      expect(manifest()['staticTabs']).toEqual([
        expect.objectContaining({ scopes: ['personal'], contentUrl: 'https://aup.school.example/teams/index.html' }),
      ]);
    });

    it('names the Entra app for single sign-on and the school origin as its only domain', () => {
      expect(manifest()['webApplicationInfo']).toEqual({
        id: '3f2b8c1e-7a4d-4e2f-9b6a-1c5d8e7f0a21',
        resource: 'api://aup.school.example/3f2b8c1e-7a4d-4e2f-9b6a-1c5d8e7f0a21',
      });
      expect(manifest()['validDomains']).toEqual(['aup.school.example']);
    });

    it('uses the stable derived app id', () => {
      expect(manifest()['id']).toBe(result.teamsAppId);
      expect(result.teamsAppId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5/);
    });

    it('declares the tab and activity type the manager view links to and sends reminders with', () => {
      const tabs = manifest()['staticTabs'] as Array<{ entityId: string }>;
      expect(tabs.map((t) => t.entityId)).toContain(TAB_ENTITY_ID);
      const activities = manifest()['activities'] as { activityTypes: Array<{ type: string; templateText: string }> };
      const reminder = activities.activityTypes.find((t) => t.type === REMINDER_ACTIVITY_TYPE);
      expect(reminder).toBeDefined();
      // Every template parameter the reminder sends has a placeholder to fill.
      const content = { version: '2020-04', title: 'AUP', dueDate: '2026-12-18', managerName: 'A Manager', tabUrl: 'https://x.example/' };
      const sent = reminderMessages(content).activity.templateParameters ?? [];
      for (const p of sent) expect(reminder?.templateText).toContain(`{${p.name}}`);
      // So does the notice that a version has been published.
      const published = activities.activityTypes.find((t) => t.type === PUBLISHED_ACTIVITY_TYPE);
      expect(published).toBeDefined();
      for (const p of publishedMessages({ ...content, effectiveDate: null }).activity.templateParameters ?? []) expect(published?.templateText).toContain(`{${p.name}}`);
    });
  });

  describe('icons', () => {
    const png = (name: string): PNG => PNG.sync.read(Buffer.from(files[name]!));

    it('color.png is 192×192', () => {
      expect(png('color.png')).toMatchObject({ width: 192, height: 192 });
    });

    it('outline.png is 32×32, white on transparent', () => {
      const outline = png('outline.png');
      expect(outline).toMatchObject({ width: 32, height: 32 });
      let white = 0;
      let transparent = 0;
      for (let i = 0; i < outline.data.length; i += 4) {
        const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
        if (a === 0) transparent++;
        else {
          expect([r, g, b]).toEqual([255, 255, 255]);
          white++;
        }
      }
      expect(white).toBeGreaterThan(0);
      expect(transparent).toBeGreaterThan(0);
    });
  });
});
