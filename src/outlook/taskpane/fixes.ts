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
