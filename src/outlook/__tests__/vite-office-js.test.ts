import type { IndexHtmlTransformContext, IndexHtmlTransformHook, Plugin, UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { OFFICE_JS_URL } from '../office/office-js';
import { isOfficePage, officeJsFromCdn } from '../vite-office-js';

const plugin: Plugin = officeJsFromCdn();

const applies = (command: 'build' | 'serve', mode: string): boolean => {
  const apply = plugin.apply;
  if (typeof apply !== 'function') throw new Error('the plugin decides per build');
  return apply({} as UserConfig, { command, mode });
};

const transform = (path: string, html = '<html><head></head><body></body></html>') => {
  const hook = plugin.transformIndexHtml as IndexHtmlTransformHook;
  return hook.call({} as never, html, { path, filename: `/src${path}` } as IndexHtmlTransformContext);
};

describe('officeJsFromCdn', () => {
  it('runs for production builds only', () => {
    expect(applies('build', 'production')).toBe(true);
  });

  it.each([
    ['the dev server', 'serve', 'development'],
    ['the demo build the e2e tests use', 'build', 'demo'],
    ['a development build', 'build', 'development'],
  ] as const)('stays out of %s, which has no network and uses the fake Office', (_what, command, mode) => {
    expect(applies(command, mode)).toBe(false);
  });

  it.each(['/outlook/taskpane.html', '/outlook/commands.html'])('puts the CDN script first in <head> of %s', async (path) => {
    expect(await transform(path)).toEqual([{ tag: 'script', attrs: { src: OFFICE_JS_URL }, injectTo: 'head-prepend' }]);
  });

  it.each(['/outlook/support.html', '/teams/index.html', '/index.html', '/outlookish/page.html'])('leaves %s alone', async (path) => {
    expect(await transform(path)).toBeUndefined();
  });

  it('does not add a second tag to a page that already loads office.js', async () => {
    expect(await transform('/outlook/taskpane.html', `<head><script src="${OFFICE_JS_URL}"></script></head>`)).toBeUndefined();
  });
});

describe('isOfficePage', () => {
  it('is true for add-in pages and false for the support page read in a browser', () => {
    expect(isOfficePage('/outlook/taskpane.html')).toBe(true);
    expect(isOfficePage('/outlook/support.html')).toBe(false);
  });
});
