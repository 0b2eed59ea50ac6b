// The local compose harness for the Outlook suites: vite's dev server, the
// BUILT launchevent.js answered for /outlook/launchevent.js (as Outlook loads
// it), and Chromium. Pages open with the built-in demo school (?settings=demo)
// so no running emulator changes the outcome.
import { createServer, type ViteDevServer } from 'vite';
import type { FrameLocator, Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { buildLaunchEvent } from '../../outlook/build-launchevent';

export type HarnessPlatform = 'windows' | 'web' | 'mac';
export const HARNESS_PLATFORMS: readonly HarnessPlatform[] = ['windows', 'web', 'mac'];

export interface HarnessOptions {
  readonly at?: string;
  readonly theme?: string;
  readonly platform?: HarnessPlatform;
  readonly naa?: 'off';
  /** Other query parameters (settings source, graph). */
  readonly extra?: Readonly<Record<string, string>>;
}

export interface ComposeHarness {
  readonly browser: LaunchedBrowser;
  readonly baseUrl: string;
  open(options?: HarnessOptions): Promise<Page>;
  close(): Promise<void>;
}

export async function startComposeHarness(): Promise<ComposeHarness> {
  const launchEventJs = (await buildLaunchEvent()).code;
  const server: ViteDevServer = await createServer({
    configFile: fileURLToPath(new URL('../../../vite.config.ts', import.meta.url)),
    mode: 'development',
    logLevel: 'error',
    server: { port: 0, strictPort: false },
  });
  await server.listen();
  const baseUrl = server.resolvedUrls?.local[0] ?? '';
  const browser = await launchBrowser();
  return {
    browser,
    baseUrl,
    async open(options = {}) {
      const page = await browser.context.newPage();
      await page.route('**/outlook/launchevent.js', (route) => route.fulfill({ contentType: 'text/javascript', body: launchEventJs }));
      // The profile persists between pages: start each from empty storage, as a fresh client would.
      await page.goto(`${baseUrl}outlook/support.html`);
      await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
      const q = new URLSearchParams({
        settings: 'demo', launchevent: 'built',
        ...(options.at ? { at: options.at } : {}), ...(options.theme ? { theme: options.theme } : {}),
        ...(options.platform ? { platform: options.platform } : {}), ...(options.naa ? { naa: options.naa } : {}),
        ...options.extra,
      });
      await page.goto(`${baseUrl}dev/compose.html?${q.toString()}`);
      await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
      await pane(page).getByRole('heading', { name: 'AUP Guard' }).waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export const pane = (page: Page): FrameLocator => page.frameLocator('iframe[title="AUP Guard task pane"]');
export const alertDialog = (page: Page) => page.getByRole('alertdialog');
export const sendButton = (page: Page) => page.getByRole('button', { name: 'Send', exact: true });
export const sentItems = (page: Page) => page.getByRole('region', { name: 'Sent items' });

export async function compose(page: Page, m: { to: string; subject: string; body: string }): Promise<void> {
  const to = page.getByRole('textbox', { name: 'To' });
  await to.fill(m.to);
  await to.press('Enter');
  await page.getByRole('textbox', { name: 'Subject' }).fill(m.subject);
  await page.getByRole('textbox', { name: 'Message body' }).fill(m.body);
}

/** Presses Send and resolves with what followed: the alert's text, or 'sent'. */
export async function send(page: Page): Promise<string> {
  const before = (await sentItems(page).locator('li').count());
  await sendButton(page).click();
  for (let i = 0; i < 200; i++) {
    if (await alertDialog(page).count() > 0) return (await alertDialog(page).textContent()) ?? '';
    if ((await sentItems(page).locator('li').count()) > before) return 'sent';
    await page.waitForTimeout(50);
  }
  throw new Error('Send led to neither an alert nor a sent message within 10 s');
}
