// Publish the next policy version: Markdown in, sanitised preview out (the
// same renderer staff read with) beside "what changed" exactly as staff who
// signed the current version will see it, then Publish with a date to sign by.
// A later effective date makes the version upcoming until that day. Published
// versions are listed read-only; one can only be the starting text of a new one.
import { useEffect, useMemo, useState } from 'react';
import {
  Badge, Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles,
  MessageBar, MessageBarBody, Spinner, Tab, TabList, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Textarea, tokens,
} from '@fluentui/react-components';
import { ukToday, type PolicyVersion } from '../../graph/policies';
import { addDays, campaignOn, describeVersion } from '../../policy/index';
import { formatCalendarDate } from '../../ui/format';
import { renderPolicyMarkdown } from '../../ui/markdown';
import { AnnouncePanel } from '../manager/AnnouncePanel';
import { createManagerData } from '../manager/data';
import type { Session } from '../shell-types';
import { WhatChanged } from '../staff/WhatChanged';
import { publishVersion, validateDraft, type DraftErrors, type DraftInput } from './actions';
import { SettingsRepository, type StoredSettings } from '../../graph/settings';
import { reviewContactHours, settingsAfterReview, type HoursReview } from './policyHours';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  p: { margin: 0 },
  fields: {
    display: 'grid', gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'minmax(9rem, 12rem) minmax(14rem, 1fr) minmax(10rem, 12rem) minmax(10rem, 12rem)',
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: 'repeat(auto-fit, minmax(min(12rem, 100%), 1fr))' },
  },
  editor: {
    display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(min(22rem, 100%), 1fr))', alignItems: 'stretch',
  },
  // The field and its text area fill the editor's cell, however tall the preview beside it.
  textField: { display: 'flex', flexDirection: 'column', minHeight: '32rem' },
  textRoot: { flexGrow: 1, display: 'flex', maxHeight: 'none' },
  textArea: { flexGrow: 1, height: 'auto', minHeight: '30rem', maxHeight: 'none', fontFamily: tokens.fontFamilyMonospace, resize: 'vertical' },
  preview: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  pane: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM, height: '30rem', overflowY: 'auto', overflowWrap: 'anywhere',
    lineHeight: tokens.lineHeightBase300,
    // The policy's own headings, sized and spaced so they never run into each other.
    '& h1': { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, margin: `0 0 ${tokens.spacingVerticalM}` },
    '& h2': { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}` },
    '& h3, & h4': { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
    '& p, & ul, & ol': { marginBlock: tokens.spacingVerticalS },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  tableWrap: { overflowX: 'auto' },
  versions: { minWidth: '36rem' },
  badge: { whiteSpace: 'nowrap' },
});

const stateText = { current: 'In force', upcoming: 'Coming', earlier: 'Retired', draft: 'Draft' } as const;
const stateColour = { current: 'success', upcoming: 'brand', earlier: 'informative', draft: 'warning' } as const;

const systemClock = (): Date => new Date();

type Status = { kind: 'idle' } | { kind: 'publishing' } | { kind: 'done'; policy: PolicyVersion } | { kind: 'failed'; message: string };

export function PolicyPanel({ session, now = systemClock }: { session: Session; now?: () => Date }) {
  const styles = useStyles();
  const today = ukToday(now());
  const [versions, setVersions] = useState<PolicyVersion[] | null>(null);
  const [current, setCurrent] = useState<PolicyVersion | null>(null);
  const [draft, setDraft] = useState<DraftInput>({ version: '', title: '', effectiveDate: '', dueDate: addDays(today, 14), text: '' });
  const [errors, setErrors] = useState<DraftErrors>({});
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [previewTab, setPreviewTab] = useState<'policy' | 'changes'>('policy');
  const [reload, setReload] = useState(0);
  // The Outlook checks' hours beside the new version's contact-hours sentence (issue 11).
  const [hours, setHours] = useState<{ review: HoursReview; stored: StoredSettings | null; take: boolean } | null>(null);
  const [settingsNote, setSettingsNote] = useState<string | null>(null);
  const managerData = useMemo(() => createManagerData(session, now), [session, now]);

  useEffect(() => {
    let live = true;
    Promise.all([session.policies.list(), session.policies.current(today)]).then(([all, cur]) => {
      if (!live) return;
      setVersions(all);
      setCurrent(cur);
      // Start from the current text: a new version is usually an edit of the last one.
      setDraft((d) => (d.text === '' && cur?.text ? { ...d, title: cur.title, text: cur.text } : d));
    }, (e: unknown) => live && setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }));
    return () => { live = false; };
  }, [session, reload, today]);

  const preview = useMemo(() => renderPolicyMarkdown(draft.text).html, [draft.text]);
  const set = (field: keyof DraftInput) => (_: unknown, d: { value: string }) => {
    setDraft((x) => ({ ...x, [field]: d.value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const review = () => {
    const found = validateDraft(draft, versions ?? [], current, today);
    setErrors(found);
    if (!Object.values(found).every((v) => v === undefined)) return;
    setHours(null);
    setSettingsNote(null);
    setConfirming(true);
    new SettingsRepository(session.lists).read().then(
      (stored) => setHours({ review: reviewContactHours(draft.text, draft.version.trim(), stored?.settings ?? null), stored, take: true }),
      (e: unknown) => setSettingsNote(`The Outlook settings could not be read, so they are left as they are: ${e instanceof Error ? e.message : String(e)}`),
    );
  };

  const publish = async () => {
    setConfirming(false);
    setStatus({ kind: 'publishing' });
    try {
      const published = await publishVersion(session.policies, draft, today);
      setStatus({ kind: 'done', policy: published });
      if (hours) {
        // In the same step: the settings record the version they were reviewed against, with the policy's hours if chosen.
        await new SettingsRepository(session.lists).write(settingsAfterReview(hours.stored?.settings ?? null, hours.review, hours.take), hours.stored?.eTag ?? null).then(
          () => setSettingsNote(hours.review.differs && hours.take && hours.review.policyHours
            ? `The Outlook checks now allow contact ${hours.review.policyHours.start}–${hours.review.policyHours.end}, as version ${published.version} says.`
            : `The Outlook settings are recorded as reviewed against version ${published.version}.`),
          (e: unknown) => setSettingsNote(`Version ${published.version} is published, but the Outlook settings were not updated: ${e instanceof Error ? e.message : String(e)}. Change them under Outlook checks.`),
        );
      }
      setDraft((d) => ({ ...d, version: '', effectiveDate: '' }));
      setReload((n) => n + 1);
    } catch (e) {
      setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  if (!versions) return status.kind === 'failed'
    ? <MessageBar intent="error"><MessageBarBody>{status.message}</MessageBarBody></MessageBar>
    : <Spinner label="Loading policy versions…" />;

  const err = (field: keyof DraftInput) => (errors[field] ? { validationState: 'error' as const, validationMessage: errors[field] } : {});
  const state = campaignOn(versions, today);
  const stateOf = (v: PolicyVersion): keyof typeof stateText =>
    v.status === 'Draft' ? 'draft' : state.current?.version === v.version ? 'current' : state.upcoming?.version === v.version ? 'upcoming' : 'earlier';
  const label = draft.version.trim();
  const later = draft.effectiveDate !== '' && draft.effectiveDate > today;

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="adm-versions">
        <h2 id="adm-versions" className={styles.h2}>Policy versions</h2>
        <div className={styles.tableWrap}>
          <Table className={styles.versions} aria-label="Policy versions" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Version</TableHeaderCell>
                <TableHeaderCell>Title</TableHeaderCell>
                <TableHeaderCell>In force from</TableHeaderCell>
                <TableHeaderCell>Sign by</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {versions.map((v) => (
                <TableRow key={v.itemId}>
                  <TableCell>{describeVersion(v.version)}</TableCell>
                  <TableCell>{v.title}</TableCell>
                  <TableCell>{v.effectiveDate ? formatCalendarDate(v.effectiveDate) : '—'}</TableCell>
                  <TableCell>{v.dueDate ? formatCalendarDate(v.dueDate) : '—'}</TableCell>
                  <TableCell><Badge className={styles.badge} appearance="tint" color={stateColour[stateOf(v)]}>{stateText[stateOf(v)]}</Badge></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="adm-new">
        <h2 id="adm-new" className={styles.h2}>Publish a new version</h2>
        <p className={styles.p}>
          Published versions are never edited. Publishing replaces {current ? `version ${describeVersion(current.version)}` : 'the version in force'} on
          its effective date (at once if it has none); everyone must then sign again by the date you give. Staff can sign a version before it comes into force.
        </p>
        {status.kind === 'done' ? (
          <>
            <MessageBar intent="success">
              <MessageBarBody>
                {status.policy.effectiveDate && status.policy.effectiveDate > today
                  ? `Version ${describeVersion(status.policy.version)} is published and comes into force on ${formatCalendarDate(status.policy.effectiveDate)}. Staff can sign it now.`
                  : `Version ${describeVersion(status.policy.version)} is now current. Staff will be asked to sign it.`}
              </MessageBarBody>
            </MessageBar>
            <AnnouncePanel data={managerData} policy={status.policy} staffCount={null} />
          </>
        ) : null}
        {status.kind === 'failed' ? <MessageBar intent="error"><MessageBarBody>Not published: {status.message}</MessageBarBody></MessageBar> : null}
        {settingsNote && !confirming ? <MessageBar intent="info"><MessageBarBody data-testid="policy-hours-result">{settingsNote}</MessageBarBody></MessageBar> : null}
        <div className={styles.fields}>
          <Field label="Version label" required hint='For example "2026-12"' {...err('version')}>
            <Input value={draft.version} onChange={set('version')} />
          </Field>
          <Field label="Title" required {...err('title')}>
            <Input value={draft.title} onChange={set('title')} />
          </Field>
          <Field label="In force from" hint="Empty: as soon as it is published" {...err('effectiveDate')}>
            <Input type="date" value={draft.effectiveDate} onChange={set('effectiveDate')} />
          </Field>
          <Field label="Sign by" required {...err('dueDate')}>
            <Input type="date" value={draft.dueDate} onChange={set('dueDate')} />
          </Field>
        </div>
        <div className={styles.editor}>
          <Field className={styles.textField} label="Policy text (Markdown)" required {...err('text')}>
            <Textarea className={styles.textRoot} textarea={{ className: styles.textArea }} resize="vertical" value={draft.text} onChange={set('text')} />
          </Field>
          <section className={styles.preview} aria-labelledby="adm-preview">
            <h3 id="adm-preview" className={styles.h3}>Preview: what staff will see</h3>
            <TabList selectedValue={previewTab} onTabSelect={(_, d) => setPreviewTab(d.value as 'policy' | 'changes')} aria-label="Preview">
              <Tab value="policy">The policy</Tab>
              <Tab value="changes">What changed</Tab>
            </TabList>
            {previewTab === 'policy' ? (
              <div className={styles.pane} role="region" aria-label="Preview of the policy" tabIndex={0} dangerouslySetInnerHTML={{ __html: preview }} />
            ) : (
              <div className={styles.pane} role="region" aria-label="Preview of what changed" tabIndex={0} data-testid="preview-changes">
                {current?.text !== undefined ? (
                  <WhatChanged level={3} previousVersion={current.version} previousText={current.text} currentVersion={label} currentText={draft.text}
                    comesIntoForce={later ? draft.effectiveDate : null} />
                ) : <p className={styles.p}>There is no version in force to compare with: staff will see the whole text.</p>}
              </div>
            )}
          </section>
        </div>
        <div>
          <Button appearance="primary" disabled={status.kind === 'publishing'} onClick={review}>
            {status.kind === 'publishing' ? 'Publishing…' : 'Publish'}
          </Button>
        </div>
      </section>

      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Publish version {describeVersion(label)}?</DialogTitle>
            <DialogContent>
              <p className={styles.p}>{later
                ? `It comes into force on ${formatCalendarDate(draft.effectiveDate)}${current ? `; until then version ${describeVersion(current.version)} stays in force` : ''}. Staff can sign it from now, and must by ${formatCalendarDate(draft.dueDate)}.`
                : `It becomes the current policy at once${current ? ` and version ${describeVersion(current.version)} is retired` : ''}. Every member of staff will need to sign it by ${formatCalendarDate(draft.dueDate)}.`}
              {' '}This cannot be undone; a later change needs another new version.</p>
              {hours?.review.differs && hours.review.policyHours ? (
                <section aria-label="Contact hours">
                  <Table size="small" aria-label="Contact hours: the policy and the Outlook checks">
                    <TableHeader><TableRow><TableHeaderCell>Version {hours.review.version} says</TableHeaderCell><TableHeaderCell>The Outlook checks allow</TableHeaderCell></TableRow></TableHeader>
                    <TableBody><TableRow>
                      <TableCell>“{hours.review.sentence}” ({hours.review.policyHours.start}–{hours.review.policyHours.end})</TableCell>
                      <TableCell>{hours.review.settingsHours.start}–{hours.review.settingsHours.end}</TableCell>
                    </TableRow></TableBody>
                  </Table>
                  <Checkbox checked={hours.take} onChange={(_, d) => setHours({ ...hours, take: d.checked === true })}
                    label={`Change the Outlook checks to ${hours.review.policyHours.start}–${hours.review.policyHours.end} when publishing`} />
                  {!hours.take ? <p>The checks keep {hours.review.settingsHours.start}–{hours.review.settingsHours.end}, so Outlook will enforce different hours from the policy staff sign. Say why to whoever asks, or change them later under Outlook checks.</p> : null}
                </section>
              ) : null}
              {hours && hours.review.sentence === null ? <p>This version has no sentence on contact hours; the Outlook checks keep {hours.review.settingsHours.start}–{hours.review.settingsHours.end}.</p> : null}
              {hours && hours.review.sentence !== null && !hours.review.policyHours ? <p>AUP Guard cannot read the hours in this version&apos;s contact-hours sentence (“{hours.review.sentence}”); check the Outlook checks&apos; {hours.review.settingsHours.start}–{hours.review.settingsHours.end} by hand.</p> : null}
              {settingsNote ? <p>{settingsNote}</p> : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirming(false)}>Cancel</Button>
              <Button appearance="primary" disabled={!hours && !settingsNote} onClick={() => void publish()}>Publish version {describeVersion(label)}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
