import { describe, expect, it } from 'vitest';
import { StoreError, type SiteLists } from '../../graph';
import { listsReader } from '../taskpane/graph-source';

/** A site whose lists are all missing: every repository call fails as Graph would make it. */
const siteWithout = (error: Error): SiteLists => ({
  graph: {} as SiteLists['graph'], siteId: 'site',
  listId: () => Promise.reject(error), itemsPath: () => Promise.reject(error), refresh: () => undefined, webUrl: () => Promise.resolve(null),
});

describe('listsReader', () => {
  it('treats a site without AUP Send Check (set up before it existed) as "no contacts published yet"', async () => {
    const reader = listsReader(siteWithout(new StoreError('listNotProvisioned', 'The list "AUP Send Check" does not exist')));
    await expect(reader.readSendCheck()).resolves.toBeUndefined();
  });

  it('still reports any other failure', async () => {
    const reader = listsReader(siteWithout(new Error('offline')));
    await expect(reader.readSendCheck()).rejects.toThrow('offline');
  });
});
