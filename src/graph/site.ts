// How AUP Guard names the school's SharePoint site to Graph. An admin gives a
// site URL (https://contoso.sharepoint.com/sites/wapk), a Graph site id, or
// `root`; Graph addresses a site by path as `{hostname}:/{server-relative-path}`.

/**
 * The site as Graph's get-by-path form (`contoso.sharepoint.com:/sites/wapk`),
 * or the id as given. Use it where the site itself is the last segment.
 */
export function siteAddress(site: string): string {
  const trimmed = site.trim();
  if (!/^https?:\/\//i.test(trimmed)) return trimmed;
  const url = new URL(trimmed);
  const path = url.pathname.replace(/\/+$/, '');
  return path ? `${url.hostname}:${path}` : url.hostname;
}

/**
 * The same, closed with `:` when it is a path, so segments can follow
 * (`/sites/contoso.sharepoint.com:/sites/wapk:/lists`): without the colon Graph
 * would read `/lists` as part of the site's path.
 */
export function chainableSiteKey(site: string): string {
  const address = siteAddress(site);
  return address.includes(':/') ? `${address}:` : address;
}
