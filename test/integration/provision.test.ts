// Provisioning an empty site through the real graph-client and SharePoint REST
// against the emulator: the first run sets everything up, the second changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnDefinition, List } from '@microsoft/microsoft-graph-types';
import { provision } from '../../src/graph/index';
import type { ProvisionReport } from '../../src/graph/index';
import { LISTS, ACKNOWLEDGEMENTS_LIST, POLICIES_LIST } from '../../src/graph/schema';
import { policyHash } from '../../src/policy/index';
import { devUsers, firstWithRole, policySeed, signIn, startEmulator, storeFor } from './support';
import type { Emulator, Session } from './support';

let emulator: Emulator;
let admin: Session;
let first: ProvisionReport;
let second: ProvisionReport;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataFile: ':memory:', seed: 'empty' });
  admin = await signIn(emulator, firstWithRole(await devUsers(emulator), 'admin'));
  const policy = await policySeed();
  first = await provision({ graph: admin.graph, spRest: admin.spRest, siteId: 'root', policy });
  second = await provision({ graph: admin.graph, spRest: admin.spRest, siteId: 'root', policy });
});

afterAll(async () => {
  await emulator?.close();
});

describe('provision', () => {
  it('creates every list on an empty site', async () => {
    expect(first.changed).toBe(true);
    const lists = await admin.graph.all<List>(`/sites/${first.siteId}/lists`, { query: { $select: 'id,displayName' } });
    for (const def of LISTS) expect(lists.map((l) => l.displayName)).toContain(def.displayName);
    expect(Object.keys(first.lists).sort()).toEqual(LISTS.map((l) => l.displayName).sort());
  });

  it('creates every column and indexes the ones the store filters on', async () => {
    for (const def of LISTS) {
      const columns = await admin.graph.all<ColumnDefinition>(`/sites/${first.siteId}/lists/${first.lists[def.displayName]}/columns`);
      for (const wanted of def.columns) {
        const found = columns.find((c) => c.name === wanted.name);
        expect(found, `${def.displayName}.${wanted.name}`).toBeDefined();
        if ((wanted as ColumnDefinition).indexed) expect(found?.indexed, `${def.displayName}.${wanted.name} indexed`).toBe(true);
      }
    }
  });

  it('turns on versioning and item-level security on AUP Acknowledgements', async () => {
    const acks = await admin.spRest.getList(first.webUrl, first.lists[ACKNOWLEDGEMENTS_LIST.displayName]!);
    expect(acks).toEqual({ EnableVersioning: true, ReadSecurity: 2, WriteSecurity: 2 });
    const policies = await admin.spRest.getList(first.webUrl, first.lists[POLICIES_LIST.displayName]!);
    expect(policies.EnableVersioning).toBe(true);
    expect(policies.ReadSecurity).toBe(1);
  });

  it('seeds the April 2020 policy as the current version, with the hash of its text', async () => {
    const current = await storeFor(admin, first.siteId).policies.current();
    const seed = await policySeed();
    expect(current).toMatchObject({ version: '2020-04', status: 'Current', effectiveDate: '2020-04-01', hash: policyHash(seed.text) });
    expect(current?.text).toBe(seed.text);
    expect(first.changes.some((c) => c.includes('Seeded policy 2020-04'))).toBe(true);
  });

  it('changes nothing when run again, and says so', () => {
    expect(second.changed).toBe(false);
    expect(second.changes).toEqual([]);
    expect(second.lists).toEqual(first.lists);
  });

  it('puts back an index and item-level security that were removed, and only those', async () => {
    const listId = first.lists[ACKNOWLEDGEMENTS_LIST.displayName]!;
    const columnsPath = `/sites/${first.siteId}/lists/${listId}/columns`;
    const policyVersion = (await admin.graph.all<ColumnDefinition>(columnsPath)).find((c) => c.name === 'PolicyVersion')!;
    await admin.graph.patch(`${columnsPath}/${policyVersion.id}`, { indexed: false });
    await admin.spRest.updateList(first.webUrl, listId, { ReadSecurity: 1 });
    const again = await provision({ graph: admin.graph, spRest: admin.spRest, siteId: 'root', policy: await policySeed() });
    expect(again.changes).toEqual([
      'Indexed column "PolicyVersion" in "AUP Acknowledgements"',
      'Set item-level security on "AUP Acknowledgements" (read 2, write 2: staff see and edit only their own items)',
    ]);
    expect((await admin.graph.all<ColumnDefinition>(columnsPath)).find((c) => c.name === 'PolicyVersion')?.indexed).toBe(true);
  });
});
