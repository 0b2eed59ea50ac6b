// Turns a sign-in into the Session every view works with: one Graph client,
// the site's lists and the repositories over them, the user from /me and the
// roles from group membership.
import { createGraphClient } from '../graph/client';
import { DirectoryRepository } from '../graph/directory';
import { resolveSiteId, siteLists } from '../graph/lists';
import { PoliciesRepository } from '../graph/policies';
import { AcknowledgementsRepository } from '../graph/acknowledgements';
import type { AppConfig } from '../ui/config';
import type { SignedIn } from '../ui/auth/types';
import type { ThemeName } from '../ui/theme';
import type { Role, Session, SignedInUser } from './shell-types';

export async function buildSession(
  config: AppConfig,
  signedIn: SignedIn,
  host: { inTeams: boolean; theme: ThemeName },
  onSignOut: () => void,
): Promise<Session> {
  // A signer waits on the form, so retry briefly; the outbox keeps the form if this is not enough.
  const graph = createGraphClient({ baseUrl: config.graphBaseUrl, getToken: signedIn.getToken, retry: { maxRetries: 3, delaySeconds: 1 } });
  const directory = new DirectoryRepository(graph);
  const me = await directory.me();
  const user: SignedInUser = { id: me.id, upn: me.userPrincipalName, displayName: me.displayName, mail: me.mail };
  const lists = siteLists(graph, await resolveSiteId(graph, config.siteId));
  // One code path for every build: the demo's config names the emulator's groups, so its
  // /_dev role labels the sign-in picker only and never grants a view.
  const roles = await rolesFromGroups(config, directory);
  return {
    user,
    roles,
    config,
    getToken: signedIn.getToken,
    graph,
    lists,
    policies: new PoliciesRepository(lists),
    acknowledgements: new AcknowledgementsRepository(lists),
    theme: host.theme,
    inTeams: host.inTeams,
    signOut() {
      signedIn.signOut();
      onSignOut();
    },
  };
}

/** Managers and admins are members (direct or nested) of configured groups: one checkMemberGroups call. */
async function rolesFromGroups(config: AppConfig, directory: DirectoryRepository): Promise<ReadonlySet<Role>> {
  const roles = new Set<Role>(['staff']);
  const member = await directory.checkMemberGroups([config.managersGroupId, config.adminsGroupId].filter((g): g is string => g !== null));
  if (config.managersGroupId && member.has(config.managersGroupId)) roles.add('manager');
  if (config.adminsGroupId && member.has(config.adminsGroupId)) {
    roles.add('admin');
    roles.add('manager'); // an admin can always see the compliance picture
  }
  return roles;
}
