// What sign-in produces, whichever way it happened (MSAL in Teams or a
// browser, or the emulator's demo users). Tokens never leave memory.
import type { GetToken } from '../../graph/client';
import type { Role } from '../../teams/shell-types';

export interface SignedIn {
  readonly getToken: GetToken;
  /** Roles the sign-in itself knows (the demo users list); production works them out from groups. */
  readonly knownRoles: ReadonlySet<Role> | null;
  signOut(): void;
}
