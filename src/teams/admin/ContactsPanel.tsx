// Import parents, carers and pupils from the MIS's CSV export. The file is
// checked in the browser first and previewed with every problem named by row
// and column; the Import button only exists for a file with none.
import { useMemo, useState } from 'react';
import {
  Button, Label, makeStyles, useId, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens,
} from '@fluentui/react-components';
import { describeIssue, parseContactsCsv, type ParsedContacts } from '../../csv';
import { ContactsRepository, type ImportReport } from '../../graph/contacts';
import type { Session } from '../shell-types';
import { importContacts } from './actions';

const PREVIEW_ROWS = 50;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  file: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
  issues: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, maxHeight: '16rem', overflowY: 'auto' },
});

type Status = { kind: 'idle' } | { kind: 'importing' } | { kind: 'imported'; report: ImportReport } | { kind: 'failed'; message: string };

export function ContactsPanel({ session }: { session: Session }) {
  const styles = useStyles();
  const fileId = useId('contacts-file');
  const repo = useMemo(() => new ContactsRepository(session.lists), [session]);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const parsed: ParsedContacts | null = useMemo(() => (file ? parseContactsCsv(file.text) : null), [file]);

  const choose = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    setStatus({ kind: 'idle' });
    setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
  };

  const run = async () => {
    if (!file) return;
    setStatus({ kind: 'importing' });
    try {
      const outcome = await importContacts(repo, file.text);
      // The preview already refused a bad file; this guards a file changed between preview and click.
      if (outcome.kind === 'refused') setStatus({ kind: 'failed', message: 'the file has errors; nothing was imported' });
      else setStatus({ kind: 'imported', report: outcome.report });
    } catch (e) {
      setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const blocked = !parsed || parsed.errors.length > 0 || parsed.rows.length === 0;

  return (
    <section className={styles.root} aria-labelledby="adm-contacts">
      <h2 id="adm-contacts">Import contacts</h2>
      <Text>
        Export parents, carers and pupils from the MIS as CSV with columns for email, role or relationship, pupil name (or forename and surname) and UPN.
        The whole file is checked first: a file with any error imports nothing. Importing the same file again adds no duplicates.
      </Text>
      {/* A native file input: Field labels only Fluent controls, so the label is tied by id here. */}
      <div className={styles.file}>
        <Label htmlFor={fileId}>Contacts CSV file</Label>
        <input id={fileId} type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.currentTarget)} />
      </div>

      {parsed && file ? (
        <>
          <Text role="status" data-testid="contacts-summary">
            {file.name}: {parsed.rows.length} valid contact{parsed.rows.length === 1 ? '' : 's'}, {parsed.errors.length} error{parsed.errors.length === 1 ? '' : 's'}
            {parsed.warnings.length > 0 ? `, ${parsed.warnings.length} repeated row${parsed.warnings.length === 1 ? '' : 's'}` : ''}.
          </Text>
          {parsed.errors.length > 0 ? (
            <MessageBar intent="error">
              <MessageBarBody>
                Nothing will be imported until these are fixed in the file:
                <ul className={styles.issues} aria-label="Errors in the file" data-testid="contacts-errors">
                  {parsed.errors.map((e, i) => <li key={i}>{describeIssue(e)}</li>)}
                </ul>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {parsed.warnings.length > 0 ? (
            <MessageBar intent="warning">
              <MessageBarBody>
                <ul className={styles.issues} aria-label="Warnings">{parsed.warnings.map((w, i) => <li key={i}>{describeIssue(w)}</li>)}</ul>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {parsed.rows.length > 0 ? (
            <Table aria-label={`Preview of the first ${Math.min(PREVIEW_ROWS, parsed.rows.length)} valid contacts`} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Row</TableHeaderCell>
                  <TableHeaderCell>Email</TableHeaderCell>
                  <TableHeaderCell>Role</TableHeaderCell>
                  <TableHeaderCell>Pupil</TableHeaderCell>
                  <TableHeaderCell>UPN</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {parsed.rows.slice(0, PREVIEW_ROWS).map((r) => (
                  <TableRow key={r.key}>
                    <TableCell>{r.row}</TableCell>
                    <TableCell>{r.email}</TableCell>
                    <TableCell>{r.role}</TableCell>
                    <TableCell>{r.pupilName ?? ''}</TableCell>
                    <TableCell>{r.pupilUpn ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
          <div>
            <Button appearance="primary" disabled={blocked || status.kind === 'importing'} onClick={() => void run()}>
              {status.kind === 'importing' ? 'Importing…' : `Import ${parsed.rows.length} contacts`}
            </Button>
          </div>
        </>
      ) : null}

      {status.kind === 'imported' ? (
        <MessageBar intent="success">
          <MessageBarBody data-testid="contacts-result">
            Imported: {status.report.created} added, {status.report.updated} updated, {status.report.unchanged} already up to date.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {status.kind === 'failed' ? <MessageBar intent="error"><MessageBarBody>Import failed: {status.message}</MessageBarBody></MessageBar> : null}
    </section>
  );
}
