// Versions of the AUP. A published version is never edited: publishing a new
// one makes it Current and retires the one it supersedes, so every signature
// keeps pointing at the exact text (and hash) that was signed. A version with a
// later effective date stays upcoming until that day: which version is in
// force is worked out when read (src/policy/campaign.ts), so no job has to run.
import { toLocal } from '../compose-check/time';
import { campaignOn, isVersionLabel, policyHash, versionLabelProblem, type CampaignState } from '../policy/index';
import type { GraphClient } from './client';
import { odataString } from './client';
import { GraphRequestError, StoreError } from './errors';
import { POLICIES_LIST } from './schema';
import type { Item, SiteLists } from './lists';
import { ITEM_SELECT, expandFields, patchFieldsIfMatch } from './lists';

export type PolicyStatus = 'Draft' | 'Current' | 'Retired';

export interface PolicyFields {
  Title: string;
  VersionLabel: string;
  Status: PolicyStatus;
  EffectiveDate?: string | null;
  PolicyHash: string;
  PolicyText?: string;
  DueDate?: string | null;
  PublishedAt?: string | null;
}

export interface PolicyVersion {
  readonly itemId: string;
  readonly eTag: string;
  readonly version: string;
  readonly title: string;
  readonly status: PolicyStatus;
  /** `YYYY-MM-DD`, or null for a draft without one. */
  readonly effectiveDate: string | null;
  /** `YYYY-MM-DD` staff must sign by, or null when none was set. */
  readonly dueDate: string | null;
  /** SharePoint's time of publication (ISO 8601); null for drafts and versions published before it was recorded. */
  readonly publishedAt: string | null;
  readonly hash: string;
  /** Markdown; absent in summaries. */
  readonly text?: string;
}

export interface PolicyDraft {
  readonly version: string;
  readonly title: string;
  readonly effectiveDate?: string | null;
  readonly dueDate?: string | null;
  readonly text: string;
}

/** Today's date at the school (UK time), `YYYY-MM-DD`: the day versions take effect and fall due. */
export function ukToday(now: Date): string {
  const t = toLocal(now, 'Europe/London');
  return `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

// The hash is src/policy's, the one place it is computed: the Teams tab signs the same value.
export { policyHash };

const SUMMARY = ['Title', 'VersionLabel', 'Status', 'EffectiveDate', 'DueDate', 'PublishedAt', 'PolicyHash'] as const;
const FULL = [...SUMMARY, 'PolicyText'] as const;

function toPolicy(item: Item<Partial<PolicyFields>>): PolicyVersion {
  const f = item.fields ?? {};
  if (!item.id || !f.VersionLabel || !f.Status) {
    throw new GraphRequestError({ status: 0, code: 'unexpectedShape', message: `policy item ${item.id ?? '?'} has no version label or status. Fix it in the AUP Policies list.` });
  }
  if (!isVersionLabel(f.VersionLabel)) {
    throw new GraphRequestError({ status: 0, code: 'unexpectedShape', message: `policy item ${item.id} has an invalid version label: ${versionLabelProblem(f.VersionLabel.slice(0, 40))} Fix it in the AUP Policies list.` });
  }
  return {
    itemId: item.id,
    eTag: item.eTag ?? '',
    version: f.VersionLabel,
    title: f.Title ?? '',
    status: f.Status,
    // SharePoint returns date-only columns as midnight UTC timestamps.
    effectiveDate: f.EffectiveDate ? f.EffectiveDate.slice(0, 10) : null,
    dueDate: f.DueDate ? f.DueDate.slice(0, 10) : null,
    publishedAt: f.PublishedAt ?? null,
    hash: f.PolicyHash ?? '',
    ...(f.PolicyText !== undefined ? { text: f.PolicyText } : {}),
  };
}

function draftFields(draft: PolicyDraft): Omit<PolicyFields, 'Status'> {
  return {
    Title: draft.title,
    VersionLabel: draft.version,
    ...(draft.effectiveDate ? { EffectiveDate: `${draft.effectiveDate}T00:00:00Z` } : {}),
    ...(draft.dueDate ? { DueDate: `${draft.dueDate}T00:00:00Z` } : {}),
    PolicyText: draft.text,
    PolicyHash: policyHash(draft.text),
  };
}

export class PoliciesRepository {
  constructor(private readonly lists: SiteLists) {}

  private get graph(): GraphClient {
    return this.lists.graph;
  }

  /** The version in force on `today` (school date), with its text; null before any is. */
  async current(today: string = ukToday(new Date())): Promise<PolicyVersion | null> {
    return (await this.campaign(today, 'current')).current;
  }

  /**
   * The versions in force and coming on `today`, with the texts asked for
   * (`text`: the current one, or both). The published versions come without
   * text in one request; only the versions shown are fetched whole.
   */
  async campaign(today: string = ukToday(new Date()), text: 'none' | 'current' | 'both' = 'both'): Promise<CampaignState<PolicyVersion>> {
    const state = campaignOn(await this.list(), today);
    const withText = async (v: PolicyVersion | null, wanted: boolean): Promise<PolicyVersion | null> =>
      v && wanted ? (await this.get(v.version)) ?? v : v;
    const [current, upcoming] = await Promise.all([withText(state.current, text !== 'none'), withText(state.upcoming, text === 'both')]);
    return { current, upcoming, earlier: state.earlier };
  }

  /** Every version, newest first, without texts. */
  async list(): Promise<PolicyVersion[]> {
    const path = await this.lists.itemsPath(POLICIES_LIST);
    const items = await this.graph.all<Item<Partial<PolicyFields>>>(path, { query: { $select: ITEM_SELECT, $expand: expandFields(SUMMARY), $top: 999 } });
    return items.map(toPolicy).sort((a, b) => b.version.localeCompare(a.version));
  }

  async get(version: string): Promise<PolicyVersion | null> {
    const found = await this.query(`fields/VersionLabel eq ${odataString(version)}`, FULL);
    return found[0] ?? null;
  }

  async createDraft(draft: PolicyDraft): Promise<PolicyVersion> {
    const path = await this.lists.itemsPath(POLICIES_LIST);
    const created = await this.graph.post<Item<PolicyFields>>(path, { fields: { ...draftFields(draft), Status: 'Draft' } });
    return (await this.get(draft.version)) ?? toPolicy(created);
  }

  /** Changes a draft; `eTag` is from when the editor loaded it, so two admins cannot overwrite each other (412). */
  async updateDraft(version: string, eTag: string, changes: Omit<PolicyDraft, 'version'>): Promise<PolicyVersion> {
    const existing = await this.require(version);
    if (existing.status !== 'Draft') {
      throw new StoreError('notEditable', `Policy ${version} is ${existing.status}: a published version is never edited. Create a new draft version instead.`);
    }
    const fields = draftFields({ ...changes, version });
    await this.patchFields(existing.itemId, eTag, fields);
    return this.require(version);
  }

  /**
   * Publishes a draft: it becomes Current, records SharePoint's time of that
   * change as PublishedAt, then every version it supersedes on `today` becomes
   * Retired. With a later effective date the version in force now stays
   * current until then (the new one is upcoming). In that order, so a failure
   * half-way leaves a Current policy, never none.
   */
  async publish(version: string, options: { effectiveDate?: string; dueDate?: string; today?: string } = {}): Promise<PolicyVersion> {
    const draft = await this.require(version);
    if (draft.status !== 'Draft') {
      throw new StoreError('notEditable', `Policy ${version} is ${draft.status}, not a draft; only a draft can be published.`);
    }
    await this.patchFields(draft.itemId, draft.eTag, {
      Status: 'Current',
      ...(options.effectiveDate ? { EffectiveDate: `${options.effectiveDate}T00:00:00Z` } : {}),
      ...(options.dueDate ? { DueDate: `${options.dueDate}T00:00:00Z` } : {}),
    });
    // The server's clock, not this browser's: signatures are compared with it.
    const stamped = await this.stamp(draft.itemId);
    await this.patchFields(draft.itemId, stamped.eTag, { PublishedAt: stamped.modified });
    const all = await this.list();
    const { earlier } = campaignOn(all, options.today ?? ukToday(new Date()));
    for (const old of earlier) if (old.status === 'Current') await this.patchFields(old.itemId, old.eTag, { Status: 'Retired' });
    return this.require(version);
  }

  /** Seeds a version straight to Current when the site has none (provisioning). */
  async seedCurrent(draft: PolicyDraft): Promise<{ policy: PolicyVersion; created: boolean }> {
    const existing = await this.get(draft.version);
    if (existing) return { policy: existing, created: false };
    await this.createDraft(draft);
    return { policy: await this.publish(draft.version, draft.effectiveDate ? { effectiveDate: draft.effectiveDate } : {}), created: true };
  }

  private async require(version: string): Promise<PolicyVersion> {
    const found = await this.get(version);
    if (!found) throw new StoreError('notFound', `There is no policy version "${version}".`);
    return found;
  }

  /** The item's eTag and SharePoint's lastModifiedDateTime, read back after a change. */
  private async stamp(itemId: string): Promise<{ eTag: string; modified: string }> {
    const item = await this.graph.get<Item<unknown>>(`${await this.lists.itemsPath(POLICIES_LIST)}/${itemId}`, { query: { $select: ITEM_SELECT } });
    if (!item.lastModifiedDateTime) throw new GraphRequestError({ status: 0, code: 'unexpectedShape', message: `policy item ${itemId} came back without lastModifiedDateTime` });
    return { eTag: item.eTag ?? '*', modified: item.lastModifiedDateTime };
  }

  private async patchFields(itemId: string, eTag: string, fields: Partial<PolicyFields>): Promise<void> {
    await patchFieldsIfMatch(this.graph, await this.lists.itemsPath(POLICIES_LIST), itemId, eTag || '*', fields);
  }

  private async query(filter: string, fields: readonly string[]): Promise<PolicyVersion[]> {
    const path = await this.lists.itemsPath(POLICIES_LIST);
    const items = await this.graph.all<Item<Partial<PolicyFields>>>(path, {
      query: { $select: ITEM_SELECT, $expand: expandFields(fields), $filter: filter, $top: 999 },
    });
    return items.map(toPolicy);
  }
}
