import { describe, expect, it } from 'vitest';
import { assertWellFormed, findAll, manifestUrls, officeVersion, renderOutlookManifest } from '../outlook-manifest';

/** A small dev manifest in the shape of manifest/outlook-addin.xml. */
const devXml = `<?xml version="1.0" encoding="UTF-8"?>
<!-- kept comment -->
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0" xsi:type="MailApp">
  <Id>6f1d3a52-3c1e-4d0a-9b8e-5a2f0c7e4b11</Id>
  <Version>1.0.0.0</Version>
  <IconUrl DefaultValue="https://localhost:5173/outlook/assets/icon-64.png"/>
  <AppDomains><AppDomain>https://localhost:5173</AppDomain></AppDomains>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides" xsi:type="VersionOverridesV1_0">
    <LaunchEvent Type="OnMessageSend" FunctionName="onMessageSendHandler" SendMode="SoftBlock"/>
    <bt:Url id="JSRuntime.Url" DefaultValue="https://localhost:5173/outlook/launchevent.js"/>
    <WebApplicationInfo>
      <Id>00000000-1111-4222-8333-444444444444</Id>
      <Resource>api://localhost:5173/00000000-1111-4222-8333-444444444444</Resource>
    </WebApplicationInfo>
  </VersionOverrides>
</OfficeApp>
`;

const values = {
  baseUrl: 'https://aup.school.example',
  addinId: 'aaaaaaaa-bbbb-5ccc-8ddd-eeeeeeeeeeee',
  clientId: '3f2b8c1e-7a4d-4e2f-9b6a-1c5d8e7f0a21',
  version: '0.3.1',
};

describe('renderOutlookManifest', () => {
  const xml = renderOutlookManifest(devXml, values);

  it('moves every URL from the dev server to the school origin', () => {
    expect(xml).not.toMatch(/localhost/);
    expect(manifestUrls(xml).filter((u) => u.startsWith('https://aup.'))).toEqual([
      'https://aup.school.example/outlook/assets/icon-64.png',
      'https://aup.school.example',
      'https://aup.school.example/outlook/launchevent.js',
    ]);
  });

  it('sets the add-in id, the Entra app and the version from package.json', () => {
    expect(findAll(xml, 'Id')).toEqual([values.addinId, values.clientId]);
    expect(findAll(xml, 'Resource')).toEqual([`api://aup.school.example/${values.clientId}`]);
    expect(findAll(xml, 'Version')).toEqual(['0.3.1.0']);
  });

  it('keeps comments, function names and layout', () => {
    expect(xml).toContain('<!-- kept comment -->');
    expect(findAll(xml, 'FunctionName')).toEqual(['onMessageSendHandler']);
    expect(xml.split('\n')).toHaveLength(devXml.split('\n').length);
  });

  it('refuses a manifest that is not well formed, naming the line', () => {
    expect(() => renderOutlookManifest(devXml.replace('</Version>', '</Versoin>'), values)).toThrow(/not well-formed XML: line 5/);
  });

  it('refuses a manifest without an add-in id', () => {
    expect(() => renderOutlookManifest(devXml.replace(/<Id>6f1d[^<]*<\/Id>/, ''), values)).toThrow(/no <Id>/);
  });
});

describe('officeVersion', () => {
  it.each([
    ['0.1.0', '0.1.0.0'],
    ['12.3.45', '12.3.45.0'],
    ['1.2.3-beta.1', '1.2.3.0'],
  ])('turns %s into %s', (semver, expected) => expect(officeVersion(semver)).toBe(expected));

  it('refuses a version that is not semver', () => expect(() => officeVersion('v1')).toThrow(/not semver/));
});

describe('assertWellFormed', () => {
  it('passes good XML and rejects an unclosed element', () => {
    expect(() => assertWellFormed('<a><b/></a>', 'x')).not.toThrow();
    expect(() => assertWellFormed('<a><b></a>', 'x')).toThrow(/x is not well-formed/);
  });
});
