import { describe, expect, it } from 'vitest';
import { createFakeOffice, type FakePlatform } from '../../dev/fake-office/fake-office';
import { runtimeKind, storesFor } from '../cache/stores';

const localStorage = { getItem: () => null, setItem: () => undefined };

function envFor(platform: FakePlatform, mailboxVersion: '1.10' | '1.15' = '1.15') {
  const fake = createFakeOffice({ user: { emailAddress: 'me@school.example.org.uk', displayName: 'Me' }, platform, mailboxVersion });
  return { office: fake.Office, ...(fake.OfficeRuntime ? { runtime: fake.OfficeRuntime } : {}) };
}

describe('storesFor: one store per runtime, as Microsoft documents it, roaming settings last', () => {
  it('classic Windows (PC): OfficeRuntime.storage, the draft\'s sessionData, roaming; never localStorage', () => {
    expect(storesFor({ ...envFor('windows'), localStorage }).map((s) => s.name)).toEqual(['OfficeRuntime.storage', 'sessionData', 'roamingSettings']);
    // Before Mailbox 1.11 there is no sessionData.
    expect(storesFor(envFor('windows', '1.10')).map((s) => s.name)).toEqual(['OfficeRuntime.storage', 'roamingSettings']);
  });

  it.each(['web', 'mac'] as const)('%s (browser runtime): localStorage shared with the pane, then roaming', (platform) => {
    expect(storesFor({ ...envFor(platform), localStorage }).map((s) => s.name)).toEqual(['localStorage', 'roamingSettings']);
  });

  it('falls back to what the runtime has where the platform cannot be read', () => {
    expect(runtimeKind({ localStorage })).toBe('browser');
    expect(runtimeKind({})).toBe('javascript-only');
  });
});

describe('writing the cache', () => {
  it('removes the first cache (clear names, unsalted hashes), which would otherwise fill roaming settings', async () => {
    const fake = createFakeOffice({ user: { emailAddress: 'me@school.example.org.uk', displayName: 'Me' }, platform: 'web' });
    const roaming = fake.Office.context.roamingSettings;
    roaming.set('aupGuard.cache.v1', 'x'.repeat(31_000));
    const store = storesFor({ office: fake.Office }).find((s) => s.name === 'roamingSettings');
    await store?.write('y'.repeat(20_000));
    expect(roaming.get('aupGuard.cache.v1')).toBeUndefined();
    expect(await store?.read()).toHaveLength(20_000);
  });
});
