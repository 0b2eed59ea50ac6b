// Turns the development add-in manifest (manifest/outlook-addin.xml, which
// points at the dev server on https://localhost:5173) into the school's
// production manifest: its own origin, a stable add-in id, its Entra app, and
// the version from package.json.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The origin the development manifest uses (vite's dev server). */
export const DEV_ORIGIN = 'https://localhost:5173';
const DEV_HOST = new URL(DEV_ORIGIN).host;

export interface OutlookManifestValues {
  readonly baseUrl: string;
  readonly addinId: string;
  readonly clientId: string;
  /** package.json's semver; Office wants four numeric parts. */
  readonly version: string;
}

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', removeNSPrefix: true, parseTagValue: false });

const text = (node: unknown): string | undefined =>
  typeof node === 'string' ? node.trim() : node !== null && typeof node === 'object' && typeof (node as XmlNode)['#text'] === 'string' ? ((node as XmlNode)['#text'] as string).trim() : undefined;

/** Throws with the parser's line and message when the XML is not well formed. */
export function assertWellFormed(xml: string, what: string): void {
  const result = XMLValidator.validate(xml);
  if (result !== true) throw new Error(`${what} is not well-formed XML: line ${result.err.line}: ${result.err.msg}`);
}

/** Every element or attribute with this local name, anywhere in the document, as parsed nodes. */
function findNodes(tree: unknown, name: string): unknown[] {
  const found: unknown[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as XmlNode)) {
      if (key === name || key === `@_${name}`) found.push(...(Array.isArray(value) ? value : [value]));
      visit(value);
    }
  };
  visit(tree);
  return found;
}

/** The text of every element or attribute with this local name (e.g. `FunctionName`, `DefaultValue`). */
export function findAll(xml: string, name: string): string[] {
  return findNodes(parser.parse(xml), name)
    .map(text)
    .filter((v): v is string => v !== undefined);
}

/** The top-level <OfficeApp> element. */
function officeApp(xml: string): XmlNode {
  const app = (parser.parse(xml) as XmlNode)['OfficeApp'];
  if (app === null || typeof app !== 'object') throw new Error('the add-in manifest has no <OfficeApp> root');
  return app as XmlNode;
}

/** Office add-in versions are n.n.n.n: 0.3.1 becomes 0.3.1.0 (pre-release tags dropped). */
export function officeVersion(semver: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(semver);
  if (!m) throw new Error(`package.json version "${semver}" is not semver`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The production manifest text. Edits the text (not a re-serialised tree) so comments and layout survive. */
export function renderOutlookManifest(devXml: string, values: OutlookManifestValues): string {
  assertWellFormed(devXml, 'manifest/outlook-addin.xml');
  const app = officeApp(devXml);
  const devId = text(app['Id']);
  if (!devId) throw new Error('manifest/outlook-addin.xml has no <Id>');
  // The dev manifest's own Entra client id (if it uses WebApplicationInfo) becomes the school's.
  const devClientIds = findNodes(app, 'WebApplicationInfo')
    .map((info) => (info !== null && typeof info === 'object' ? text((info as XmlNode)['Id']) : undefined))
    .filter((id): id is string => id !== undefined && id !== '');
  const host = new URL(values.baseUrl).host;

  let xml = devXml
    .replaceAll(DEV_ORIGIN, values.baseUrl)
    // api://localhost:5173/<client id> in WebApplicationInfo, and any bare host.
    .replaceAll(DEV_HOST, host)
    .replace(new RegExp(`<Id>\\s*${escapeRegExp(devId)}\\s*</Id>`), `<Id>${values.addinId}</Id>`)
    .replace(/<Version>\s*[^<]*<\/Version>/, `<Version>${officeVersion(values.version)}</Version>`);
  for (const devClientId of devClientIds) xml = xml.replaceAll(devClientId, values.clientId);

  assertWellFormed(xml, 'the production add-in manifest');
  const out = officeApp(xml);
  if (text(out['Id']) !== values.addinId) throw new Error('could not set the add-in <Id>');
  if (/localhost|127\.0\.0\.1/i.test(xml)) throw new Error('the production add-in manifest still mentions localhost');
  return xml;
}

/** Every http(s) URL in the manifest, wherever it appears (attributes, SourceLocation, bt:Url, AppDomain...). */
export function manifestUrls(xml: string): string[] {
  return [...new Set(xml.match(/https?:\/\/[^"'<>\s]+/g) ?? [])].map((u) => u.replace(/&amp;/g, '&'));
}
