// The compose-check settings document, kept as JSON in one item of AUP Settings.
// Validated with the engine's own schema on the way in and out, so a hand edit
// in SharePoint cannot feed the Outlook checks something they do not understand.
import { parseSettings } from '../compose-check/settings';
import type { Settings, SettingsInput } from '../compose-check/settings';
import type { GraphClient } from './client';
import { odataString } from './client';
import { GraphRequestError, StoreError } from './errors';
import { SETTINGS_LIST } from './schema';
import type { Item, SiteLists } from './lists';
import { ITEM_SELECT, expandFields, itemHolds, patchFieldsIfMatch } from './lists';

export const COMPOSE_CHECK_SETTINGS_KEY = 'compose-check';

interface SettingsFields {
  Title?: string;
  SettingsKey: string;
  SettingsJson: string;
}

export interface StoredSettings {
  readonly settings: Settings;
  /** Give this back to `write` so a concurrent edit is refused (412) rather than lost. */
  readonly eTag: string;
  readonly itemId: string;
  readonly lastModified: string | null;
}

function validate(input: unknown, where: string): Settings {
  const result = parseSettings(input);
  if (!result.ok) throw new StoreError('invalidSettings', `${where}: the settings are not valid`, result.errors);
  return result.settings;
}

export class SettingsRepository {
  constructor(private readonly lists: SiteLists, private readonly key = COMPOSE_CHECK_SETTINGS_KEY) {}

  private get graph(): GraphClient {
    return this.lists.graph;
  }

  /** The stored settings, or null when none were ever saved (the engine then uses its defaults). */
  async read(): Promise<StoredSettings | null> {
    const item = await this.find();
    if (!item?.id) return null;
    let json: unknown;
    try {
      json = JSON.parse(item.fields?.SettingsJson ?? '');
    } catch {
      throw new StoreError('invalidSettings', `The "${this.key}" item in ${SETTINGS_LIST.displayName} does not hold JSON`);
    }
    return {
      settings: validate(json, `The "${this.key}" item in ${SETTINGS_LIST.displayName}`),
      eTag: item.eTag ?? '',
      itemId: item.id,
      lastModified: item.lastModifiedDateTime ?? null,
    };
  }

  /**
   * Validates and saves. `eTag` is the one `read` returned (null when there was
   * nothing to read); a mismatch surfaces as GraphRequestError 412.
   */
  async write(input: SettingsInput, eTag: string | null): Promise<StoredSettings> {
    const settings = validate(input, 'Not saved');
    const path = await this.lists.itemsPath(SETTINGS_LIST);
    const fields: SettingsFields = { Title: this.key, SettingsKey: this.key, SettingsJson: JSON.stringify(settings, null, 2) };
    const existing = await this.find();
    if (existing?.id) {
      if (eTag === null) {
        // Read saw nothing, yet an item exists now: someone else saved first. Same answer as a stale eTag.
        throw new GraphRequestError({ status: 412, code: 'preconditionFailed', message: 'the settings were saved by someone else since they were read; reload them' });
      }
      await patchFieldsIfMatch(this.graph, path, existing.id, eTag, fields);
    } else {
      try {
        await this.graph.post(path, { fields });
      } catch (error) {
        // The unique SettingsKey turns a racing second create into a 409; so does our own retry after a lost answer, which is success.
        const mine = error instanceof GraphRequestError && error.status === 409 ? await this.find() : undefined;
        if (!mine?.id || !(await itemHolds(this.graph, path, mine.id, fields))) throw error;
      }
    }
    const saved = await this.read();
    if (!saved) throw new StoreError('notFound', `The settings were saved but cannot be read back from ${SETTINGS_LIST.displayName}`);
    return saved;
  }

  private async find(): Promise<Item<Partial<SettingsFields>> | undefined> {
    const path = await this.lists.itemsPath(SETTINGS_LIST);
    const items = await this.graph.all<Item<Partial<SettingsFields>>>(path, {
      query: { $select: ITEM_SELECT, $expand: expandFields(['SettingsKey', 'SettingsJson']), $filter: `fields/SettingsKey eq ${odataString(this.key)}`, $top: 1 },
    });
    return items[0];
  }
}
