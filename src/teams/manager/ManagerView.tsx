// The manager view (issues #5 and 14): who has signed a policy version, by
// status, department or job title, searchable, exportable; reminders to those
// who have not, recorded so nobody is reminded twice in a row; telling staff
// about a new version; and earlier versions for audits. Lazily loaded by the
// shell; default export per shell-types.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button, Field, Link, makeStyles, mergeClasses, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, SearchBox, Select,
  Spinner, Text, ToggleButton, tokens,
} from '@fluentui/react-components';
import { toCsv } from '../../csv';
import { describeVersion } from '../../policy/index';
import { useContrastStyles } from '../../ui/contrast';
import { formatCalendarDate, formatUkLongDate } from '../../ui/format';
import type { ViewProps } from '../shell-types';
import { AnnouncePanel } from './AnnouncePanel';
import { groupCompliance, STATUSES, type ComplianceRow, type GroupBy, type SignStatus } from './compliance';
import { ComplianceChart } from './ComplianceChart';
import { ComplianceTable } from './ComplianceTable';
import {
  createManagerData, type LoadProgress, type ManagerData, type ManagerReport, type RemindOutcome, type SharePointLink, type TabLink, type VersionChoice,
} from './data';
import { RemindDialog } from './RemindDialog';
import { applyQuery, CSV_COLUMNS, DEFAULT_QUERY, departmentsOf, FILTER_TEXT, STATUS_TEXT, type SortKey, type StatusFilter, type TableQuery } from './table';
import { ReviewerAccessGate, reviewerCheck } from './ReviewerAccess';


const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingBlock: tokens.spacingVerticalM, minWidth: 0 },
  h1: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  figures: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap', alignItems: 'baseline' },
  big: { fontSize: tokens.fontSizeHero800, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero800 },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  chart: { minHeight: '120px' },
  tableWrap: { overflowX: 'auto' },
  dates: { color: tokens.colorNeutralForeground2 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

type Phase =
  | { kind: 'checking' }
  | { kind: 'denied' }
  | { kind: 'loading'; progress: LoadProgress }
  | { kind: 'failed'; message: string }
  | { kind: 'no-policy' }
  | { kind: 'ready'; report: ManagerReport };

const STEP_TEXT = { policy: 'policy versions', staff: 'staff list', signatures: 'signatures', earlier: 'earlier signatures', reminders: 'reminders' } as const;

const systemClock = (): Date => new Date();

export function ManagerScreen({ data, now = systemClock }: { data: ManagerData; now?: () => Date }) {
  const styles = useStyles();
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const [request, setRequest] = useState<{ version?: string; refresh: boolean; n: number }>({ refresh: false, n: 0 });
  const [refreshing, setRefreshing] = useState(false);
  const shown = useRef<Phase>(phase);
  shown.current = phase;

  useEffect(() => {
    let live = true;
    // With figures on screen, new ones load behind them, so searches and filters stay as they were.
    const behind = shown.current.kind === 'ready';
    (async () => {
      if (!behind) {
        setPhase({ kind: 'checking' });
        if (!(await data.isManager())) {
          if (live) setPhase({ kind: 'denied' });
          return;
        }
        setPhase({ kind: 'loading', progress: { done: 0, total: 5, finished: [] } });
      } else {
        setRefreshing(true);
      }
      const options = { ...(request.version ? { version: request.version } : {}), refresh: request.refresh };
      const report = await data.load(options, behind ? undefined : (progress) => live && setPhase({ kind: 'loading', progress }));
      if (live) setPhase(report ? { kind: 'ready', report } : { kind: 'no-policy' });
    })().catch((error: unknown) => {
      if (live) setPhase({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }).finally(() => { if (live) setRefreshing(false); });
    return () => { live = false; };
  }, [data, request]);

  const body = (() => {
    switch (phase.kind) {
      case 'checking':
        return <Spinner label="Checking your access…" />;
      case 'denied':
        return <MessageBar intent="warning"><MessageBarBody>The manager view is for members of the managers group. Ask the IT admin if you need it.</MessageBarBody></MessageBar>;
      case 'loading':
        return (
          <Field
            label="Loading who has signed"
            validationState="none"
            validationMessage={phase.progress.finished.length > 0 ? `Loaded the ${phase.progress.finished.map((s) => STEP_TEXT[s]).join(', ')}` : 'Starting…'}
          >
            <ProgressBar value={phase.progress.done} max={phase.progress.total} />
          </Field>
        );
      case 'failed':
        return (
          <>
            <MessageBar intent="error"><MessageBarBody>Could not load the figures: {phase.message}</MessageBarBody></MessageBar>
            <div><Button onClick={() => setRequest((r) => ({ ...r, n: r.n + 1 }))}>Try again</Button></div>
          </>
        );
      case 'no-policy':
        return <MessageBar intent="info"><MessageBarBody>No policy version is published yet. An admin can publish one in the admin view.</MessageBarBody></MessageBar>;
      case 'ready':
        return (
          <Report
            data={data}
            report={phase.report}
            refreshing={refreshing}
            now={now}
            onReload={(refresh = true) => setRequest((r) => ({ version: phase.report.version, refresh, n: r.n + 1 }))}
            onChooseVersion={(version) => setRequest((r) => ({ version, refresh: false, n: r.n + 1 }))}
          />
        );
    }
  })();
  return (
    <div className={styles.root}>
      <h1 className={styles.h1}>Who has signed</h1>
      {body}
    </div>
  );
}

function downloadCsv(filename: string, csv: string): void {
  // The BOM makes Excel read the file as UTF-8 (names with accents survive).
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

type Reminding =
  | { kind: 'idle' }
  | { kind: 'confirm'; rows: readonly ComplianceRow[] }
  | { kind: 'sending'; done: number; total: number }
  | { kind: 'sent'; outcome: RemindOutcome }
  | { kind: 'failed'; message: string };

/** Who a reminder is for: not signed, and not a record someone has to look at first. */
const REMINDABLE: ReadonlySet<SignStatus> = new Set(['never-signed', 'signed-earlier', 'joined-after']);

const STATE_TEXT = { current: 'in force', upcoming: 'coming', earlier: 'earlier' } as const;

function versionOption(v: VersionChoice): string {
  const when = v.state === 'upcoming' && v.effectiveDate ? `comes into force ${formatCalendarDate(v.effectiveDate)}` : STATE_TEXT[v.state];
  return `${describeVersion(v.version)}, ${when}`;
}

function Report({ data, report, refreshing, now, onReload, onChooseVersion }: {
  data: ManagerData; report: ManagerReport; refreshing: boolean; now: () => Date; onReload: (refresh?: boolean) => void; onChooseVersion: (v: string) => void;
}) {
  const styles = useStyles();
  const contrast = useContrastStyles();
  const [query, setQuery] = useState<TableQuery>(DEFAULT_QUERY);
  const [groupBy, setGroupBy] = useState<GroupBy>('department');
  const [reminding, setReminding] = useState<Reminding>({ kind: 'idle' });
  const [sharePoint, setSharePoint] = useState<SharePointLink | null>(null);
  const [link, setLink] = useState<TabLink | null>(null);

  useEffect(() => {
    let live = true;
    data.sharePointLink().then((l) => live && setSharePoint(l), () => undefined);
    data.tabLink().then((l) => live && setLink(l), () => undefined);
    return () => { live = false; };
  }, [data]);

  const shown = useMemo(() => applyQuery(report.rows, query), [report.rows, query]);
  const departments = useMemo(() => departmentsOf(report.rows), [report.rows]);
  const groups = useMemo(() => groupCompliance(report.rows, groupBy), [report.rows, groupBy]);
  const remindable = useMemo(() => shown.filter((r) => REMINDABLE.has(r.status)), [shown]);
  const canRemind = report.state !== 'earlier';
  const { policy } = report;
  const name = describeVersion(report.version);

  const onSort = useCallback((key: SortKey) => setQuery((q) => ({
    ...q, sort: key, direction: q.sort === key && q.direction === 'ascending' ? 'descending' : 'ascending',
  })), []);
  const setStatus = (status: StatusFilter): void => setQuery((q) => ({ ...q, status }));

  const exportCsv = () => downloadCsv(`aup-signatures-${report.version}${query.status === 'all' ? '' : `-${query.status}`}.csv`, toCsv(shown, CSV_COLUMNS));

  const send = async (rows: readonly ComplianceRow[]) => {
    setReminding({ kind: 'sending', done: 0, total: rows.length });
    try {
      const outcome = await data.remind(rows, report, (done, total) => setReminding({ kind: 'sending', done, total }));
      setReminding({ kind: 'sent', outcome });
      // "Last reminded" from the list itself, not from what we think we sent.
      if (outcome.recorded > 0) onReload(false);
    } catch (error) {
      setReminding({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const dates = [
    report.state === 'upcoming' && policy.effectiveDate
      ? `Comes into force on ${formatCalendarDate(policy.effectiveDate)}: staff can sign it now.`
      : policy.effectiveDate ? `In force from ${formatCalendarDate(policy.effectiveDate)}.` : null,
    policy.dueDate ? `Sign by ${formatCalendarDate(policy.dueDate)}.` : 'No date to sign by.',
    policy.publishedAt ? `Published ${formatUkLongDate(policy.publishedAt)}.` : null,
  ].filter((x): x is string => x !== null).join(' ');

  return (
    <>
      <section className={styles.summary} aria-labelledby="mgr-summary">
        <div className={styles.toolbar}>
          <Field label="Version">
            <Select value={report.version} onChange={(_, d) => onChooseVersion(d.value)}>
              {report.versions.map((v) => <option key={v.version} value={v.version}>{versionOption(v)}</option>)}
            </Select>
          </Field>
          <Button disabled={refreshing} onClick={() => onReload()}>{refreshing ? 'Refreshing…' : 'Refresh'}</Button>
          {sharePoint ? (
            <Link
              href={sharePoint.href} target="_blank" rel="noopener noreferrer"
              onClick={sharePoint.open ? (e) => { e.preventDefault(); sharePoint.open?.(); } : undefined}
            >Open in SharePoint</Link>
          ) : null}
        </div>
        <h2 id="mgr-summary" className={styles.h2}>Signatures for version {name}</h2>
        <Text className={styles.dates} data-testid="version-dates">{report.policyTitle}. {dates}</Text>
        <div className={styles.figures}>
          <Text><span className={styles.big} data-testid="percent-complete">{report.percent ?? 0}%</span> complete</Text>
          <Text><span className={styles.big} data-testid="signed-count">{report.signed}</span> of {report.total} staff signed</Text>
          <Text><span className={styles.big} data-testid="outstanding-count">{report.outstanding}</span> not yet signed</Text>
        </div>
        <ProgressBar className={contrast.track} value={report.signed} max={Math.max(report.total, 1)} thickness="large" aria-label={`${report.percent ?? 0}% of staff have signed`} />
        <div className={styles.counts} role="group" aria-label="Show staff by status">
          {STATUSES.map((s) => (
            <ToggleButton key={s} size="small" checked={query.status === s} onClick={() => setStatus(query.status === s ? 'all' : s)} data-testid={`count-${s}`}>
              {report.counts[s]} {STATUS_TEXT[s].toLowerCase()}
            </ToggleButton>
          ))}
        </div>
        {canRemind ? <AnnouncePanel data={data} policy={policy} staffCount={Math.max(report.total - 1, 0)} /> : null}
        {!report.remindersRecorded ? (
          <MessageBar intent="warning"><MessageBarBody>This site has no AUP Reminders list yet, so reminders are sent but not recorded. An admin can add it with "Set up" in the admin view.</MessageBarBody></MessageBar>
        ) : null}
      </section>

      <section className={styles.section} aria-labelledby="mgr-chart">
        <h2 id="mgr-chart" className={styles.h2}>By {groupBy === 'department' ? 'department' : 'job title'}</h2>
        <RadioGroup layout="horizontal" aria-label="Group the chart by" value={groupBy} onChange={(_, d) => setGroupBy(d.value as GroupBy)}>
          <Radio value="department" label="Department" />
          <Radio value="jobTitle" label="Job title" />
        </RadioGroup>
        <div className={styles.chart}>
          <ComplianceChart groups={groups} label={`Signed by ${groupBy === 'department' ? 'department' : 'job title'}`} />
        </div>
      </section>

      <section className={styles.section} aria-labelledby="mgr-staff">
        <h2 id="mgr-staff" className={styles.h2}>Staff</h2>
        <div className={styles.toolbar} role="search" aria-label="Find staff">
          <Field label="Search">
            <SearchBox value={query.search} placeholder="Name, email, department or job title" onChange={(_, d) => setQuery((q) => ({ ...q, search: d.value }))} />
          </Field>
          <Field label="Status">
            <Select value={query.status} onChange={(_, d) => setStatus(d.value as StatusFilter)}>
              {(['all', 'outstanding', ...STATUSES] as const).map((s) => (
                <option key={s} value={s}>{FILTER_TEXT[s]} ({s === 'all' ? report.total : s === 'outstanding' ? report.outstanding : report.counts[s]})</option>
              ))}
            </Select>
          </Field>
          <Field label="Department">
            <Select value={query.department} onChange={(_, d) => setQuery((q) => ({ ...q, department: d.value }))}>
              <option value="all">All departments</option>
              {departments.map((d) => <option key={d} value={d}>{d}</option>)}
            </Select>
          </Field>
          <Button onClick={exportCsv}>Export CSV</Button>
          {canRemind ? (
            <Button appearance="primary" disabled={remindable.length === 0} onClick={() => setReminding({ kind: 'confirm', rows: remindable })}>
              Remind {remindable.length} not yet signed…
            </Button>
          ) : null}
        </div>
        <Text role="status" aria-live="polite" data-testid="shown-count">Showing {shown.length} of {report.total} staff</Text>
        {reminding.kind === 'sending' ? (
          <Field label="Sending reminders" validationState="none" validationMessage={`${reminding.done} of ${reminding.total}`}>
            <ProgressBar className={contrast.track} value={reminding.done} max={reminding.total} />
          </Field>
        ) : null}
        {reminding.kind === 'sent' ? <RemindSummary outcome={reminding.outcome} /> : null}
        {reminding.kind === 'failed' ? <MessageBar intent="error"><MessageBarBody>Reminders failed: {reminding.message}</MessageBarBody></MessageBar> : null}
        <div className={mergeClasses(styles.tableWrap)}>
          <ComplianceTable rows={shown} query={query} onSort={onSort} />
        </div>
      </section>

      <RemindDialog
        open={reminding.kind === 'confirm'}
        rows={reminding.kind === 'confirm' ? reminding.rows : []}
        selfId={data.selfId}
        version={report.version}
        title={report.policyTitle}
        dueDate={policy.dueDate}
        managerName={data.selfName}
        link={link}
        now={now}
        onCancel={() => setReminding({ kind: 'idle' })}
        onSend={(rows) => void send(rows)}
      />
    </>
  );
}

function RemindSummary({ outcome }: { outcome: RemindOutcome }) {
  const reached = outcome.activity + outcome.mail;
  const problems = outcome.failed.length > 0 || outcome.notRecorded.length > 0;
  return (
    <MessageBar intent={problems ? 'warning' : 'success'} data-testid="remind-summary">
      <MessageBarBody>
        Reminded {reached}: {outcome.activity} in Teams, {outcome.mail} by email.
        {outcome.failed.length > 0 ? ` Not reached: ${outcome.failed.map((f) => `${f.recipient.name} (${f.message})`).join('; ')}.` : ''}
        {outcome.notRecorded.length > 0 ? ` Not recorded in AUP Reminders: ${outcome.notRecorded.join(', ')}.` : ''}
      </MessageBarBody>
    </MessageBar>
  );
}

export default function ManagerView({ session }: ViewProps) {
  const data = useMemo(() => createManagerData(session), [session]);
  const check = useMemo(() => reviewerCheck(session), [session]);
  return <ReviewerAccessGate check={check}><ManagerScreen data={data} /></ReviewerAccessGate>;
}
