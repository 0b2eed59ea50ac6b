// One-click fixes: each engine Fix becomes Office calls on the draft. The
// send check re-reads the draft, so after a fix the next Send passes.
import type { Fix, RecipientField } from '../../compose-check';
import { officeCall } from '../office/async';
import type { ComposeItem } from '../office/draft';
import type { SupportsMailbox } from '../office/requirements';

/** Whether this host can apply the fix at all (labels and delivery time need 1.13). */
export function canApply(fix: Fix, supports: SupportsMailbox): boolean {
  if (fix.kind === 'apply-label' || fix.kind === 'schedule') return supports('1.13');
  return true;
}

export async function applyFix(item: ComposeItem, fix: Fix): Promise<void> {
  switch (fix.kind) {
    case 'apply-label':
      await officeCall<void>('sensitivityLabel.setAsync', (cb) => item.sensitivityLabel.setAsync(fix.labelId, cb));
      return;
    case 'add-subject-tag': {
      const subject = await officeCall<string>('subject.getAsync', (cb) => item.subject.getAsync(cb));
      if (subject.toLowerCase().includes(fix.tag.toLowerCase())) return; // safe to click twice
      await officeCall<void>('subject.setAsync', (cb) => item.subject.setAsync(`${fix.tag} ${subject}`.trim(), cb));
      return;
    }
    case 'schedule':
      await officeCall<void>('delayDeliveryTime.setAsync', (cb) => item.delayDeliveryTime.setAsync(fix.at, cb));
      return;
    case 'move-to-bcc':
      await moveToBcc(item, fix.emails, fix.senderToTo);
      return;
    case 'remove-recipient': {
      const target = fix.email.trim().toLowerCase();
      const fields: [RecipientField, Office.Recipients][] = [['to', item.to], ['cc', item.cc], ['bcc', item.bcc]];
      for (const [field, recipients] of fields) {
        const list = await officeCall<Office.EmailAddressDetails[]>(`${field}.getAsync`, (cb) => recipients.getAsync(cb));
        const kept = list.filter((r) => r.emailAddress.trim().toLowerCase() !== target);
        if (kept.length === list.length) continue;
        await officeCall<void>(`${field}.setAsync`, (cb) =>
          recipients.setAsync(kept.map((r) => ({ displayName: r.displayName, emailAddress: r.emailAddress })), cb));
      }
      return;
    }
  }
}

/**
 * Takes the addresses out of To and Cc and adds them to Bcc (Mailbox 1.1:
 * Recipients getAsync, setAsync, addAsync), so each family sees only its own.
 * When To would be left empty, the sender's own address goes there, as a mail
 * merge's would. Safe to click twice: an address already in Bcc is not added again.
 */
async function moveToBcc(item: ComposeItem, emails: readonly string[], senderToTo: string | undefined): Promise<void> {
  const moving = new Set(emails.map((e) => e.trim().toLowerCase()));
  const key = (r: Office.EmailAddressDetails): string => r.emailAddress.trim().toLowerCase();
  const bcc = await officeCall<Office.EmailAddressDetails[]>('bcc.getAsync', (cb) => item.bcc.getAsync(cb));
  const inBcc = new Set(bcc.map(key));
  const moved: Office.EmailAddressDetails[] = [];
  let toLeft = 0;
  for (const [field, recipients] of [['to', item.to], ['cc', item.cc]] as const) {
    const list = await officeCall<Office.EmailAddressDetails[]>(`${field}.getAsync`, (cb) => recipients.getAsync(cb));
    const kept = list.filter((r) => !moving.has(key(r)));
    if (field === 'to') toLeft = kept.length;
    if (kept.length === list.length) continue;
    for (const r of list) if (moving.has(key(r)) && !inBcc.has(key(r))) { moved.push(r); inBcc.add(key(r)); }
    await officeCall<void>(`${field}.setAsync`, (cb) => recipients.setAsync(kept.map((r) => ({ displayName: r.displayName, emailAddress: r.emailAddress })), cb));
  }
  if (moved.length > 0) {
    await officeCall<void>('bcc.addAsync', (cb) => item.bcc.addAsync(moved.map((r) => ({ displayName: r.displayName, emailAddress: r.emailAddress })), cb));
  }
  if (toLeft === 0 && senderToTo) {
    await officeCall<void>('to.setAsync', (cb) => item.to.setAsync([senderToTo], cb));
  }
}
