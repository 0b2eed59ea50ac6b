import { describe, expect, it } from 'vitest';
import { chainableSiteKey, siteAddress } from '../site';

describe('siteAddress', () => {
  it('turns a site URL into Graph\'s hostname:/path form, without a trailing slash', () => {
    expect(siteAddress('https://contoso.sharepoint.com/sites/wapk/')).toBe('contoso.sharepoint.com:/sites/wapk');
  });
  it('names the root site collection by its hostname alone', () => {
    expect(siteAddress('https://contoso.sharepoint.com/')).toBe('contoso.sharepoint.com');
  });
  it('passes ids and `root` through unchanged', () => {
    expect(siteAddress('root')).toBe('root');
    expect(siteAddress('contoso.sharepoint.com,1,2')).toBe('contoso.sharepoint.com,1,2');
  });
});

describe('chainableSiteKey', () => {
  it('closes a path with a colon so /lists can follow', () => {
    expect(chainableSiteKey('https://contoso.sharepoint.com/sites/wapk')).toBe('contoso.sharepoint.com:/sites/wapk:');
  });
  it('leaves hostnames, ids and root as they are', () => {
    expect(chainableSiteKey('https://contoso.sharepoint.com')).toBe('contoso.sharepoint.com');
    expect(chainableSiteKey('contoso.sharepoint.com,1,2')).toBe('contoso.sharepoint.com,1,2');
    expect(chainableSiteKey('root')).toBe('root');
  });
});
