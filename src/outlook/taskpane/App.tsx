// The compose task pane: the live check, each reason with its policy clause
// and masked evidence, one-click fixes, and the settings cache's freshness.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Body1, Button, Caption1, Card, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle,
  Spinner, Subtitle1, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import type { AttachmentNote, Fix, ResolvedSettings } from '../../compose-check';
import { describeAttachmentNote, formatLocalDateTime } from '../../compose-check';
import { CACHE_TTL_DAYS } from '../cache/settings-cache';
import type { DataState } from '../cache/resolve';
import { TITLES, type Citation, type PresentedReason } from '../present/plan';
import { FLUENT_THEMES } from '../../ui/theme';
import { officeCall } from '../office/async';
import { composeItem } from '../office/draft';
import { hostSupportsMailbox } from '../office/requirements';
import { applyFix, canApply } from './fixes';
import type { PaneHost } from './host';
import { themeFromOffice } from './theme';
import { useDraftCheck } from './useDraftCheck';

const useStyles = makeStyles({
  root: { minHeight: '100vh', padding: tokens.spacingHorizontalM, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  reason: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  clause: { borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalS, margin: 0 },
  evidence: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  fixes: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  heading: { display: 'block', margin: 0 },
  footer: { marginTop: 'auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

function useForcedColors(): boolean {
  const query = '(forced-colors: active)';
  const [forced, setForced] = useState(() => window.matchMedia?.(query).matches ?? false);
  useEffect(() => {
    const mql = window.matchMedia?.(query);
    const listener = (e: MediaQueryListEvent) => setForced(e.matches);
    mql?.addEventListener('change', listener);
    return () => mql?.removeEventListener('change', listener);
  }, []);
  return forced;
}

function useOfficeTheme(office: typeof Office): Office.OfficeTheme | undefined {
  const read = () => { try { return office.context.officeTheme; } catch { return undefined; } };
  const [theme, setTheme] = useState(read);
  useEffect(() => {
    officeCall<void>('mailbox.addHandlerAsync', (cb) =>
      office.context.mailbox.addHandlerAsync(office.EventType.OfficeThemeChanged, () => setTheme(read()), cb))
      .catch(() => undefined); // hosts before 1.14 keep the theme they opened with
  }, [office]);
  return theme;
}

function useLabelNames(office: typeof Office): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!hostSupportsMailbox(office)('1.13')) return;
    const catalog = office.context.sensitivityLabelsCatalog;
    officeCall<Office.SensitivityLabelDetails[]>('sensitivityLabelsCatalog.getAsync', (cb) => catalog.getAsync(cb))
      .then((labels) => {
        const map = new Map<string, string>();
        const walk = (ls: readonly Office.SensitivityLabelDetails[]) => ls.forEach((l) => { map.set(l.id.toLowerCase(), l.name); walk(l.children ?? []); });
        walk(labels);
        setNames(map);
      })
      .catch(() => undefined); // no catalog: buttons fall back to "the encrypting label"
  }, [office]);
  return names;
}

function fixLabel(fix: Fix, settings: ResolvedSettings, labelNames: ReadonlyMap<string, string>): string {
  switch (fix.kind) {
    case 'apply-label': return `Apply label “${labelNames.get(fix.labelId.toLowerCase()) ?? 'the encrypting label'}”`;
    case 'add-subject-tag': return `Add ${fix.tag} to the subject`;
    case 'schedule': return `Schedule for ${formatLocalDateTime(fix.at, settings.timeZone)}`;
    case 'remove-recipient': return `Remove ${fix.email}`;
    case 'move-to-bcc': return `Move ${fix.emails.length} addresses to Bcc`;
  }
}

/** The policy's own words for a reason, from the version in force; or that the version has none. */
function citationText(c: Citation): string {
  if (c.kind === 'missing') return `The policy in force (version ${c.version}) has no clause on this; the school's settings still ask for it.`;
  return `Policy${c.version ? ` ${c.version}` : ''}, ${c.section}: “${c.quote}”`;
}

/** What the check is running on, in a sentence: the pane says when that is the defaults. */
function dataText(data: DataState, settings: ResolvedSettings): string {
  const hours = `Contact hours: ${settings.permittedHours.start}–${settings.permittedHours.end}${settings.days.length < 7 ? ` on ${settings.days.join(', ')}` : ''}.`;
  switch (data.kind) {
    case 'fresh': {
      const when = formatLocalDateTime(new Date(data.record.savedAt), settings.timeZone);
      const policy = data.record.policy ? ` Policy version ${data.record.policy.version}.` : '';
      const roster = data.record.sendCheck ? '' : ' No pupil or parent list is saved: the school has not imported contacts yet, or they did not fit here.';
      return `School settings refreshed ${when}.${policy} ${hours}${roster}`;
    }
    case 'expired':
      return `Running on safe defaults: the school settings saved here on ${formatLocalDateTime(new Date(data.record.savedAt), settings.timeZone)} are more than ${CACHE_TTL_DAYS} days old. Refresh them.`;
    case 'none':
      return 'No school settings saved yet: running on safe defaults (your own domain counts as the school). Refresh them.';
  }
}

/** Protected attachments, and ones not (fully) checked, each in a sentence; the ones that matter most first. */
function AttachmentNotes({ notes }: { readonly notes: readonly AttachmentNote[] }) {
  const styles = useStyles();
  const order = { unreadable: 0, protected: 1, skipped: 2 } as const;
  const sorted = [...notes].sort((a, b) => order[a.kind] - order[b.kind]);
  return (
    <section aria-labelledby="aup-attachments" className={styles.reason}>
      <Text as="h2" weight="semibold" size={300} id="aup-attachments" className={styles.heading}>Attachments</Text>
      <ul className={styles.evidence}>
        {sorted.map((n) => (
          <li key={`${n.kind}:${n.name}`}>
            <Body1>{describeAttachmentNote(n)}</Body1>
            {n.kind === 'protected' && <Caption1 as="p" block>Its contents count as protected, as encrypted mail does.</Caption1>}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface Notice {
  readonly intent: 'success' | 'warning' | 'error';
  readonly text: string;
  /** Only checks from this run on saw the draft after the action. */
  readonly afterRun: number;
  /** The draft the notice is about, once a check has seen it. */
  readonly draftKey?: string;
}

export function App({ host }: { readonly host: PaneHost }) {
  const styles = useStyles();
  const theme = themeFromOffice(useOfficeTheme(host.office), useForcedColors());
  const { check, recheck, nextRunId } = useDraftCheck(host);
  const labelNames = useLabelNames(host.office);
  const supports = useMemo(() => hostSupportsMailbox(host.office), [host]);
  const [busy, setBusy] = useState<string | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();

  // A notice is about the draft as it was just after the action: the first
  // check that starts after it records that draft, and any later change
  // (another recipient, an edit, a different item) clears the notice.
  useEffect(() => {
    if (!notice || check.status !== 'ready' || check.runId < notice.afterRun) return;
    if (notice.draftKey === undefined) setNotice({ ...notice, draftKey: check.draftKey });
    else if (notice.draftKey !== check.draftKey) setNotice(undefined);
  }, [check, notice]);
  const say = useCallback((intent: Notice['intent'], text: string) => setNotice({ intent, text, afterRun: nextRunId() }), [nextRunId]);

  const onFix = useCallback(async (fix: Fix, label: string) => {
    setBusy(label);
    setNotice(undefined);
    try {
      await applyFix(composeItem(host.office), fix);
      say('success', `Done: ${label.charAt(0).toLowerCase()}${label.slice(1)}.`);
    } catch (error) {
      say('error', `That fix could not be applied: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(undefined);
      recheck();
    }
  }, [host, recheck, say]);

  const onRefresh = useCallback(async () => {
    if (!host.settingsSource) return;
    setBusy('refresh');
    setNotice(undefined);
    try {
      const summary = await host.settingsSource.refresh(true);
      const notes = [
        summary.hasContacts ? '' : 'No contacts have been imported yet, so parents and pupils are not known.',
        ...summary.problems.map((p) => `Not saved: ${p}.`),
      ].filter(Boolean);
      say(notes.length > 0 ? 'warning' : 'success', ['School settings refreshed.', ...notes].join(' '));
    } catch (error) {
      say('error', `The school settings could not be refreshed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(undefined);
      recheck();
    }
  }, [host, recheck, say]);

  return (
    // Layout sits one level in: Fluent copies the provider's className onto every portal's mount node.
    <FluentProvider theme={FLUENT_THEMES[theme]}>
      <div className={styles.root}>
        <header>
          <Subtitle1 as="h1" block>AUP Guard</Subtitle1>
          <Caption1 as="p" block>Checks this message against the school&apos;s Acceptable Use Policy.</Caption1>
        </header>
        <main aria-busy={check.status === 'checking'} className={styles.reason}>
          <div role="status" aria-live="polite">
            {check.status === 'checking' && <Spinner size="tiny" label="Checking this message…" />}
            {check.status === 'error' && (
              <MessageBar intent="error"><MessageBarBody><MessageBarTitle>The check could not run.</MessageBarTitle>{check.message}</MessageBarBody></MessageBar>
            )}
            {check.status === 'ready' && check.decision.reasons.length === 0 && (
              check.decision.attachments.some((n) => n.kind === 'unreadable')
                ? <MessageBar intent="success"><MessageBarBody>No problems found in what AUP Guard could read: check the attachments below yourself.</MessageBarBody></MessageBar>
                : <MessageBar intent="success"><MessageBarBody>No problems found: this message meets the school&apos;s email policy.</MessageBarBody></MessageBar>
            )}
            {check.status === 'ready' && check.decision.reasons.length > 0 && (
              <Text>{check.decision.reasons.length === 1 ? 'One thing to fix before sending.' : `${check.decision.reasons.length} things to fix before sending.`}</Text>
            )}
            {notice && <MessageBar intent={notice.intent}><MessageBarBody>{notice.text}</MessageBarBody></MessageBar>}
          </div>
          {check.status === 'ready' && check.presented.map((reason: PresentedReason) => (
            <Card key={reason.code} className={styles.reason} role="group" aria-labelledby={`reason-${reason.code}`}>
              <MessageBar intent={reason.severity === 'block' ? 'error' : reason.severity === 'info' ? 'info' : 'warning'} layout="multiline">
                <MessageBarBody>
                  <Text as="h2" weight="semibold" size={300} id={`reason-${reason.code}`} className={styles.heading}>
                    {TITLES[reason.code]}{reason.severity === 'block' ? ' (must be fixed to send)' : ''}
                  </Text>
                  <Body1 as="p" block>{reason.message}</Body1>
                </MessageBarBody>
              </MessageBar>
              {reason.code !== 'outside-hours' && !reason.coveredBy && check.decision.findings.length > 0 && (
                <section aria-label="What was found">
                  <Caption1 as="p" block>What was found (masked):</Caption1>
                  <ul className={styles.evidence}>
                    {check.decision.findings.map((f, i) => <li key={i}><Caption1>{f.evidence}</Caption1></li>)}
                  </ul>
                </section>
              )}
              <blockquote className={styles.clause} cite="#policy">
                <Caption1 as="p" block>{citationText(reason.citation)}</Caption1>
              </blockquote>
              {reason.fixes.length > 0 && (
                <div className={styles.fixes}>
                  {reason.fixes.map((fix) => {
                    const label = fixLabel(fix, check.settings, labelNames);
                    return (
                      <Button key={label} appearance="primary" disabled={busy !== undefined || !canApply(fix, supports)} onClick={() => void onFix(fix, label)}>
                        {busy === label ? 'Applying…' : label}
                      </Button>
                    );
                  })}
                </div>
              )}
            </Card>
          ))}
          {check.status === 'ready' && check.decision.attachments.length > 0 && <AttachmentNotes notes={check.decision.attachments} />}
        </main>
        <footer className={styles.footer}>
          {check.status === 'ready' && check.data.kind !== 'fresh' ? (
            <MessageBar intent="warning"><MessageBarBody>{dataText(check.data, check.settings)}</MessageBarBody></MessageBar>
          ) : (
            <Caption1 as="p" block>{check.status === 'ready' ? dataText(check.data, check.settings) : ''}</Caption1>
          )}
          {host.settingsSource?.signIn?.() === 'dialog' && <Caption1 as="p" block>Refreshing opens a sign-in window.</Caption1>}
          {host.settingsSource && (
            <Button appearance="secondary" disabled={busy !== undefined} onClick={() => void onRefresh()}>
              {busy === 'refresh' ? 'Refreshing…' : `Refresh settings from ${host.settingsSource.label}`}
            </Button>
          )}
        </footer>
      </div>
    </FluentProvider>
  );
}
