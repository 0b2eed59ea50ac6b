// Sets a school's site up for AUP Guard, and is safe to run again: every step
// reads first and changes only what differs from src/graph/schema.ts, so a
// second run reports nothing to do. Used by `npm run provision` and by the
// admin's first-run setup in the Teams app.
import type { ColumnDefinition, List, Site } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from './client';
import { LISTS } from './schema';
import type { ListDefinition } from './schema';
import { siteLists } from './lists';
import { PoliciesRepository } from './policies';
import type { PolicyDraft } from './policies';
import type { SpRest } from './sp-rest';

export interface ProvisionOptions {
  readonly graph: GraphClient;
  /** Graph site id (`host,siteCollectionId,webId`) or `root`. */
  readonly siteId: string;
  readonly spRest: SpRest;
  /** The version to seed as Current when the site has none (the April 2020 policy). */
  readonly policy?: PolicyDraft;
  /** Progress lines as each change is made. */
  readonly log?: (line: string) => void;
}

export interface ProvisionReport {
  readonly siteId: string;
  readonly webUrl: string;
  /** One line per change made, in order; empty when the site was already set up. */
  readonly changes: readonly string[];
  readonly changed: boolean;
  /** Display name to list id, for every list AUP Guard uses. */
  readonly lists: Readonly<Record<string, string>>;
  /** Things left alone on purpose (a newer current policy, say). */
  readonly notes: readonly string[];
}

interface ExistingColumn {
  id?: string;
  name?: string;
  indexed?: boolean;
}

export async function provision(options: ProvisionOptions): Promise<ProvisionReport> {
  const { graph, spRest } = options;
  const changes: string[] = [];
  const notes: string[] = [];
  const change = (line: string): void => {
    changes.push(line);
    options.log?.(line);
  };

  const site = await graph.get<Site>(`/sites/${options.siteId}`, { query: { $select: 'id,webUrl,displayName' } });
  if (!site.id || !site.webUrl) throw new Error(`Graph returned site ${options.siteId} without an id or webUrl`);
  const siteId = site.id;

  const existingLists = await graph.all<List>(`/sites/${siteId}/lists`, { query: { $select: 'id,displayName' } });
  const listIds: Record<string, string> = {};

  for (const def of LISTS as readonly ListDefinition[]) {
    let listId = existingLists.find((l) => l.displayName === def.displayName)?.id ?? undefined;
    if (!listId) {
      const created = await graph.post<List>(`/sites/${siteId}/lists`, {
        displayName: def.displayName,
        description: def.description,
        columns: def.columns,
        list: { template: 'genericList' },
      });
      if (!created.id) throw new Error(`Graph created "${def.displayName}" but returned no id`);
      listId = created.id;
      change(`Created list "${def.displayName}" with ${def.columns.length} columns`);
    }
    listIds[def.displayName] = listId;
    await ensureColumns(graph, siteId, listId, def, change);
    await ensureListSettings(spRest, site.webUrl, listId, def, change);
  }

  if (options.policy) {
    const lists = siteLists(graph, siteId);
    const policies = new PoliciesRepository(lists);
    const seed = options.policy;
    const [current, same] = await Promise.all([policies.current(), policies.get(seed.version)]);
    if (same) {
      // Already there (Current, Retired or a draft): never touched again.
    } else if (current) {
      notes.push(`Policy ${seed.version} was not seeded: the site's current policy is ${current.version}.`);
    } else {
      await policies.seedCurrent(seed);
      change(`Seeded policy ${seed.version} ("${seed.title}") as the current version`);
    }
  }

  return { siteId, webUrl: site.webUrl, changes, changed: changes.length > 0, lists: listIds, notes };
}

async function ensureColumns(graph: GraphClient, siteId: string, listId: string, def: ListDefinition, change: (line: string) => void): Promise<void> {
  const path = `/sites/${siteId}/lists/${listId}/columns`;
  const existing = await graph.all<ExistingColumn>(path, { query: { $select: 'id,name,indexed' } });
  const byName = new Map(existing.flatMap((c) => (c.name ? [[c.name, c] as const] : [])));
  for (const column of def.columns) {
    const name = column.name;
    const found = byName.get(name);
    if (!found) {
      await graph.post<ColumnDefinition>(path, column);
      change(`Added column "${name}" to "${def.displayName}"`);
    } else if (column.indexed && !found.indexed) {
      // Queried columns must be indexed: SharePoint refuses filters on others past 5,000 items.
      await graph.patch(`${path}/${found.id}`, { indexed: true });
      change(`Indexed column "${name}" in "${def.displayName}"`);
    }
  }
}

async function ensureListSettings(spRest: SpRest, webUrl: string, listId: string, def: ListDefinition, change: (line: string) => void): Promise<void> {
  const current = await spRest.getList(webUrl, listId);
  const wanted: { EnableVersioning?: boolean; ReadSecurity?: number; WriteSecurity?: number } = {};
  if (!current.EnableVersioning) wanted.EnableVersioning = true;
  const security = def.itemLevelSecurity;
  if (security && current.ReadSecurity !== security.readSecurity) wanted.ReadSecurity = security.readSecurity;
  if (security && current.WriteSecurity !== security.writeSecurity) wanted.WriteSecurity = security.writeSecurity;
  if (Object.keys(wanted).length === 0) return;
  await spRest.updateList(webUrl, listId, wanted);
  if (wanted.EnableVersioning) change(`Turned on versioning for "${def.displayName}"`);
  if (security && (wanted.ReadSecurity !== undefined || wanted.WriteSecurity !== undefined)) {
    change(`Set item-level security on "${def.displayName}" (read ${security.readSecurity}, write ${security.writeSecurity}: staff see and edit only their own items)`);
  }
}
