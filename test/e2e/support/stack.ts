// What every end-to-end suite of the Teams app starts: the emulator with the
// demo school, the built demo app and Chromium, plus the demo users and a
// Graph client per user for checking the lists behind the page.
import type { Page } from 'playwright-core';
import { startEmulator, type Emulator } from '../../../src/emulator/index';
import { createGraphClient, type GraphClient } from '../../../src/graph/client';
import { siteLists, type SiteLists } from '../../../src/graph/lists';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { serveApp, type ServedApp } from './app';

export interface DevUser { id: string; upn: string; displayName: string; role: 'staff' | 'manager' | 'admin'; teamsAppInstalled: boolean }

export type Theme = 'light' | 'dark' | 'contrast';

export interface Stack {
  readonly emulator: Emulator;
  readonly app: ServedApp;
  readonly browser: LaunchedBrowser;
  readonly users: readonly DevUser[];
  /** A demo user by UPN; throws when the seed has none, so a typo fails loudly. */
  user(upn: string): DevUser;
  /** A Graph client and the site's lists with that user's dev token (no retries: tests see every error). */
  graphFor(upn: string): Promise<{ graph: GraphClient; lists: SiteLists }>;
  /** Opens the tab and signs in through the demo picker. */
  signIn(page: Page, who: DevUser, theme?: Theme): Promise<void>;
  close(): Promise<void>;
}

export async function startStack(options: { viewport?: { width: number; height: number } } = {}): Promise<Stack> {
  const emulator = await startEmulator({ port: 0, dataFile: ':memory:', seed: 'demo' });
  const app = await serveApp();
  const browser = await launchBrowser({ viewport: options.viewport ?? { width: 1280, height: 900 } });
  const listed = (await (await fetch(`${emulator.url}/_dev/users`)).json()) as DevUser[] | { value: DevUser[] };
  const users = Array.isArray(listed) ? listed : listed.value;

  return {
    emulator, app, browser, users,
    user(upn) {
      const found = users.find((u) => u.upn === upn);
      if (!found) throw new Error(`no demo user ${upn}`);
      return found;
    },
    async graphFor(upn) {
      const res = await fetch(`${emulator.url}/_dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ upn }) });
      const token = ((await res.json()) as { access_token: string }).access_token;
      const graph = createGraphClient({ baseUrl: emulator.url, getToken: async () => token, retry: { maxRetries: 0 } });
      return { graph, lists: siteLists(graph, (await graph.get<{ id: string }>('/sites/root')).id) };
    },
    async signIn(page, who, theme) {
      await page.goto(app.teamsUrl(emulator.url, theme));
      await page.getByRole('button', { name: `Sign in as ${who.displayName}` }).click();
    },
    async close() {
      await browser.close();
      await app.close();
      await emulator.close();
    },
  };
}
