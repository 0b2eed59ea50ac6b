import { describe, expect, it } from 'vitest';
import { createGraphClient } from '../client';
import type { FetchLike } from '../client';
import { siteLists } from '../lists';
import { PoliciesRepository } from '../policies';
import { POLICIES_LIST } from '../schema';

const json = (body: unknown): Response => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

/** A site whose AUP Policies list holds exactly `items`, answering every query with them. */
function policiesHolding(items: readonly Record<string, unknown>[]): PoliciesRepository {
  const fetchImpl: FetchLike = async (input) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return url.pathname.endsWith('/lists') ? json({ value: [{ id: 'L1', displayName: POLICIES_LIST.displayName }] }) : json({ value: items });
  };
  const graph = createGraphClient({ baseUrl: 'http://127.0.0.1:1', getToken: async () => 't', fetch: fetchImpl, retry: { maxRetries: 0, delaySeconds: 0 } });
  return new PoliciesRepository(siteLists(graph, 'site'));
}

const item = (id: string, label: string): Record<string, unknown> =>
  ({ id, eTag: `"e${id},1"`, fields: { Title: 'AUP', VersionLabel: label, Status: 'Current', EffectiveDate: '2026-01-01T00:00:00Z', PolicyHash: 'h', PolicyText: 'text' } });

describe('PoliciesRepository reading version labels', () => {
  it('reads a well-formed label', async () => {
    expect((await policiesHolding([item('1', '2026-01')]).current())?.version).toBe('2026-01');
  });

  // The label goes into reminder mail sent from a manager's mailbox: one written
  // straight into SharePoint (Graph Explorer, the list's own form) is refused on read too.
  it.each(['<a href="https://evil.example">sign here</a>', '2026-01 urgent: re-enter your password at evil.example', ''])('refuses %j, naming the item and where to fix it', async (label) => {
    await expect(policiesHolding([item('7', label)]).current()).rejects.toMatchObject({ code: 'unexpectedShape', message: expect.stringMatching(/policy item 7 .*AUP Policies/) });
  });
});
