// Publish the next policy version: Markdown in, sanitised preview out (the
// same renderer staff read with), then Publish. Published versions are listed
// read-only; one can only be used as the starting text of a new version.
import { useEffect, useMemo, useState } from 'react';
import {
  Badge, Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles,
  MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Textarea, tokens,
} from '@fluentui/react-components';
import type { PolicyVersion } from '../../graph/policies';
import { renderPolicyMarkdown } from '../../ui/markdown';
import type { Session } from '../shell-types';
import { publishVersion, validateDraft, type DraftErrors, type DraftInput } from './actions';
import { SettingsRepository, type StoredSettings } from '../../graph/settings';
import { reviewContactHours, settingsAfterReview, type HoursReview } from './policyHours';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  editor: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))', gap: tokens.spacingHorizontalL },
  text: { minHeight: '24rem', fontFamily: tokens.fontFamilyMonospace },
  preview: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM, maxHeight: '30rem', overflowY: 'auto',
  },
});

const statusColour = { Current: 'success', Retired: 'informative', Draft: 'warning' } as const;

export function PolicyPanel({ session }: { session: Session }) {
  const styles = useStyles();
  const [versions, setVersions] = useState<PolicyVersion[] | null>(null);
  const [current, setCurrent] = useState<PolicyVersion | null>(null);
  const [draft, setDraft] = useState<DraftInput>({ version: '', title: '', effectiveDate: '', text: '' });
  const [errors, setErrors] = useState<DraftErrors>({});
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<{ kind: 'idle' } | { kind: 'publishing' } | { kind: 'done'; version: string } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const [reload, setReload] = useState(0);
  // The Outlook checks' hours beside the new version's contact-hours sentence (issue 11).
  const [hours, setHours] = useState<{ review: HoursReview; stored: StoredSettings | null; take: boolean } | null>(null);
  const [settingsNote, setSettingsNote] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([session.policies.list(), session.policies.current()]).then(([all, cur]) => {
      if (!live) return;
      setVersions(all);
      setCurrent(cur);
      // Start from the current text: a new version is usually an edit of the last one.
      setDraft((d) => (d.text === '' && cur?.text ? { ...d, title: cur.title, text: cur.text } : d));
    }, (e: unknown) => live && setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }));
    return () => { live = false; };
  }, [session, reload]);

  const preview = useMemo(() => renderPolicyMarkdown(draft.text).html, [draft.text]);
  const set = (field: keyof DraftInput) => (_: unknown, d: { value: string }) => {
    setDraft((x) => ({ ...x, [field]: d.value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const review = () => {
    const found = validateDraft(draft, versions ?? [], current);
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
      const published = await publishVersion(session.policies, draft);
      setStatus({ kind: 'done', version: published.version });
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

  return (
    <div className={styles.root}>
      <section aria-labelledby="adm-versions">
        <h2 id="adm-versions">Policy versions</h2>
        <Table aria-label="Policy versions" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Version</TableHeaderCell>
              <TableHeaderCell>Title</TableHeaderCell>
              <TableHeaderCell>Effective</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {versions.map((v) => (
              <TableRow key={v.itemId}>
                <TableCell>{v.version}</TableCell>
                <TableCell>{v.title}</TableCell>
                <TableCell>{v.effectiveDate ?? '—'}</TableCell>
                <TableCell><Badge appearance="tint" color={statusColour[v.status]}>{v.status}</Badge></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <section aria-labelledby="adm-new">
        <h2 id="adm-new">Publish a new version</h2>
        <p>Published versions are never edited. Publishing makes this text current and retires {current ? `version ${current.version}` : 'the previous version'}; everyone must then sign again.</p>
        {status.kind === 'done' ? <MessageBar intent="success"><MessageBarBody>Version {status.version} is now current. Staff will be asked to sign it.</MessageBarBody></MessageBar> : null}
        {status.kind === 'failed' ? <MessageBar intent="error"><MessageBarBody>Not published: {status.message}</MessageBarBody></MessageBar> : null}
        {settingsNote && !confirming ? <MessageBar intent="info"><MessageBarBody data-testid="policy-hours-result">{settingsNote}</MessageBarBody></MessageBar> : null}
        <div className={styles.row}>
          <Field label="Version label" required hint='For example "2025-09"' {...err('version')}>
            <Input value={draft.version} onChange={set('version')} />
          </Field>
          <Field label="Title" required {...err('title')}>
            <Input value={draft.title} onChange={set('title')} />
          </Field>
          <Field label="Effective date" {...err('effectiveDate')}>
            <Input type="date" value={draft.effectiveDate} onChange={set('effectiveDate')} />
          </Field>
        </div>
        <div className={styles.editor}>
          <Field label="Policy text (Markdown)" required {...err('text')}>
            <Textarea className={styles.text} resize="vertical" value={draft.text} onChange={set('text')} />
          </Field>
          <div>
            <h3 id="adm-preview">Preview</h3>
            <div className={styles.preview} role="region" aria-labelledby="adm-preview" tabIndex={0} dangerouslySetInnerHTML={{ __html: preview }} />
          </div>
        </div>
        <Button appearance="primary" disabled={status.kind === 'publishing'} onClick={review}>
          {status.kind === 'publishing' ? 'Publishing…' : 'Publish'}
        </Button>
      </section>

      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Publish version {draft.version.trim()}?</DialogTitle>
            <DialogContent>
              <p>It becomes the current policy at once{current ? ` and version ${current.version} is retired` : ''}. Every member of staff will need to sign it. This cannot be undone; a later change needs another new version.</p>
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
              <Button appearance="primary" disabled={!hours && !settingsNote} onClick={() => void publish()}>Publish version {draft.version.trim()}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
