// Versions of the AUP. A published version is never edited: publishing a new
// one makes it Current and retires the previous, so every signature keeps
// pointing at the exact text (and hash) that was signed.
import { isVersionLabel, policyHash, versionLabelProblem } from '../policy/index';
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
}

export interface PolicyVersion {
  readonly itemId: string;
  readonly eTag: string;
  readonly version: string;
  readonly title: string;
  readonly status: PolicyStatus;
  /** `YYYY-MM-DD`, or null for a draft without one. */
  readonly effectiveDate: string | null;
  readonly hash: string;
  /** Markdown; absent in summaries. */
  readonly text?: string;
}

export interface PolicyDraft {
  readonly version: string;
  readonly title: string;
  readonly effectiveDate?: string | null;
  readonly text: string;
}

// The hash is src/policy's, the one place it is computed: the Teams tab signs the same value.
export { policyHash };

const SUMMARY = ['Title', 'VersionLabel', 'Status', 'EffectiveDate', 'PolicyHash'] as const;
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
    hash: f.PolicyHash ?? '',
    ...(f.PolicyText !== undefined ? { text: f.PolicyText } : {}),
  };
}

function draftFields(draft: PolicyDraft): Omit<PolicyFields, 'Status'> {
  return {
    Title: draft.title,
    VersionLabel: draft.version,
    ...(draft.effectiveDate ? { EffectiveDate: `${draft.effectiveDate}T00:00:00Z` } : {}),
    PolicyText: draft.text,
    PolicyHash: policyHash(draft.text),
  };
}

export class PoliciesRepository {
  constructor(private readonly lists: SiteLists) {}

  private get graph(): GraphClient {
    return this.lists.graph;
  }

  /** The version staff must sign now, with its text; null before any is published. */
  async current(): Promise<PolicyVersion | null> {
    const found = await this.query(`fields/Status eq 'Current'`, FULL);
    // Publishing sets the new Current before retiring the old, so for a moment two may show: the newest wins.
    found.sort((a, b) => (b.effectiveDate ?? '').localeCompare(a.effectiveDate ?? '') || Number(b.itemId) - Number(a.itemId));
    return found[0] ?? null;
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
   * Publishes a draft: it becomes Current, then every other Current becomes
   * Retired. In that order, so a failure half-way leaves a Current policy, never none.
   */
  async publish(version: string, effectiveDate?: string): Promise<PolicyVersion> {
    const draft = await this.require(version);
    if (draft.status !== 'Draft') {
      throw new StoreError('notEditable', `Policy ${version} is ${draft.status}, not a draft; only a draft can be published.`);
    }
    const previous = (await this.query(`fields/Status eq 'Current'`, SUMMARY)).filter((p) => p.itemId !== draft.itemId);
    await this.patchFields(draft.itemId, draft.eTag, {
      Status: 'Current',
      ...(effectiveDate ? { EffectiveDate: `${effectiveDate}T00:00:00Z` } : {}),
    });
    for (const old of previous) await this.patchFields(old.itemId, old.eTag, { Status: 'Retired' });
    return this.require(version);
  }

  /** Seeds a version straight to Current when the site has none (provisioning). */
  async seedCurrent(draft: PolicyDraft): Promise<{ policy: PolicyVersion; created: boolean }> {
    const existing = await this.get(draft.version);
    if (existing) return { policy: existing, created: false };
    await this.createDraft(draft);
    return { policy: await this.publish(draft.version, draft.effectiveDate ?? undefined), created: true };
  }

  private async require(version: string): Promise<PolicyVersion> {
    const found = await this.get(version);
    if (!found) throw new StoreError('notFound', `There is no policy version "${version}".`);
    return found;
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
