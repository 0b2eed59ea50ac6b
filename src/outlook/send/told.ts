// What the user has already been told about this draft, for hosts before
// Mailbox 1.14, which have no "Send anyway": a failed check, or a warning,
// stops the first Send with an explanation, and the next Send of the same
// draft goes ahead (issue #6 for failures, issue 11 for warnings).
// Remembered in the item's sessionData (Mailbox 1.11: per draft, so a new
// draft is told again); where that is missing or fails, on the item object
// in memory, used up by the Send it lets through.
import { officeCall } from '../office/async';
import type { ComposeItem } from '../office/draft';
import type { SupportsMailbox } from '../office/requirements';

/** The sessionData key for "told that the check could not run". */
export const TOLD_KEY = 'aupGuardCheckFailedTold';
/** The sessionData key for "warned about these reasons" (their codes, comma-separated). */
export const WARNED_KEY = 'aupGuardWarned';

// Where sessionData is missing or fails: per item object, for as long as this runtime lives.
const inMemory = new WeakMap<object, Map<string, string>>();
// With no item at all there is nothing to key on; one marker stands in.
const NO_ITEM = {};

function sessionData(item: ComposeItem | undefined, supports: SupportsMailbox): Office.SessionData | undefined {
  // Some builds claim 1.11 yet lack the object (OfficeDev/office-js#4169), so check both.
  return item && supports('1.11') && item.sessionData ? item.sessionData : undefined;
}

/**
 * What was recorded under `key` for this draft, or undefined. A value held
 * in memory is used up by reading it: a runtime that outlives the item could
 * otherwise carry it to another draft.
 */
export async function takeTold(item: ComposeItem | undefined, supports: SupportsMailbox, key: string): Promise<string | undefined> {
  const memory = inMemory.get(item ?? NO_ITEM);
  const held = memory?.get(key);
  if (held !== undefined) {
    memory?.delete(key);
    return held;
  }
  const data = sessionData(item, supports);
  if (!data) return undefined;
  // A key that was never set may fail rather than return ''; either way, not told.
  const value = await officeCall<string>('sessionData.getAsync', (cb) => data.getAsync(key, cb)).catch(() => '');
  return value === '' ? undefined : value;
}

/** Records that the user was told; in session data where the host has it, else in memory. */
export async function rememberTold(item: ComposeItem | undefined, supports: SupportsMailbox, key: string, value: string): Promise<void> {
  const data = sessionData(item, supports);
  const saved = data
    ? await officeCall<void>('sessionData.setAsync', (cb) => data.setAsync(key, value, cb)).then(() => true, () => false)
    : false;
  if (saved) return;
  const target = item ?? NO_ITEM;
  const memory = inMemory.get(target) ?? new Map<string, string>();
  memory.set(key, value);
  inMemory.set(target, memory);
}
