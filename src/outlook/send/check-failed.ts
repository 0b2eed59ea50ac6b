// Whether the user has already been told, for this draft, that AUP Guard
// could not check it. Hosts before Mailbox 1.14 have no "Send anyway", so a
// failed check stops the first Send with an explanation and lets the next
// one through (issue #6: on an internal error the user is told).
import { officeCall } from '../office/async';
import type { ComposeItem } from '../office/draft';
import type { SupportsMailbox } from '../office/requirements';

/** The sessionData key; session data is per item and per add-in (Mailbox 1.11). */
export const TOLD_KEY = 'aupGuardCheckFailedTold';

// Where sessionData is missing or fails: the item object, for as long as this
// runtime lives. A runtime that outlives the item could carry the marker to
// another draft, so it is consumed by the Send it lets through.
const toldInMemory = new WeakSet<object>();
// With no item at all there is nothing to key on; one marker stands in.
const NO_ITEM = {};

function sessionData(item: ComposeItem | undefined, supports: SupportsMailbox): Office.SessionData | undefined {
  // Some builds claim 1.11 yet lack the object (OfficeDev/office-js#4169), so check both.
  return item && supports('1.11') && item.sessionData ? item.sessionData : undefined;
}

/** True once per telling: the Send after the explanation passes. */
export async function consumeTold(item: ComposeItem | undefined, supports: SupportsMailbox): Promise<boolean> {
  const key = item ?? NO_ITEM;
  if (toldInMemory.delete(key)) return true;
  const data = sessionData(item, supports);
  if (!data) return false;
  // A key that was never set may fail rather than return ''; either way, not told.
  const value = await officeCall<string>('sessionData.getAsync', (cb) => data.getAsync(TOLD_KEY, cb)).catch(() => '');
  return value === '1';
}

/** Records that the user was told; in session data where the host has it, else in memory. */
export async function rememberTold(item: ComposeItem | undefined, supports: SupportsMailbox): Promise<void> {
  const data = sessionData(item, supports);
  const saved = data
    ? await officeCall<void>('sessionData.setAsync', (cb) => data.setAsync(TOLD_KEY, '1', cb)).then(() => true, () => false)
    : false;
  if (!saved) toldInMemory.add(item ?? NO_ITEM);
}
