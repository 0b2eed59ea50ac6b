// The engine's seam for "who is this address to the school?": the checks ask
// a directory rather than reading addresses from settings, so the same rules
// run on clear settings (the CLI, tests) and on the compact, hashed send-check
// record staff's Outlook keeps (issue 10, "Contacts stay with admins").
// Pupils are named by their index in ResolvedSettings.pupils: an opaque id
// that means nothing outside the roster it came with.

/** What an address is to the school; both can be true (a parent who is also a pupil). */
export interface ContactMatch {
  /** A parent's or carer's address (which of the two is never recorded). */
  readonly family: boolean;
  /** A pupil's own address. */
  readonly pupil: boolean;
}

export interface ContactDirectory {
  /** What the address is; `{ family: false, pupil: false }` for everyone else. */
  match(address: string): ContactMatch;
  /** Is the address linked (as family, or as their own) to roster pupil `pupil`? */
  isLinked(address: string, pupil: number): boolean;
  /** The roster pupils the address is linked to, ascending. Empty for an unknown address. */
  linkedPupils(address: string): readonly number[];
  /** The roster pupils with this UPN (normally one), so a UPN in a message names its pupil as surely as the name does. */
  pupilsWithUpn(upn: string): readonly number[];
}

export const NO_MATCH: ContactMatch = { family: false, pupil: false };

/** Addresses are compared trimmed and lower-cased everywhere. */
export const normaliseAddress = (address: string): string => address.trim().toLowerCase();

/** A directory answering from several, e.g. the send-check record plus hashes still in settings. */
export function combineDirectories(...parts: readonly ContactDirectory[]): ContactDirectory {
  if (parts.length === 1 && parts[0]) return parts[0];
  return {
    match(address) {
      let family = false;
      let pupil = false;
      for (const p of parts) {
        const m = p.match(address);
        family = family || m.family;
        pupil = pupil || m.pupil;
      }
      return family || pupil ? { family, pupil } : NO_MATCH;
    },
    isLinked: (address, pupil) => parts.some((p) => p.isLinked(address, pupil)),
    linkedPupils(address) {
      const all = new Set<number>();
      for (const p of parts) for (const i of p.linkedPupils(address)) all.add(i);
      return [...all].sort((a, b) => a - b);
    },
    pupilsWithUpn(upn) {
      const all = new Set<number>();
      for (const p of parts) for (const i of p.pupilsWithUpn(upn)) all.add(i);
      return [...all].sort((a, b) => a - b);
    },
  };
}
