// Keyed fingerprints: HMAC-SHA-256 under the snapshot's key, truncated to the
// record's width. The key travels with the record because every member of
// staff's Outlook has to compute the same fingerprint for a recipient, so this
// is pseudonymisation, not protection: see docs/privacy.md.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8Encode } from '../../policy/hash';

/** The widest fingerprint the record holds; a plain number keeps it exact. */
export const MAX_BITS = 32;

/** What is fingerprinted: a contact's address or a pupil's UPN, kept apart so one can never match the other. */
export type Fingerprinted = 'address' | 'upn';

const DOMAIN: Record<Fingerprinted, string> = { address: 'aup-send-check/address\u0000', upn: 'aup-send-check/upn\u0000' };

/** The top 32 bits of HMAC-SHA-256(key, domain || value), as an unsigned number. */
export function fingerprint32(key: Uint8Array, what: Fingerprinted, value: string): number {
  const mac = hmac(sha256, key, utf8Encode(DOMAIN[what] + value));
  return (((mac[0] ?? 0) << 24) | ((mac[1] ?? 0) << 16) | ((mac[2] ?? 0) << 8) | (mac[3] ?? 0)) >>> 0;
}

/** A 32-bit fingerprint cut to `bits` (the record keeps the top bits, so a narrower copy can be cut from a wider one). */
export const truncate = (fp32: number, bits: number): number => (bits >= MAX_BITS ? fp32 : Math.floor(fp32 / 2 ** (MAX_BITS - bits)));
