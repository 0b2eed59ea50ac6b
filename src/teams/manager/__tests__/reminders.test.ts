import { describe, expect, it } from 'vitest';
import type { ActivityNotification, MailToSend, NotifyOutcome } from '../../../graph/notifications';
import { REMINDER_ACTIVITY_TYPE, reminderMessages, sendReminders, tabDeepLink, type Notifier, type Recipient } from '../reminders';

const content = { version: '2025-09', managerName: 'Mo Manager', tabUrl: tabDeepLink('11111111-2222-3333-4444-555555555555') };
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
  it('links the activity and the mail to the tab and names the version', () => {
    const { activity, mail } = reminderMessages(content);
    expect(activity.activityType).toBe(REMINDER_ACTIVITY_TYPE);
    expect(activity.topic.webUrl).toBe(content.tabUrl);
    expect(mail.subject).toContain('2025-09');
    expect(mail.text).toContain(content.tabUrl);
    expect(mail.text.endsWith('Mo Manager')).toBe(true);
  });
});

describe('sendReminders', () => {
  it('reaches everyone once and counts the channel each went by', async () => {
    const fake = fakeNotifier((id) => (id === 'u1' ? 'mail' : 'activity'));
    const report = await sendReminders(fake.notifier, people(3), content);
    expect(fake.calls.map((c) => c.id).sort()).toEqual(['u0', 'u1', 'u2']);
    expect(report).toEqual({ activity: 2, mail: 1, failed: [] });
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

  it('does nothing for no recipients', async () => {
    const fake = fakeNotifier(() => 'activity');
    expect(await sendReminders(fake.notifier, [], content)).toEqual({ activity: 0, mail: 0, failed: [] });
    expect(fake.calls).toEqual([]);
  });
});
