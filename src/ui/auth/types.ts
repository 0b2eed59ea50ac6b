// What sign-in produces, whichever way it happened (MSAL in Teams or a
// browser, or the emulator's demo users). Tokens never leave memory.
import type { GetToken } from '../../graph/client';

export interface SignedIn {
  readonly getToken: GetToken;
  signOut(): void;
}

/** What a signed-in person may see: every user is staff; managers and admins come from group membership. */
export type Role = 'staff' | 'manager' | 'admin';
