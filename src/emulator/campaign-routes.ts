// Graph routes a signing campaign needs (issue 14), kept apart from
// graph-routes.ts: bulk activity notifications and the organisation's Teams
// app catalog. Each names its delegated scope; neither touches SharePoint, so
// no site permission applies.
import type { GraphContext } from './graph-routes';
import { GraphHttpError, bodyObject, json, noContent, type EmuReply, type EmuRequest, type Principal } from './http';
import { evaluate, parseFilter } from './odata/filter';
import { option } from './odata/query';
import { DEMO_TEAMS_APP_CATALOG_ID, DEMO_TEAMS_APP_MANIFEST_ID } from './seed/ids';
import { needs, type ScopeRequirement } from './scopes';

export interface ExtraRoute {
  readonly method: string;
  /** Below /v1.0, `:name` for a parameter. */
  readonly path: string;
  /** The least-privileged delegated scopes, from the call's page in the Graph v1.0 reference. */
  readonly scopes: ScopeRequirement;
  /** Which service answers, for the shape of its 403. */
  readonly workload: 'teamwork';
  readonly handler: (req: EmuRequest, principal: Principal, params: Readonly<Record<string, string>>) => EmuReply;
}

/** Graph's limit on recipients per sendActivityNotificationToRecipients request. */
export const BULK_RECIPIENT_LIMIT = 100;

/** The organisation's app catalog: the demo's AUP Guard, uploaded by the school (so its id is not its manifest id). */
const CATALOG = [
  { id: DEMO_TEAMS_APP_CATALOG_ID, externalId: DEMO_TEAMS_APP_MANIFEST_ID, displayName: 'AUP Guard', distributionMethod: 'organization' },
] as const;

export function campaignRoutes(ctx: GraphContext): ExtraRoute[] {
  return [
    { method: 'POST', path: 'teamwork/sendActivityNotificationToRecipients', scopes: needs('TeamsActivity.Send'), workload: 'teamwork', handler: (req, principal) => sendToRecipients(ctx, req, principal) },
    { method: 'GET', path: 'appCatalogs/teamsApps', scopes: needs('AppCatalog.Read.All'), workload: 'teamwork', handler: (req) => listCatalog(req) },
  ];
}

/**
 * 202 for a valid batch, as Graph answers; delivery happens later, and a
 * recipient without the app gets nothing (nothing is recorded for them): Graph
 * does not report who that was.
 */
function sendToRecipients(ctx: GraphContext, req: EmuRequest, principal: Principal): EmuReply {
  const body = bodyObject(req);
  if (typeof body.activityType !== 'string' || !body.topic) throw new GraphHttpError(400, 'BadRequest', 'activityType and topic are required.');
  const recipients = body.recipients;
  if (!Array.isArray(recipients) || recipients.length === 0) throw new GraphHttpError(400, 'BadRequest', 'recipients must be a non-empty collection.');
  if (recipients.length > BULK_RECIPIENT_LIMIT) {
    throw new GraphHttpError(400, 'BadRequest', `There is an upper limit of ${BULK_RECIPIENT_LIMIT} recipients in a single request; this one has ${recipients.length}.`);
  }
  const users = recipients.map((r: unknown) => {
    const { '@odata.type': type, userId } = (r ?? {}) as { '@odata.type'?: unknown; userId?: unknown };
    if (typeof userId !== 'string' || !/aadUserNotificationRecipient$/.test(String(type))) {
      throw new GraphHttpError(400, 'BadRequest', 'Only recipients of type microsoft.graph.aadUserNotificationRecipient with a userId are supported.');
    }
    const user = ctx.directory.user(userId);
    if (!user) throw new GraphHttpError(400, 'BadRequest', `Recipient '${userId}' is not a user in this tenant.`);
    return user;
  });
  const preview = (body.previewText ?? {}) as { content?: unknown };
  const params = Array.isArray(body.templateParameters) ? (body.templateParameters as { name?: unknown; value?: unknown }[]) : [];
  for (const user of users) {
    if (user.teams_app_installed !== 1) continue;
    ctx.outbox.record({
      kind: 'activityNotification', from: principal.upn, to: user.id, activityType: body.activityType, topic: body.topic,
      previewText: typeof preview.content === 'string' ? preview.content : '',
      templateParameters: params.map((p) => ({ name: String(p.name ?? ''), value: String(p.value ?? '') })),
    });
  }
  return noContent(202);
}

/** `GET /appCatalogs/teamsApps[?$filter=…]` over the one-app catalog. */
function listCatalog(req: EmuRequest): EmuReply {
  const filterText = option(req.query, 'filter');
  const filter = filterText ? parseFilter(filterText) : undefined;
  const value = CATALOG.filter((app) => !filter || evaluate(filter, (segments) => (segments.length === 1 ? (app as Record<string, unknown>)[segments[0]!] : undefined)));
  return json({ '@odata.context': `${req.origin}/v1.0/$metadata#appCatalogs/teamsApps`, value });
}
