import { describe, expect, it } from 'vitest';
import type { ActivityNotification, MailToSend, NotifyOutcome } from '../../../graph/notifications';
import {
  chooseRecipients, PUBLISHED_ACTIVITY_TYPE, publishedMessages, REMINDER_ACTIVITY_TYPE, reminderMessages, sendReminders, tabDeepLink, type Notifier, type Recipient,
} from '../reminders';

const content = { version: '2025-09', title: 'Acceptable Use Policy', dueDate: '2025-09-19', managerName: 'Mo Manager', tabUrl: tabDeepLink('11111111-2222-3333-4444-555555555555') };
const people = (n: number): Recipient[] => Array.from({ length: n }, (_, i) => ({ id: `u${i}`, name: `U ${i}`, mail: `u${i}@school.uk` }));

function fakeNotifier(outcome: (id: string) => NotifyOutcome | Error) {
  const calls: { id: string; activity: ActivityNotification; mail: Omit<MailToSend, 'to'> }[] = [];
  let inFlight = 0, maxInFlight = 0;
  const notifier: Notifier = {
    async notify(user, activity, mail) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      calls.push({ id: user.id, activity, mail });
      const result = outcome(user.id);
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return { notifier, calls, maxInFlight: () => maxInFlight };
}

describe('tabDeepLink', () => {
  it('is the Teams entity deep link to the personal tab', () => {
    expect(tabDeepLink('app-id')).toBe('https://teams.microsoft.com/l/entity/app-id/aup');
  });
});

describe('reminderMessages', () => {
  it('links the activity and the mail to the tab and names the version and the date to sign by', () => {
    const { activity, mail } = reminderMessages(content);
    expect(activity.activityType).toBe(REMINDER_ACTIVITY_TYPE);
    expect(activity.topic.webUrl).toBe(content.tabUrl);
    expect(activity.previewText).toBe('Please read and sign the Acceptable Use Policy, version 2025-09 (September 2025), by 19 September 2025.');
    expect(mail.subject).toBe('Reminder: please sign the Acceptable Use Policy, version 2025-09 (September 2025), by 19 September 2025');
    expect(mail.text).toContain(content.tabUrl);
    expect(mail.text.endsWith('Mo Manager')).toBe(true);
  });

  it('leaves the date out when the version has none', () => {
    expect(reminderMessages({ ...content, dueDate: null }).activity.previewText).toBe('Please read and sign the Acceptable Use Policy, version 2025-09 (September 2025).');
  });
});

describe('publishedMessages', () => {
  it('says a version is out, when it comes into force and the date to sign by', () => {
    const { activity, mail } = publishedMessages({ ...content, effectiveDate: '2025-10-01' });
    expect(activity.activityType).toBe(PUBLISHED_ACTIVITY_TYPE);
    expect(activity.previewText).toBe('Please read and sign version 2025-09 (September 2025) of the Acceptable Use Policy by 19 September 2025. It comes into force on 1 October 2025.');
    expect(mail.text).toContain(content.tabUrl);
  });
});

describe('chooseRecipients', () => {
  const now = new Date('2025-09-10T12:00:00Z');
  const rows = [
    { id: 'me' }, { id: 'a' }, { id: 'b', lastReminded: '2025-09-09T12:00:00Z' }, { id: 'c', lastReminded: '2025-09-01T12:00:00Z' },
  ];

  it('never includes the manager sending it, and leaves out anyone reminded in the last days', () => {
    const choice = chooseRecipients(rows, { selfId: 'me', now, quietDays: 3, includeRecent: false });
    expect(choice.recipients.map((r) => r.id)).toEqual(['a', 'c']);
    expect(choice.recentlyReminded.map((r) => r.id)).toEqual(['b']);
    expect(choice.leftOutSelf).toBe(true);
  });

  it('includes the recently reminded when asked, and takes the number of days given', () => {
    expect(chooseRecipients(rows, { selfId: 'me', now, quietDays: 3, includeRecent: true }).recipients.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(chooseRecipients(rows, { selfId: 'me', now, quietDays: 10, includeRecent: false }).recipients.map((r) => r.id)).toEqual(['a']);
    expect(chooseRecipients(rows, { selfId: 'x', now, quietDays: 0, includeRecent: false }).leftOutSelf).toBe(false);
  });
});

describe('sendReminders', () => {
  it('reaches everyone once and counts the channel each went by', async () => {
    const fake = fakeNotifier((id) => (id === 'u1' ? 'mail' : 'activity'));
    const report = await sendReminders(fake.notifier, people(3), content);
    expect(fake.calls.map((c) => c.id).sort()).toEqual(['u0', 'u1', 'u2']);
    expect([report.activity, report.mail, report.failed]).toEqual([2, 1, []]);
    expect(report.sent.map((s) => [s.recipient.id, s.outcome]).sort()).toEqual([['u0', 'activity'], ['u1', 'mail'], ['u2', 'activity']]);
  });

  it('keeps going after a failure and reports who was not reached', async () => {
    const fake = fakeNotifier((id) => (id === 'u0' ? new Error('403 no mailbox') : 'activity'));
    const report = await sendReminders(fake.notifier, people(3), content);
    expect(report.activity).toBe(2);
    expect(report.failed).toEqual([{ recipient: people(1)[0], message: '403 no mailbox' }]);
  });

  it('sends at most the given number at once and reports progress to the end', async () => {
    const fake = fakeNotifier(() => 'activity');
    const progress: number[] = [];
    await sendReminders(fake.notifier, people(10), content, { concurrency: 3, onProgress: (done) => progress.push(done) });
    expect(fake.maxInFlight()).toBe(3);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("tells a new joiner their own date to sign by, everyone else the version's", async () => {
    const fake = fakeNotifier(() => 'activity');
    await sendReminders(fake.notifier, [{ id: 'a', name: 'A', mail: null }, { id: 'j', name: 'J', mail: null, dueDate: '2025-10-03' }], content);
    const preview = (id: string) => fake.calls.find((c) => c.id === id)?.activity.previewText;
    expect(preview('a')).toContain('by 19 September 2025');
    expect(preview('j')).toContain('by 3 October 2025');
  });

  it('does nothing for no recipients', async () => {
    const fake = fakeNotifier(() => 'activity');
    expect(await sendReminders(fake.notifier, [], content)).toEqual({ activity: 0, mail: 0, sent: [], failed: [] });
    expect(fake.calls).toEqual([]);
  });
});
