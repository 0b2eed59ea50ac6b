// Stable ids for the Teams app and the Outlook add-in. Both stores treat a new id
// as a new app, so packaging twice with the same .env must give the same ids:
// an upload then updates the app in place instead of adding a duplicate.
import { createHash } from 'node:crypto';

/** Our own namespace for RFC 9562 name-based (v5) UUIDs; any fixed UUID would do. */
const AUP_GUARD_NAMESPACE = 'b1f4c6a2-8d3e-4f5a-9c7b-2e1d0a9f8b7c';

/** RFC 9562 §5.5 UUID v5 (SHA-1, name-based). */
export function uuidV5(name: string, namespace: string = AUP_GUARD_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`not a UUID namespace: ${namespace}`);
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The Teams app id: the one in .env, or derived from the Entra client id. */
export const teamsAppId = (clientId: string, given?: string): string => given ?? uuidV5(`teams-app:${clientId}`);

/** The Outlook add-in id: the one in .env, or derived from the Entra client id. */
export const outlookAddinId = (clientId: string, given?: string): string => given ?? uuidV5(`outlook-addin:${clientId}`);
