import { describe, expect, it, vi } from 'vitest';
import type { PolicyDraft, PolicyVersion } from '../../../graph/policies';
import { StoreError } from '../../../graph/errors';
import { importContacts, publishVersion, setupGroups, validateDraft, type DraftInput } from '../actions';
import { resolveConfig } from '../../../ui/config';

const version = (v: string, status: PolicyVersion['status'], text?: string): PolicyVersion => ({
  itemId: v, eTag: `"${v},1"`, version: v, title: 'AUP', status, effectiveDate: null, dueDate: null, publishedAt: null, hash: 'h', ...(text !== undefined ? { text } : {}),
});
const input = (changes: Partial<DraftInput> = {}): DraftInput => ({ version: '2025-09', title: 'AUP', effectiveDate: '', dueDate: '2025-09-30', text: '# New text', ...changes });
const TODAY = '2025-09-01';

describe('validateDraft', () => {
  const current = version('2020-04', 'Current', '# Old text');
  const versions = [current, version('2019-01', 'Retired')];

  it('accepts a new label with new text', () => {
    expect(validateDraft(input(), versions, current, TODAY)).toEqual({});
  });

  it('refuses a label that is already published, current or retired', () => {
    expect(validateDraft(input({ version: '2020-04' }), versions, current, TODAY).version).toContain('already published');
    expect(validateDraft(input({ version: '2019-01' }), versions, current, TODAY).version).toContain('already published');
  });

  it('allows reusing the label of an unpublished draft', () => {
    expect(validateDraft(input({ version: '2025-09' }), [...versions, version('2025-09', 'Draft')], current, TODAY)).toEqual({});
  });

  it('refuses text identical to the current version', () => {
    expect(validateDraft(input({ text: '# Old text\n' }), versions, current, TODAY).text).toContain('same as the current version 2020-04');
  });

  it('names every missing or malformed field', () => {
    expect(Object.keys(validateDraft({ version: 'a b', title: ' ', effectiveDate: '2025-13-01', dueDate: '', text: '' }, versions, current, TODAY)).sort())
      .toEqual(['dueDate', 'effectiveDate', 'text', 'title', 'version']);
  });

  it('needs a date to sign by that has not passed and is not before the version comes into force', () => {
    expect(validateDraft(input({ dueDate: '' }), versions, current, TODAY).dueDate).toBe('Give the date staff must sign by.');
    expect(validateDraft(input({ dueDate: '2025-08-31' }), versions, current, TODAY).dueDate).toBe('The date to sign by has already passed.');
    expect(validateDraft(input({ effectiveDate: '2025-10-01', dueDate: '2025-09-30' }), versions, current, TODAY).dueDate).toContain('before the version comes into force');
    expect(validateDraft(input({ dueDate: '2025-02-30' }), versions, current, TODAY).dueDate).toContain('is not a date');
    expect(validateDraft(input({ effectiveDate: '2025-10-01', dueDate: '2025-10-15' }), versions, current, TODAY)).toEqual({});
  });
});

function fakePolicies(existing: PolicyVersion | null) {
  return {
    get: vi.fn(async () => existing),
    createDraft: vi.fn(async (d: PolicyDraft) => version(d.version, 'Draft')),
    updateDraft: vi.fn(async (v: string) => version(v, 'Draft')),
    publish: vi.fn(async (v: string) => version(v, 'Current')),
  };
}

describe('publishVersion', () => {
  it('creates a draft and publishes it', async () => {
    const policies = fakePolicies(null);
    const published = await publishVersion(policies, input({ effectiveDate: '2025-09-01' }));
    expect(policies.createDraft).toHaveBeenCalledWith({ version: '2025-09', title: 'AUP', effectiveDate: '2025-09-01', dueDate: '2025-09-30', text: '# New text' });
    expect(policies.publish).toHaveBeenCalledWith('2025-09', { effectiveDate: '2025-09-01', dueDate: '2025-09-30' });
    expect(published.status).toBe('Current');
  });

  it('finishes a draft left by an earlier failed attempt, with its eTag', async () => {
    const policies = fakePolicies(version('2025-09', 'Draft'));
    await publishVersion(policies, input());
    expect(policies.createDraft).not.toHaveBeenCalled();
    expect(policies.updateDraft).toHaveBeenCalledWith('2025-09', '"2025-09,1"', { title: 'AUP', effectiveDate: null, dueDate: '2025-09-30', text: '# New text' });
    expect(policies.publish).toHaveBeenCalledWith('2025-09', { dueDate: '2025-09-30' });
  });

  it('never touches a published version', async () => {
    const policies = fakePolicies(version('2025-09', 'Retired'));
    await expect(publishVersion(policies, input())).rejects.toBeInstanceOf(StoreError);
    expect(policies.updateDraft).not.toHaveBeenCalled();
    expect(policies.publish).not.toHaveBeenCalled();
  });
});

describe('importContacts', () => {
  const repo = () => ({ import: vi.fn(async () => ({ created: 1, updated: 0, unchanged: 0, removed: 0 })) });

  it('imports nothing when any row is bad', async () => {
    const contacts = repo();
    const outcome = await importContacts(contacts, 'Email,Role\nok@example.com,Parent\nbad,Parent\n');
    expect(outcome.kind).toBe('refused');
    expect(outcome.parsed.errors.map((e) => e.row)).toEqual([3]);
    expect(contacts.import).not.toHaveBeenCalled();
  });

  it('imports nothing from a file with no contacts', async () => {
    const contacts = repo();
    expect((await importContacts(contacts, 'Email,Role\n')).kind).toBe('refused');
    expect(contacts.import).not.toHaveBeenCalled();
  });

  it('passes the store plain contacts, without row numbers or keys', async () => {
    const contacts = repo();
    const outcome = await importContacts(contacts, 'Email,Role,Pupil\nMum@Example.com,Mother,Amy\n');
    expect(outcome.kind).toBe('imported');
    expect(contacts.import).toHaveBeenCalledWith([{ email: 'mum@example.com', role: 'Parent', pupilName: 'Amy' }]);
  });
});

describe('setupGroups', () => {
  const production = (env: Record<string, string>) => resolveConfig({ MODE: 'production', ...env }, '');
  it("takes the groups from the build's config, the admins group optional", () => {
    expect(setupGroups(production({ VITE_ALL_STAFF_GROUP_ID: 'a', VITE_MANAGERS_GROUP_ID: 'm' }))).toEqual({ allStaffGroupId: 'a', managersGroupId: 'm', adminsGroupId: null });
    expect(setupGroups(production({ VITE_ALL_STAFF_GROUP_ID: 'a', VITE_MANAGERS_GROUP_ID: 'm', VITE_ADMINS_GROUP_ID: 'x' })).adminsGroupId).toBe('x');
  });
  it('names the setting a build lacks, since setup cannot grant permissions without it', () => {
    expect(() => setupGroups(production({ VITE_MANAGERS_GROUP_ID: 'm' }))).toThrow(/VITE_ALL_STAFF_GROUP_ID/);
    expect(() => setupGroups(production({}))).toThrow(/VITE_ALL_STAFF_GROUP_ID .* or VITE_MANAGERS_GROUP_ID/);
  });
});
