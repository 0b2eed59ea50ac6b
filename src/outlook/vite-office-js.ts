// Vite plugin: production add-in pages load office.js from Microsoft's CDN.
// Only production builds get the tag. The dev server, `vite build --mode demo`
// and the tests have no network and give the pane the typed fake Office
// (src/dev/fake-office) instead, so a CDN tag there would only stall the page.
import type { Plugin } from 'vite';
import { OFFICE_JS_URL } from './office/office-js.js';

/** Pages under /outlook/ that people open in a browser, not inside Office (the manifest's SupportUrl). */
export const PAGES_OUTSIDE_OFFICE: readonly string[] = ['/outlook/support.html'];

/** True for a page Outlook loads as an add-in page (task pane, event runtime). */
export const isOfficePage = (path: string): boolean => path.startsWith('/outlook/') && !PAGES_OUTSIDE_OFFICE.includes(path);

export function officeJsFromCdn(): Plugin {
  return {
    name: 'aup-guard:office-js-from-cdn',
    apply: (_config, { command, mode }) => command === 'build' && mode === 'production',
    transformIndexHtml(html, ctx) {
      if (!isOfficePage(ctx.path) || html.includes(OFFICE_JS_URL)) return undefined;
      // First in <head>: a classic script, so it runs before commands.html's
      // launchevent.js and before the pane's (deferred) module script.
      return [{ tag: 'script', attrs: { src: OFFICE_JS_URL }, injectTo: 'head-prepend' }];
    },
  };
}
