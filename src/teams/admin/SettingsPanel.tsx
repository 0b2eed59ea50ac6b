// The compose-check settings form. Every value is checked by the engine's own
// schema (so the form and the Outlook checks can never disagree), errors sit
// at their field, and saving first shows what would change, then writes with
// the eTag read at load so two admins cannot silently overwrite each other.
// After a save that is refused, a summary at the top lists every problem,
// each linking to its field, and takes the focus (issue 14).
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Link, makeStyles,
  MessageBar, MessageBarBody, Select, Spinner, Text, Textarea, tokens,
} from '@fluentui/react-components';
import { DAY_NAMES, REASON_CODES, SUPPORTED_TIME_ZONES, type Settings, type Severity } from '../../compose-check';
import { GraphRequestError, StoreError } from '../../graph/errors';
import { SettingsRepository } from '../../graph/settings';
import type { Session } from '../shell-types';
import {
  FIELD_LABELS, bareTagsWarning, formFromSettings, formNotices, settingsChanges, validateForm,
  type FieldErrors, type FieldName, type SettingChange, type SettingsFormValues,
} from './settingsForm';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))', gap: tokens.spacingHorizontalL },
  days: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, border: 'none', padding: 0, margin: 0 },
  legend: { width: '100%', fontWeight: tokens.fontWeightSemibold, paddingBlockEnd: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
  changes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  summary: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`, borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
    '& ul': { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  },
  summaryTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/** The id of each field's control, so the error summary can link to it. */
const controlId = (field: FieldName | 'confirmTags'): string => `adm-set-${field.replace(/\./g, '-')}`;

interface SummaryItem {
  readonly field: FieldName | 'confirmTags';
  readonly label: string;
  readonly message: string;
}

const DAY_LABELS: Record<(typeof DAY_NAMES)[number], string> = { Sun: 'Sunday', Mon: 'Monday', Tue: 'Tuesday', Wed: 'Wednesday', Thu: 'Thursday', Fri: 'Friday', Sat: 'Saturday' };
// Monday first, as a UK school timetable reads.
const WEEK = [...DAY_NAMES.slice(1), DAY_NAMES[0]];
const SEVERITY_TEXT: Record<Severity, string> = { off: 'Off', warn: 'Warn (the sender may go ahead)', block: 'Block (the message is not sent)' };

type Loaded = { settings: Settings | null; eTag: string | null };

function describeChange(c: SettingChange): string {
  if (c.added || c.removed) {
    const parts = [...(c.added ?? []).map((a) => `added ${a}`), ...(c.removed ?? []).map((r) => `removed ${r}`)];
    return `${c.label}: ${parts.join('; ')}`;
  }
  return `${c.label}: ${c.before} → ${c.after}`;
}

export function SettingsPanel({ session }: { session: Session }) {
  const styles = useStyles();
  const repo = useMemo(() => new SettingsRepository(session.lists), [session]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [values, setValues] = useState<SettingsFormValues | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [confirmBareTags, setConfirmBareTags] = useState(false);
  const [summary, setSummary] = useState<readonly SummaryItem[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [otherErrors, setOtherErrors] = useState<readonly string[]>([]);
  const [review, setReview] = useState<{ changes: SettingChange[]; settings: Settings } | null>(null);
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'unchanged' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    repo.read().then((stored) => {
      if (!live) return;
      const l = { settings: stored?.settings ?? null, eTag: stored?.eTag ?? null };
      setLoaded(l);
      setValues(formFromSettings(l.settings));
      setErrors({});
    }, (e: unknown) => live && setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }));
    return () => { live = false; };
  }, [repo, reload]);

  if (!loaded || !values) return status.kind === 'failed'
    ? <MessageBar intent="error"><MessageBarBody>{status.message}</MessageBarBody></MessageBar>
    : <Spinner label="Loading settings…" />;

  const notices = formNotices(values);
  // Bare tags the school already saved were confirmed then; only new ones need a yes.
  const newBareTags = notices.bareTags.filter((t) => !(loaded.settings?.encryption?.subjectTags ?? []).includes(t));
  const update = (patch: Partial<SettingsFormValues>, field: FieldName) => {
    setValues({ ...values, ...patch });
    setErrors((e) => ({ ...e, [field]: undefined }));
    if (field === 'subjectTags') setConfirmBareTags(false);
    if (status.kind !== 'idle') setStatus({ kind: 'idle' });
  };
  const fieldProps = (field: FieldName, warning?: string) => {
    const list = errors[field];
    return {
      label: FIELD_LABELS[field],
      ...(list && list.length > 0 ? { validationState: 'error' as const, validationMessage: list.join(' · ') }
        : warning ? { validationState: 'warning' as const, validationMessage: warning } : {}),
    };
  };
  const text = (field: 'hoursStart' | 'hoursEnd') => (
    <Field {...fieldProps(field)}>
      <Input id={controlId(field)} type="time" value={values[field]} onChange={(_, d) => update({ [field]: d.value }, field)} />
    </Field>
  );
  const list = (field: 'schoolDomains' | 'pupilDomains' | 'webmailDomains' | 'labelIds' | 'subjectTags', hint: string, warning?: string) => (
    <Field {...fieldProps(field, warning)} hint={hint}>
      <Textarea id={controlId(field)} value={values[field]} resize="vertical" onChange={(_, d) => update({ [field]: d.value }, field)} />
    </Field>
  );

  const onReview = () => {
    const result = validateForm(values, loaded.settings);
    const items: SummaryItem[] = result.ok ? [] : (Object.entries(result.fieldErrors) as [FieldName, string[] | undefined][])
      .flatMap(([field, messages]) => (messages ?? []).map((message) => ({ field, label: FIELD_LABELS[field], message })));
    if (newBareTags.length > 0 && !confirmBareTags) {
      items.push({ field: 'confirmTags', label: FIELD_LABELS.subjectTags, message: 'put the tags in brackets, or confirm that any subject containing them counts as encrypted' });
    }
    // In the order the fields appear, as the form reads.
    const order = (Object.keys(FIELD_LABELS) as FieldName[]).flatMap((f) => (f === 'subjectTags' ? [f, 'confirmTags' as const] : [f]));
    items.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
    if (!result.ok || items.length > 0) {
      setErrors(result.ok ? {} : result.fieldErrors);
      setOtherErrors(result.ok ? [] : result.otherErrors);
      setSummary(items);
      setStatus({ kind: 'idle' });
      // After the render that shows it: the summary takes the focus, so keyboard and screen-reader users start there.
      setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    setSummary([]);
    setErrors({});
    setOtherErrors([]);
    const changes = settingsChanges(formFromSettings(loaded.settings), values);
    if (changes.length === 0) setStatus({ kind: 'unchanged' });
    else setReview({ changes, settings: result.settings });
  };

  const save = async (settings: Settings) => {
    setReview(null);
    setStatus({ kind: 'saving' });
    try {
      const saved = await repo.write(settings, loaded.eTag);
      setLoaded({ settings: saved.settings, eTag: saved.eTag });
      setValues(formFromSettings(saved.settings));
      setStatus({ kind: 'saved' });
    } catch (e) {
      const message = e instanceof GraphRequestError && e.status === 412
        ? 'Someone else saved the settings since you opened them. Reload to see their changes, then make yours again.'
        : e instanceof StoreError && e.details.length > 0 ? `${e.message}: ${e.details.join('; ')}` : e instanceof Error ? e.message : String(e);
      setStatus({ kind: 'failed', message });
    }
  };

  return (
    <form className={styles.form} aria-labelledby="adm-settings" noValidate onSubmit={(e) => { e.preventDefault(); onReview(); }}>
      <h2 id="adm-settings">Outlook checks</h2>
      {summary.length > 0 ? (
        <div ref={summaryRef} className={styles.summary} tabIndex={-1} role="alert" aria-labelledby="adm-settings-problems" data-testid="error-summary">
          <h3 id="adm-settings-problems" className={styles.summaryTitle}>
            {summary.length === 1 ? 'There is a problem' : `There are ${summary.length} problems`} with these settings. Nothing has been saved.
          </h3>
          <ul>
            {summary.map((item) => (
              <li key={`${item.field}-${item.message}`}>
                <Link href={`#${controlId(item.field)}`} onClick={(e) => { e.preventDefault(); document.getElementById(controlId(item.field))?.focus(); }}>
                  {item.label}: {item.message}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {status.kind === 'saved' ? <MessageBar intent="success"><MessageBarBody>Settings saved. Outlook picks them up the next time it checks a message.</MessageBarBody></MessageBar> : null}
      {status.kind === 'unchanged' ? <MessageBar intent="info"><MessageBarBody>Nothing has changed, so there is nothing to save.</MessageBarBody></MessageBar> : null}
      {status.kind === 'failed' ? (
        <MessageBar intent="error"><MessageBarBody>Not saved: {status.message} <Button size="small" onClick={() => setReload((n) => n + 1)}>Reload</Button></MessageBarBody></MessageBar>
      ) : null}
      {otherErrors.length > 0 ? <MessageBar intent="error"><MessageBarBody>Stored settings this form does not show are invalid: {otherErrors.join('; ')}</MessageBarBody></MessageBar> : null}

      <h3>When staff may contact parents and pupils</h3>
      <div className={styles.grid}>
        <Field {...fieldProps('timeZone')}>
          <Select id={controlId('timeZone')} value={values.timeZone} onChange={(_, d) => update({ timeZone: d.value }, 'timeZone')}>
            {SUPPORTED_TIME_ZONES.map((z) => <option key={z} value={z}>{z}</option>)}
          </Select>
        </Field>
        {text('hoursStart')}
        {text('hoursEnd')}
      </div>
      <fieldset className={styles.days} aria-describedby={errors.days ? 'adm-days-error' : undefined}>
        <legend className={styles.legend}>{FIELD_LABELS.days}</legend>
        {WEEK.map((d, i) => (
          <Checkbox
            key={d}
            {...(i === 0 ? { id: controlId('days') } : {})}
            label={DAY_LABELS[d]}
            checked={values.days.includes(d)}
            onChange={(_, data) => update({ days: WEEK.filter((x) => (x === d ? data.checked === true : values.days.includes(x))) }, 'days')}
          />
        ))}
      </fieldset>
      {errors.days ? <Text id="adm-days-error" className={styles.error}>{errors.days.join(' · ')}</Text> : null}

      <h3>Addresses</h3>
      <div className={styles.grid}>
        {list('schoolDomains', 'One a line. Mail to these is internal.')}
        {list('pupilDomains', 'One a line. Pupils\' own school addresses.',
          notices.noPupilDomain ? 'None given: mail to pupils\' own school addresses will not be recognised as going to pupils. Leave it empty only if pupils have no school email.' : undefined)}
        {list('webmailDomains', 'One a line, on top of the built-in list (gmail.com, outlook.com, …).')}
      </div>

      <h3>Encryption</h3>
      <div className={styles.grid}>
        {list('labelIds', 'Sensitivity label GUIDs that encrypt, one a line.')}
        {list('subjectTags', 'Subject tags that encrypt, such as [secure], one a line.', notices.bareTags.length > 0 ? bareTagsWarning(notices.bareTags) : undefined)}
      </div>
      {newBareTags.length > 0 ? (
        <Checkbox
          id={controlId('confirmTags')}
          checked={confirmBareTags}
          onChange={(_, d) => setConfirmBareTags(d.checked === true)}
          label={`Yes: count any subject containing ${newBareTags.map((t) => `"${t}"`).join(' or ')} as encrypted`}
        />
      ) : null}

      <h3>How strict each check is</h3>
      <div className={styles.grid}>
        {REASON_CODES.map((code) => {
          const field = `severities.${code}` as const;
          return (
            <Field key={code} {...fieldProps(field)}>
              <Select id={controlId(field)} value={values.severities[code]} onChange={(_, d) => update({ severities: { ...values.severities, [code]: d.value as Severity } }, field)}>
                {(['off', 'warn', 'block'] as const).map((s) => <option key={s} value={s}>{SEVERITY_TEXT[s]}</option>)}
              </Select>
            </Field>
          );
        })}
        <Field {...fieldProps('exposedRecipientsMin')} hint="Parents', pupils' or personal addresses in To and Cc together; 3 unless you choose otherwise.">
          <Input id={controlId('exposedRecipientsMin')} type="number" min={2} step={1} value={values.exposedRecipientsMin} onChange={(_, d) => update({ exposedRecipientsMin: d.value }, 'exposedRecipientsMin')} />
        </Field>
        <Field {...fieldProps('ownParentSensitive')} hint="The right family, but not encrypted: the policy still asks for appropriate security.">
          <Select id={controlId('ownParentSensitive')} value={values.ownParentSensitive} onChange={(_, d) => update({ ownParentSensitive: d.value === 'info' ? 'info' : 'warn' }, 'ownParentSensitive')}>
            <option value="warn">Warn, as for anyone outside the school</option>
            <option value="info">Show a note only</option>
          </Select>
        </Field>
      </div>

      <div>
        <Button appearance="primary" type="submit" disabled={status.kind === 'saving'}>{status.kind === 'saving' ? 'Saving…' : 'Review and save'}</Button>
      </div>

      <Dialog open={review !== null} onOpenChange={(_, d) => { if (!d.open) setReview(null); }}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Save these changes?</DialogTitle>
            <DialogContent>
              <ul className={styles.changes} aria-label="Changes">
                {review?.changes.map((c) => <li key={c.field}>{describeChange(c)}</li>)}
              </ul>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setReview(null)}>Cancel</Button>
              <Button appearance="primary" onClick={() => { if (review) void save(review.settings); }}>Save</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </form>
  );
}
