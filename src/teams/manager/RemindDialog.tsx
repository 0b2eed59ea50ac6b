// The reminder dialog says who will be reminded (names and count), what they
// will read, and who is left out: the manager sending it, and anyone reminded
// in the last few days unless the manager includes them on purpose (issue 14).
import { useId, useMemo, useState } from 'react';
import {
  Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles,
  MessageBar, MessageBarBody, Text, tokens,
} from '@fluentui/react-components';
import { describeVersion } from '../../policy/index';
import type { ComplianceRow } from './compliance';
import type { TabLink } from './data';
import { chooseRecipients, DEFAULT_QUIET_DAYS, reminderMessages } from './reminders';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  names: {
    margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, maxHeight: '10rem', overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
    paddingBlock: tokens.spacingVerticalXS,
  },
  message: {
    margin: 0, padding: tokens.spacingHorizontalM, whiteSpace: 'pre-wrap', fontFamily: tokens.fontFamilyBase,
    backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  quiet: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  days: { width: '6rem' },
});

export interface RemindDialogProps {
  readonly open: boolean;
  /** The staff selected (shown, and not yet signed). */
  readonly rows: readonly ComplianceRow[];
  readonly selfId: string;
  readonly version: string;
  readonly title: string;
  readonly dueDate: string | null;
  readonly managerName: string;
  readonly link: TabLink | null;
  readonly now: () => Date;
  onCancel(): void;
  onSend(recipients: readonly ComplianceRow[]): void;
}

export function RemindDialog({ open, rows, selfId, version, title, dueDate, managerName, link, now, onCancel, onSend }: RemindDialogProps) {
  const styles = useStyles();
  const [quietDays, setQuietDays] = useState(String(DEFAULT_QUIET_DAYS));
  const [includeRecent, setIncludeRecent] = useState(false);
  const listId = useId();
  const days = /^\d{1,3}$/.test(quietDays.trim()) ? Number(quietDays.trim()) : null;
  const choice = useMemo(
    () => chooseRecipients(rows, { selfId, now: now(), quietDays: days ?? DEFAULT_QUIET_DAYS, includeRecent }),
    [rows, selfId, now, days, includeRecent],
  );
  const { activity, mail } = reminderMessages({ version, title, dueDate, managerName, tabUrl: link?.url ?? '…' });
  const count = choice.recipients.length;
  const people = (n: number): string => `${n} ${n === 1 ? 'person' : 'people'}`;

  return (
    <Dialog open={open} onOpenChange={(_, d) => { if (!d.open) onCancel(); }}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Remind {people(count)}?</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>
              {count === 0 ? 'Nobody will be reminded.' : `${people(count)} who have not signed version ${describeVersion(version)} will get a Teams notification, or an email from you where Teams cannot reach them.`}
            </Text>
            {count > 0 ? (
              <section aria-labelledby={listId}>
                <h3 id={listId} className={styles.h3}>Who will be reminded ({count})</h3>
                <ul className={styles.names} aria-labelledby={listId} tabIndex={0} data-testid="reminder-recipients">
                  {choice.recipients.map((r) => <li key={r.id}>{r.name}</li>)}
                </ul>
              </section>
            ) : null}
            {choice.leftOutSelf ? <Text>You are not included: reminders never go to the person sending them.</Text> : null}
            <div className={styles.quiet}>
              <Field className={styles.days} label="Leave out anyone reminded in the last (days)" validationState={days === null ? 'error' : 'none'} validationMessage={days === null ? 'Enter a whole number of days.' : undefined}>
                <Input type="number" min={0} max={365} value={quietDays} onChange={(_, d) => setQuietDays(d.value)} />
              </Field>
            </div>
            {choice.recentlyReminded.length > 0 ? (
              <Checkbox
                checked={includeRecent}
                onChange={(_, d) => setIncludeRecent(d.checked === true)}
                label={`Remind the ${people(choice.recentlyReminded.length)} reminded in the last ${days ?? DEFAULT_QUIET_DAYS} days as well (${choice.recentlyReminded.map((r) => r.name).join(', ')})`}
              />
            ) : null}
            <section aria-label="The message">
              <h3 className={styles.h3}>In Teams</h3>
              <p className={styles.message} data-testid="reminder-preview">{activity.previewText}</p>
              <h3 className={styles.h3}>By email, where Teams cannot reach them</h3>
              <pre className={styles.message}>{`Subject: ${mail.subject}\n\n${mail.text}`}</pre>
              {rows.some((r) => r.status === 'joined-after') ? <Text as="p">New joiners are given their own date to sign by.</Text> : null}
            </section>
            {link?.problem ? <MessageBar intent="warning"><MessageBarBody>{link.problem}</MessageBarBody></MessageBar> : null}
          </DialogContent>
          <DialogActions>
            <Button onClick={onCancel}>Cancel</Button>
            <Button appearance="primary" disabled={count === 0 || days === null} onClick={() => onSend(choice.recipients)}>
              Send {count} {count === 1 ? 'reminder' : 'reminders'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
