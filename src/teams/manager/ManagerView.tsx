// The manager view (issue #5): who has signed the current policy, by
// department or job title, searchable, exportable, and a reminder to those
// who have not. Lazily loaded by the shell; default export per shell-types.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Link, makeStyles,
  MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, SearchBox, Select, Spinner, Text, tokens,
} from '@fluentui/react-components';
import { toCsv } from '../../csv';
import type { ViewProps } from '../shell-types';
import { groupCompliance, type ComplianceRow, type GroupBy } from './compliance';
import { ComplianceChart } from './ComplianceChart';
import { ComplianceTable } from './ComplianceTable';
import { createManagerData, type LoadProgress, type ManagerData, type ManagerReport } from './data';
import type { ReminderReport } from './reminders';
import { applyQuery, CSV_COLUMNS, DEFAULT_QUERY, departmentsOf, type SortKey, type TableQuery } from './table';
import { ReviewerAccessGate, reviewerCheck } from './ReviewerAccess';


const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL, maxWidth: '1200px' },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  figures: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap', alignItems: 'baseline' },
  big: { fontSize: tokens.fontSizeHero800, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero800 },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  chart: { minHeight: '120px' },
  tableWrap: { overflowX: 'auto' },
});

type Phase =
  | { kind: 'checking' }
  | { kind: 'denied' }
  | { kind: 'loading'; progress: LoadProgress }
  | { kind: 'failed'; message: string }
  | { kind: 'no-policy' }
  | { kind: 'ready'; report: ManagerReport };

const STEP_TEXT = { policy: 'current policy', staff: 'staff list', signatures: 'signatures' } as const;

export function ManagerScreen({ data }: { data: ManagerData }) {
  const styles = useStyles();
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    (async () => {
      setPhase({ kind: 'checking' });
      if (!(await data.isManager())) {
        if (live) setPhase({ kind: 'denied' });
        return;
      }
      setPhase({ kind: 'loading', progress: { done: 0, total: 3, finished: [] } });
      const report = await data.load((progress) => live && setPhase({ kind: 'loading', progress }));
      if (live) setPhase(report ? { kind: 'ready', report } : { kind: 'no-policy' });
    })().catch((error: unknown) => {
      if (live) setPhase({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    });
    return () => { live = false; };
  }, [data, attempt]);

  switch (phase.kind) {
    case 'checking':
      return <Spinner className={styles.root} label="Checking your access…" />;
    case 'denied':
      return (
        <div className={styles.root}>
          <MessageBar intent="warning"><MessageBarBody>The manager view is for members of the managers group. Ask the IT admin if you need it.</MessageBarBody></MessageBar>
        </div>
      );
    case 'loading':
      return (
        <div className={styles.root}>
          <Field
            label="Loading who has signed"
            validationState="none"
            validationMessage={phase.progress.finished.length > 0 ? `Loaded the ${phase.progress.finished.map((s) => STEP_TEXT[s]).join(', ')}` : 'Starting…'}
          >
            <ProgressBar value={phase.progress.done} max={phase.progress.total} />
          </Field>
        </div>
      );
    case 'failed':
      return (
        <div className={styles.root}>
          <MessageBar intent="error"><MessageBarBody>Could not load the figures: {phase.message}</MessageBarBody></MessageBar>
          <Button onClick={() => setAttempt((n) => n + 1)}>Try again</Button>
        </div>
      );
    case 'no-policy':
      return (
        <div className={styles.root}>
          <MessageBar intent="info"><MessageBarBody>No policy version is current yet. An admin can publish one in the admin view.</MessageBarBody></MessageBar>
        </div>
      );
    case 'ready':
      return <Report data={data} report={phase.report} onReload={() => setAttempt((n) => n + 1)} />;
  }
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
  | { kind: 'sent'; report: ReminderReport }
  | { kind: 'failed'; message: string };

function Report({ data, report, onReload }: { data: ManagerData; report: ManagerReport; onReload: () => void }) {
  const styles = useStyles();
  const [query, setQuery] = useState<TableQuery>(DEFAULT_QUERY);
  const [groupBy, setGroupBy] = useState<GroupBy>('department');
  const [reminding, setReminding] = useState<Reminding>({ kind: 'idle' });
  const [webUrl, setWebUrl] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    data.listWebUrl().then((url) => live && setWebUrl(url), () => undefined);
    return () => { live = false; };
  }, [data]);

  const shown = useMemo(() => applyQuery(report.rows, query), [report.rows, query]);
  const departments = useMemo(() => departmentsOf(report.rows), [report.rows]);
  const groups = useMemo(() => groupCompliance(report.rows, groupBy), [report.rows, groupBy]);
  const outstandingShown = useMemo(() => shown.filter((r) => r.status === 'outstanding'), [shown]);

  const onSort = useCallback((key: SortKey) => setQuery((q) => ({
    ...q, sort: key, direction: q.sort === key && q.direction === 'ascending' ? 'descending' : 'ascending',
  })), []);

  const exportCsv = () => downloadCsv(`aup-signatures-${report.version}.csv`, toCsv(shown, CSV_COLUMNS));

  const send = async (rows: readonly ComplianceRow[]) => {
    setReminding({ kind: 'sending', done: 0, total: rows.length });
    try {
      const result = await data.remind(rows, report.version, (done, total) => setReminding({ kind: 'sending', done, total }));
      setReminding({ kind: 'sent', report: result });
    } catch (error) {
      setReminding({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className={styles.root}>
      <section className={styles.summary} aria-labelledby="mgr-summary">
        <h2 id="mgr-summary">Signatures for version {report.version}</h2>
        <div className={styles.figures}>
          <Text><span className={styles.big} data-testid="percent-complete">{report.percent ?? 0}%</span> complete</Text>
          <Text><span className={styles.big} data-testid="signed-count">{report.signed}</span> of {report.total} staff signed</Text>
          <Text><span className={styles.big} data-testid="outstanding-count">{report.outstanding}</span> outstanding</Text>
        </div>
        <ProgressBar value={report.signed} max={Math.max(report.total, 1)} thickness="large" aria-label={`${report.percent ?? 0}% of staff have signed`} />
        <div className={styles.toolbar}>
          <Button onClick={onReload}>Refresh</Button>
          {webUrl ? <Link href={webUrl} target="_blank" rel="noopener noreferrer">Open in SharePoint</Link> : null}
        </div>
      </section>

      <section aria-labelledby="mgr-chart">
        <h2 id="mgr-chart">By {groupBy === 'department' ? 'department' : 'job title'}</h2>
        <RadioGroup layout="horizontal" aria-label="Group the chart by" value={groupBy} onChange={(_, d) => setGroupBy(d.value as GroupBy)}>
          <Radio value="department" label="Department" />
          <Radio value="jobTitle" label="Job title" />
        </RadioGroup>
        <div className={styles.chart}>
          <ComplianceChart groups={groups} label={`Signed by ${groupBy === 'department' ? 'department' : 'job title'}`} />
        </div>
      </section>

      <section aria-labelledby="mgr-staff">
        <h2 id="mgr-staff">Staff</h2>
        <div className={styles.toolbar} role="search" aria-label="Find staff">
          <Field label="Search">
            <SearchBox value={query.search} placeholder="Name, email, department or job title" onChange={(_, d) => setQuery((q) => ({ ...q, search: d.value }))} />
          </Field>
          <Field label="Status">
            <Select value={query.status} onChange={(_, d) => setQuery((q) => ({ ...q, status: d.value as TableQuery['status'] }))}>
              <option value="all">All</option>
              <option value="outstanding">Outstanding</option>
              <option value="signed">Signed</option>
            </Select>
          </Field>
          <Field label="Department">
            <Select value={query.department} onChange={(_, d) => setQuery((q) => ({ ...q, department: d.value }))}>
              <option value="all">All departments</option>
              {departments.map((d) => <option key={d} value={d}>{d}</option>)}
            </Select>
          </Field>
          <Button onClick={exportCsv}>Export CSV</Button>
          <Button appearance="primary" disabled={outstandingShown.length === 0} onClick={() => setReminding({ kind: 'confirm', rows: outstandingShown })}>
            Remind {outstandingShown.length} outstanding
          </Button>
        </div>
        <Text role="status" aria-live="polite" data-testid="shown-count">Showing {shown.length} of {report.total} staff</Text>
        {reminding.kind === 'sending' ? (
          <Field label="Sending reminders" validationState="none" validationMessage={`${reminding.done} of ${reminding.total}`}>
            <ProgressBar value={reminding.done} max={reminding.total} />
          </Field>
        ) : null}
        {reminding.kind === 'sent' ? (
          <MessageBar intent={reminding.report.failed.length > 0 ? 'warning' : 'success'}>
            <MessageBarBody>
              Reminded {reminding.report.activity + reminding.report.mail}: {reminding.report.activity} in Teams, {reminding.report.mail} by email.
              {reminding.report.failed.length > 0 ? ` Not reached: ${reminding.report.failed.map((f) => f.recipient.name).join(', ')}.` : ''}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {reminding.kind === 'failed' ? <MessageBar intent="error"><MessageBarBody>Reminders failed: {reminding.message}</MessageBarBody></MessageBar> : null}
        <div className={styles.tableWrap}>
          <ComplianceTable rows={shown} query={query} onSort={onSort} />
        </div>
      </section>

      <Dialog open={reminding.kind === 'confirm'} onOpenChange={(_, d) => { if (!d.open) setReminding({ kind: 'idle' }); }}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Send reminders?</DialogTitle>
            <DialogContent>
              {reminding.kind === 'confirm'
                ? `${reminding.rows.length} staff who have not signed version ${report.version} will get a Teams notification, or an email from you where Teams cannot reach them.`
                : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setReminding({ kind: 'idle' })}>Cancel</Button>
              <Button appearance="primary" onClick={() => { if (reminding.kind === 'confirm') void send(reminding.rows); }}>Send reminders</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

export default function ManagerView({ session }: ViewProps) {
  const data = useMemo(() => createManagerData(session), [session]);
  const check = useMemo(() => reviewerCheck(session), [session]);
  return <ReviewerAccessGate check={check}><ManagerScreen data={data} /></ReviewerAccessGate>;
}
