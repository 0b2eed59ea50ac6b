// The directory over clear settings, as the CLI and the tests give them:
// `parentContacts` ({ email, pupil }, one entry per child) and `pupils[].email`,
// plus the SHA-256 hashes older Outlook caches and settings files still carry
// (those say what an address is, but not whose).
import { cleanText } from '../normalise';
import type { ResolvedSettings } from '../settings';
import { hashContactEmail } from '../settings';
import type { ContactDirectory, ContactMatch } from './types';
import { NO_MATCH, normaliseAddress } from './types';

/** How roster names are compared when a contact names its pupil: accents folded, case and spacing ignored. */
export const nameKey = (name: string): string => cleanText(name).toLowerCase().replace(/\s+/g, ' ').trim();

// Recipients repeat from draft to draft (the task pane re-checks on every
// change), and SHA-256 in pure JS is the costliest step for a short message.
const hashMemo = new Map<string, string>();
function memoHash(address: string): string {
  let h = hashMemo.get(address);
  if (h === undefined) {
    if (hashMemo.size >= 1000) hashMemo.clear();
    h = hashContactEmail(address);
    hashMemo.set(address, h);
  }
  return h;
}

interface Links {
  readonly family: ReadonlyMap<string, readonly number[]>;
  readonly own: ReadonlyMap<string, readonly number[]>;
}

function push(map: Map<string, number[]>, key: string, pupil: number): void {
  const list = map.get(key) ?? [];
  if (!list.includes(pupil)) list.push(pupil);
  map.set(key, list);
}

function links(settings: ResolvedSettings): Links {
  const byName = new Map<string, number[]>();
  settings.pupils.forEach((p, i) => push(byName, nameKey(p.name), i));
  const family = new Map<string, number[]>();
  const own = new Map<string, number[]>();
  for (const c of settings.parentContacts) {
    // A contact naming no roster pupil is still a family contact, linked to nobody.
    for (const i of c.pupil ? byName.get(nameKey(c.pupil)) ?? [] : []) push(family, normaliseAddress(c.email), i);
  }
  settings.pupils.forEach((p, i) => {
    if (p.email) push(own, normaliseAddress(p.email), i);
  });
  return { family, own };
}

const cache = new WeakMap<ResolvedSettings, ContactDirectory>();

/** Built once per resolved settings object, like the engine's other lookups. */
export function settingsDirectory(settings: ResolvedSettings): ContactDirectory {
  const found = cache.get(settings);
  if (found) return found;
  const parentHashes = new Set(settings.parentContactHashes);
  const pupilHashes = new Set(settings.pupilEmailHashes);
  let linked: Links | undefined;
  let upns: Map<string, number[]> | undefined;
  const linksOf = (address: string): number[] => {
    linked ??= links(settings);
    const a = normaliseAddress(address);
    return [...new Set([...(linked.family.get(a) ?? []), ...(linked.own.get(a) ?? [])])].sort((x, y) => x - y);
  };
  const directory: ContactDirectory = {
    match(address): ContactMatch {
      if (parentHashes.size === 0 && pupilHashes.size === 0) return NO_MATCH;
      const h = memoHash(normaliseAddress(address));
      const family = parentHashes.has(h);
      const pupil = pupilHashes.has(h);
      return family || pupil ? { family, pupil } : NO_MATCH;
    },
    isLinked: (address, pupil) => linksOf(address).includes(pupil),
    linkedPupils: linksOf,
    pupilsWithUpn(upn) {
      if (!upns) {
        const built = new Map<string, number[]>();
        settings.pupils.forEach((p, i) => { if (p.upn) push(built, p.upn.toUpperCase(), i); });
        upns = built;
      }
      return upns.get(upn.trim().toUpperCase()) ?? [];
    },
  };
  cache.set(settings, directory);
  return directory;
}
