// What the Teams app shell hands to every view, including the lazily loaded
// manager and admin views (src/teams/manager, src/teams/admin). Views get data
// only through these repositories; none of them calls Graph by hand.
import type { GetToken, GraphClient } from '../graph/client';
import type { SiteLists } from '../graph/lists';
import type { PoliciesRepository } from '../graph/policies';
import type { AcknowledgementsRepository } from '../graph/acknowledgements';
import type { AppConfig } from '../ui/config';
import type { Role } from '../ui/auth/types';
import type { ThemeName } from '../ui/theme';

// Role lives with sign-in in src/ui (shared code never imports from the Teams app); re-exported for the views.
export type { Role };

export interface SignedInUser {
  /** Entra object id (Graph `/me` id). */
  readonly id: string;
  readonly upn: string;
  readonly displayName: string;
  readonly mail: string | null;
}

export interface Session {
  readonly user: SignedInUser;
  /** Every signed-in user is staff; managers and admins are group members on top. */
  readonly roles: ReadonlySet<Role>;
  readonly config: AppConfig;
  readonly getToken: GetToken;
  readonly graph: GraphClient;
  /** The AUP lists on the configured site; build other repositories (settings, contacts, directory) from this. */
  readonly lists: SiteLists;
  readonly policies: PoliciesRepository;
  readonly acknowledgements: AcknowledgementsRepository;
  /** The host's theme, for views that draw their own charts. */
  readonly theme: ThemeName;
  /** Deep links and notifications: true inside Teams, Outlook or the Microsoft 365 app. */
  readonly inTeams: boolean;
  signOut(): void;
}

/** Props of ManagerView and AdminView (default exports). */
export interface ViewProps {
  readonly session: Session;
}
