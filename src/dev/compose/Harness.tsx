// Looks and behaves like an Outlook compose window, with the add-in's two
// surfaces beside it: Smart Alerts on Send and the task pane (an iframe
// running the real /outlook/taskpane.html against the same fake Office).
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, FluentProvider,
  Input, MessageBar, MessageBarActions, MessageBarBody, Select, Text,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { formatLocalDateTime, fromLocal, toLocal } from '../../compose-check';
import { FLUENT_THEMES, type ThemeName } from '../../ui/theme';
import type { FakeAttachment, FakeOffice, MailboxVersion } from '../fake-office/fake-office';
import { PLATFORMS, type FakePlatform } from '../fake-office/platforms';
import type { HandlerHost } from './handler-host';
import { useOfficeDialog } from './office-dialog';
import { LIGHT_THEME } from '../fake-office/fake-office';
import { DEMO_COLLEAGUE, DEMO_LABELS, DEMO_PARENT, DEMO_PUPIL, DEMO_SETTINGS, DEMO_USER, SCHOOL_DOMAIN } from '../demo-settings';
import { clockNow, setClock } from '../clock';

const useStyles = makeStyles({
  root: { height: '100vh', display: 'grid', gridTemplateRows: 'auto auto 1fr', backgroundColor: tokens.colorNeutralBackground2 },
  ribbon: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  bars: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: `0 ${tokens.spacingHorizontalM}` },
  work: { display: 'grid', gridTemplateColumns: '1fr auto', minHeight: 0 },
  compose: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, overflow: 'auto', color: tokens.colorNeutralForeground1 },
  body: {
    minHeight: '12rem', padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1, outlineOffset: '2px',
  },
  pane: { width: '380px', border: 'none', borderLeft: `1px solid ${tokens.colorNeutralStroke2}`, height: '100%', backgroundColor: tokens.colorNeutralBackground1 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  dialogFrame: { width: '100%', height: '16rem', border: 'none' },
});

type Field3 = 'to' | 'cc' | 'bcc';
const FIELDS: readonly Field3[] = ['to', 'cc', 'bcc'];
const FIELD_LABEL: Record<Field3, string> = { to: 'To', cc: 'Cc', bcc: 'Bcc' };
const THEMES: Record<ThemeName, Office.OfficeTheme> = {
  light: LIGHT_THEME,
  dark: { ...LIGHT_THEME, bodyBackgroundColor: '#292929', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#1f1f1f', controlForegroundColor: '#ffffff', isDarkTheme: true },
  contrast: { ...LIGHT_THEME, bodyBackgroundColor: '#000000', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#000000', controlForegroundColor: '#ffffff', isDarkTheme: true },
};

/** What Outlook reports: people in the school's tenant (its domain and subdomains) are "user", everyone else "externalUser". */
function toDetails(text: string): Office.EmailAddressDetails[] {
  return text.split(/[;,]/).map((s) => s.trim()).filter(Boolean).map((emailAddress) => {
    const domain = emailAddress.slice(emailAddress.lastIndexOf('@') + 1).toLowerCase();
    const internal = domain === SCHOOL_DOMAIN || domain.endsWith(`.${SCHOOL_DOMAIN}`);
    return { emailAddress, displayName: emailAddress, recipientType: internal ? 'user' : 'externalUser', appointmentResponse: 'none' } as Office.EmailAddressDetails;
  });
}
const asText = (list: readonly Office.EmailAddressDetails[]): string => list.map((r) => r.emailAddress).join('; ');

interface Sent { readonly to: string; readonly subject: string; readonly deliverAt: string }

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Another platform means another fake Office and handler runtime: the page reloads with `?platform=`. */
function switchPlatform(next: string): void {
  const q = new URLSearchParams(location.search);
  q.set('platform', next);
  location.search = q.toString();
}

interface HarnessProps {
  readonly fake: FakeOffice;
  readonly handlers: HandlerHost;
  readonly platform: FakePlatform;
  readonly settingsLabel: string;
  readonly initialTheme: string | null;
}

export function Harness({ fake, handlers, platform, settingsLabel, initialTheme }: HarnessProps) {
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>(initialTheme === 'dark' || initialTheme === 'contrast' ? initialTheme : 'light');
  const [, setVersion] = useState(0);
  const [text, setText] = useState<Record<Field3, string>>({ to: '', cc: '', bcc: '' });
  const [alert, setAlert] = useState<Office.SmartAlertsEventCompletedOptions | undefined>();
  const [paneOpen, setPaneOpen] = useState(true);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<Sent[]>([]);
  const [clockText, setClockText] = useState('');
  const bodyRef = useRef<HTMLDivElement>(null);
  const paneRef = useRef<HTMLIFrameElement>(null);
  const lastRecipients = useRef('');
  const nextAttachment = useRef(1);
  const state = fake.state;
  const tz = DEMO_SETTINGS.timeZone;
  const officeDialog = useOfficeDialog();

  useEffect(() => { fake.setTheme(THEMES[theme]); }, [fake, theme]);

  const recipientsChanged = useCallback(() => {
    const snapshot = FIELDS.map((f) => asText(state[f])).join('|');
    if (snapshot === lastRecipients.current) return;
    lastRecipients.current = snapshot;
    // Outlook raises OnMessageRecipientsChanged for the add-in's own changes too.
    void handlers.dispatch('onMessageRecipientsChangedHandler');
  }, [handlers, state]);

  useEffect(() => fake.subscribe(() => {
    setText({ to: asText(state.to), cc: asText(state.cc), bcc: asText(state.bcc) });
    setVersion((v) => v + 1);
    recipientsChanged();
  }), [fake, state, recipientsChanged]);

  useEffect(() => {
    const tick = () => setClockText(formatLocalDateTime(clockNow(), tz));
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [tz]);

  const commit = (field: Field3) => {
    state[field] = toDetails(text[field]);
    setText((t) => ({ ...t, [field]: asText(state[field]) }));
    fake.notifyRecipientsChanged([field]);
    recipientsChanged();
  };

  const setClockFrom = (value: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
    if (!m) return;
    const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
    setClock(fromLocal(y, mo, d, h, mi, 'Europe/London'));
    setClockText(formatLocalDateTime(clockNow(), tz));
    recipientsChanged();
  };

  const deliver = () => {
    const at = state.delayDeliveryTime;
    // Read before the state is cleared below: React runs updaters later.
    const item: Sent = {
      to: FIELDS.map((f) => asText(state[f])).filter(Boolean).join('; '),
      subject: state.subject,
      deliverAt: at ? formatLocalDateTime(at, tz) : 'now',
    };
    setSent((s) => [...s, item]);
    Object.assign(state, { to: [], cc: [], bcc: [], subject: '', bodyHtml: '', attachments: [], sensitivityLabel: '', delayDeliveryTime: 0, sessionData: new Map() });
    state.notifications.clear();
    if (bodyRef.current) bodyRef.current.innerHTML = '';
    setText({ to: '', cc: '', bcc: '' });
    lastRecipients.current = '';
    setVersion((v) => v + 1);
  };

  const onSend = async () => {
    setSending(true);
    try {
      const completion = await handlers.dispatch('onMessageSendHandler');
      if (completion?.allowEvent === false) setAlert(completion);
      else deliver();
    } finally {
      setSending(false);
    }
  };

  const openPane = () => {
    setPaneOpen(true);
    setTimeout(() => paneRef.current?.focus(), 0);
  };

  // Outlook raises OnMessageAttachmentsChanged, and the pane's AttachmentsChanged, for each file added or removed.
  const attachmentsChanged = (status: 'added' | 'removed', changed: readonly FakeAttachment[]) => {
    setVersion((v) => v + 1);
    for (const a of changed) fake.notifyAttachmentsChanged(status, a);
    void handlers.dispatch('onMessageAttachmentsChangedHandler');
  };

  const addFiles = async (files: FileList | null) => {
    const added: FakeAttachment[] = [];
    for (const file of Array.from(files ?? [])) {
      added.push({ id: `att-${nextAttachment.current++}-${file.name}`, name: file.name, size: file.size, contentType: file.type || 'application/octet-stream', base64: await readBase64(file) });
    }
    state.attachments.push(...added);
    attachmentsChanged('added', added);
  };

  const removeAttachment = (id: string) => {
    const removed = state.attachments.filter((a) => a.id === id);
    state.attachments = state.attachments.filter((a) => a.id !== id);
    attachmentsChanged('removed', removed);
  };

  const local = toLocal(clockNow(), 'Europe/London');
  const pad = (n: number) => String(n).padStart(2, '0');
  const clockValue = `${local.year}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}`;

  return (
    // Layout sits one level in: Fluent copies the provider's className onto every portal's
    // mount node, so a full-height provider turned the Smart Alert's backdrop into an opaque sheet.
    <FluentProvider theme={FLUENT_THEMES[theme]}>
      <div className={styles.root}>
        <header className={styles.ribbon}>
          {/* Plain buttons, not Fluent's Toolbar: its focus sentinels trip axe's aria-hidden-focus. */}
          <div role="group" aria-label="Message" className={styles.row}>
            <Button appearance="primary" onClick={() => void onSend()} disabled={sending}>Send</Button>
            <Button aria-pressed={paneOpen} onClick={() => (paneOpen ? setPaneOpen(false) : openPane())}>AUP Guard</Button>
          </div>
          <Field label="Sensitivity">
            <Select value={state.sensitivityLabel} onChange={(_, d) => { state.sensitivityLabel = d.value; setVersion((v) => v + 1); }}>
              <option value="">No label</option>
              {DEMO_LABELS.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
            </Select>
          </Field>
          <Field label="Clock (UK time)" hint={`Now ${clockText}`}>
            <div className={styles.row}>
              <Input type="datetime-local" aria-label="Set clock" defaultValue={clockValue} onChange={(_, d) => setClockFrom(d.value)} />
              <Button onClick={() => { setClock(undefined); setClockText(formatLocalDateTime(clockNow(), tz)); }}>Real time</Button>
            </div>
          </Field>
          <Field label="Theme">
            <Select value={theme} onChange={(_, d) => setTheme(d.value as ThemeName)}>
              <option value="light">Light</option><option value="dark">Dark</option><option value="contrast">High contrast</option>
            </Select>
          </Field>
          <Field label="Platform" hint={`Handlers run in ${handlers.where}`}>
            <Select value={platform} onChange={(_, d) => switchPlatform(d.value)}>
              {(Object.keys(PLATFORMS) as FakePlatform[]).map((p) => <option key={p} value={p}>{PLATFORMS[p].label}</option>)}
            </Select>
          </Field>
          <Field label="Nested app auth">
            <Select defaultValue={fake.Office.context.requirements.isSetSupported('NestedAppAuth', '1.1') ? 'on' : 'off'}
              onChange={(_, d) => fake.setNestedAppAuth(d.value === 'on')}>
              <option value="on">NestedAppAuth 1.1</option><option value="off">Not supported (dialog sign-in)</option>
            </Select>
          </Field>
          <Field label="Outlook API level">
            <Select defaultValue="1.15" onChange={(_, d) => fake.setMailboxVersion(d.value as MailboxVersion)}>
              {(['1.12', '1.13', '1.14', '1.15'] as const).map((v) => <option key={v} value={v}>Mailbox {v}</option>)}
            </Select>
          </Field>
          <Text size={200}>Settings from {settingsLabel}</Text>
        </header>
        <div className={styles.bars} role="region" aria-label="Message notifications">
          {[...state.notifications.entries()].map(([key, n]) => (
            <MessageBar key={key} intent="info" data-key={key}>
              <MessageBarBody>{n.message}</MessageBarBody>
              {n.actions && n.actions.length > 0 && (
                <MessageBarActions>{n.actions.map((a) => <Button key={a.actionText} size="small" onClick={openPane}>{a.actionText}</Button>)}</MessageBarActions>
              )}
            </MessageBar>
          ))}
        </div>
        <div className={styles.work}>
          <main className={styles.compose} aria-label="New message">
            <Text as="p" block size={200}>
              You are {DEMO_USER.displayName} ({DEMO_USER.emailAddress}). To try: a parent, {DEMO_PARENT}; a colleague, {DEMO_COLLEAGUE};
              the pupil {DEMO_PUPIL.name}, UPN {DEMO_PUPIL.upn}.
            </Text>
            {FIELDS.map((f) => (
              <Field key={f} label={FIELD_LABEL[f]}>
                <Input value={text[f]} onChange={(_, d) => setText((t) => ({ ...t, [f]: d.value }))}
                  onBlur={() => commit(f)} onKeyDown={(e) => { if (e.key === 'Enter') commit(f); }} />
              </Field>
            ))}
            <Field label="Subject">
              <Input value={state.subject} onChange={(_, d) => { state.subject = d.value; setVersion((v) => v + 1); }} />
            </Field>
            <div className={styles.row}>
              <Text>{state.delayDeliveryTime ? `Delivery scheduled for ${formatLocalDateTime(state.delayDeliveryTime, tz)}` : 'Delivery: when sent'}</Text>
              {state.delayDeliveryTime !== 0 && <Button size="small" onClick={() => { state.delayDeliveryTime = 0; setVersion((v) => v + 1); }}>Clear schedule</Button>}
            </div>
            <div ref={bodyRef} className={styles.body} contentEditable role="textbox" aria-multiline="true" aria-label="Message body"
              tabIndex={0} suppressContentEditableWarning onInput={(e) => { state.bodyHtml = e.currentTarget.innerHTML; }} />
            <div>
              <label htmlFor="harness-attach"><Text>Attach files</Text></label>{' '}
              <input id="harness-attach" type="file" multiple onChange={(e) => void addFiles(e.currentTarget.files)} />
            </div>
            {state.attachments.length > 0 && (
              <ul aria-label="Attachments">{state.attachments.map((a) => (
                <li key={a.id} className={styles.row}>
                  <Text>{a.name} ({a.size} bytes)</Text>
                  <Button size="small" aria-label={`Remove ${a.name}`} onClick={() => removeAttachment(a.id)}>Remove</Button>
                </li>
              ))}</ul>
            )}
            <section aria-label="Sent items">
              <Text as="h2" block weight="semibold">Sent items</Text>
              {sent.length === 0 ? <Text as="p" block>Nothing sent yet.</Text> : (
                <ol>{sent.map((s, i) => <li key={i}><Text>To {s.to}: “{s.subject}”, delivered {s.deliverAt}</Text></li>)}</ol>
              )}
            </section>
          </main>
          {paneOpen && <iframe ref={paneRef} className={styles.pane} title="AUP Guard task pane" src="/outlook/taskpane.html?host=dev" />}
        </div>
        <Dialog open={officeDialog !== undefined} modalType="modal" onOpenChange={(_, d) => { if (!d.open) officeDialog?.closeByUser(); }}>
          <DialogSurface aria-label="Office dialog">
            <DialogBody>
              <DialogTitle>Office dialog</DialogTitle>
              <DialogContent>
                {officeDialog && <iframe className={styles.dialogFrame} title="Sign in – AUP Guard" src={officeDialog.url} />}
              </DialogContent>
              <DialogActions>
                <Button onClick={() => officeDialog?.closeByUser()}>Close</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
        <Dialog open={alert !== undefined} modalType="alert" onOpenChange={(_, d) => { if (!d.open) setAlert(undefined); }}>
          <DialogSurface aria-describedby="smart-alert-message">
            <DialogBody>
              <DialogTitle>AUP Guard</DialogTitle>
              <DialogContent id="smart-alert-message">{alert?.errorMessage}</DialogContent>
              {/* fluid: the actions span the whole row, so three buttons fit without wrapping their labels. */}
              <DialogActions fluid>
                {alert?.sendModeOverride === 'promptUser' && (
                  <Button appearance="primary" onClick={() => { setAlert(undefined); deliver(); }}>Send anyway</Button>
                )}
                <Button appearance={alert?.sendModeOverride === 'promptUser' ? 'secondary' : 'primary'} onClick={() => setAlert(undefined)}>Don&apos;t send</Button>
                {alert?.commandId && <Button onClick={() => { setAlert(undefined); openPane(); }}>{alert.cancelLabel ?? 'Open AUP Guard'}</Button>}
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </div>
    </FluentProvider>
  );
}
