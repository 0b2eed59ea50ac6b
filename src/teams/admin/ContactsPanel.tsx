// Parents, carers and pupils from the MIS's CSV export, and the contacts on
// file. The file is checked in the browser first and previewed with every
// problem named by row and column; the Import button only exists for a file
// with none. Importing says how many stored contacts the file no longer lists
// (leavers' families) and asks before removing them. Every change also
// republishes AUP Send Check, what staff's Outlook reads instead of these
// addresses (issue 10): the same path as `npm run contacts`.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Label, makeStyles, useId,
  MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens,
} from '@fluentui/react-components';
import { describeIssue, parseContactsCsv, type ParsedContacts } from '../../csv';
import { ContactsRepository, importContacts, removeContacts, type Contact, type ContactsChange, type ImportPlan, type StoredContact } from '../../graph/contacts';
import type { Session } from '../shell-types';

const PREVIEW_ROWS = 50;
const LISTED_ROWS = 100;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  file: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
  issues: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, maxHeight: '16rem', overflowY: 'auto' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; what: string }
  | { kind: 'done'; change: ContactsChange; what: 'import' | 'remove' }
  | { kind: 'failed'; message: string };

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

const toContacts = (parsed: ParsedContacts): Contact[] => parsed.rows.map(({ email, role, pupilName, pupilUpn }) => ({
  email, role, ...(pupilName ? { pupilName } : {}), ...(pupilUpn ? { pupilUpn } : {}),
}));

function matches(c: StoredContact, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || [c.email, c.role, c.pupilName ?? '', c.pupilUpn ?? ''].some((v) => v.toLowerCase().includes(q));
}

export function ContactsPanel({ session }: { session: Session }) {
  const styles = useStyles();
  const fileId = useId('contacts-file');
  const repo = useMemo(() => new ContactsRepository(session.lists), [session]);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [stored, setStored] = useState<StoredContact[] | null>(null);
  const [storedError, setStoredError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [removing, setRemoving] = useState<StoredContact | null>(null);
  const parsed: ParsedContacts | null = useMemo(() => (file ? parseContactsCsv(file.text) : null), [file]);

  const load = useCallback(() => {
    setStoredError(null);
    repo.listAll().then((all) => setStored(all.sort((a, b) => a.email.localeCompare(b.email))), (e: unknown) => setStoredError(e instanceof Error ? e.message : String(e)));
  }, [repo]);
  useEffect(load, [load]);

  const choose = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    setStatus({ kind: 'idle' });
    setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
  };

  const write = async (what: 'import' | 'remove', run: () => Promise<ContactsChange>) => {
    setStatus({ kind: 'working', what });
    try {
      setStatus({ kind: 'done', change: await run(), what });
      load();
    } catch (e) {
      setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  /** Reads what the import would change; asks first when it would remove contacts. */
  const review = async () => {
    if (!parsed || parsed.errors.length > 0) return;
    setStatus({ kind: 'working', what: 'review' });
    try {
      const found = await repo.plan(toContacts(parsed));
      if (found.missing.length > 0) {
        setStatus({ kind: 'idle' });
        setPlan(found);
      } else {
        await write('import', () => importContacts(session.lists, found.contacts, { removeMissing: false, now: new Date() }));
      }
    } catch (e) {
      setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const confirmImport = (removeMissing: boolean) => {
    const p = plan;
    setPlan(null);
    if (p) void write('import', () => importContacts(session.lists, p.contacts, { removeMissing, now: new Date() }));
  };

  const confirmRemove = () => {
    const c = removing;
    setRemoving(null);
    if (c) void write('remove', () => removeContacts(session.lists, [c], new Date()));
  };

  const blocked = !parsed || parsed.errors.length > 0 || parsed.rows.length === 0;
  const busy = status.kind === 'working';
  const shown = (stored ?? []).filter((c) => matches(c, query));

  return (
    <section className={styles.root} aria-labelledby="adm-contacts">
      <h2 id="adm-contacts">Import contacts</h2>
      <Text>
        Export parents, carers and pupils from the MIS as CSV with columns for email, role or relationship, pupil name (or forename and surname) and UPN.
        The whole file is checked first: a file with any error imports nothing. Importing the same file again adds no duplicates.
        Contacts the file no longer lists (leavers&apos; families) are removed once you confirm.
        Staff&apos;s Outlook never reads these addresses: each change publishes a scrambled copy it checks against (see the privacy notes).
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
            <Button appearance="primary" disabled={blocked || busy} onClick={() => void review()}>
              {busy && status.what !== 'remove' ? 'Importing…' : `Import ${parsed.rows.length} contacts`}
            </Button>
          </div>
        </>
      ) : null}

      {status.kind === 'done' ? (
        <MessageBar intent="success">
          <MessageBarBody data-testid="contacts-result">
            {status.what === 'import'
              ? `Imported: ${status.change.contacts.created} added, ${status.change.contacts.updated} updated, ${status.change.contacts.unchanged} already up to date, ${status.change.contacts.removed} removed.`
              : `Removed ${plural(status.change.contacts.removed, 'contact')}.`}
            {' '}Published for staff&apos;s Outlook; it takes effect at each person&apos;s next refresh.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {status.kind === 'failed' ? <MessageBar intent="error"><MessageBarBody>Not done: {status.message}</MessageBarBody></MessageBar> : null}

      <h2 id="adm-contacts-on-file">Contacts on file</h2>
      {storedError ? <MessageBar intent="error"><MessageBarBody>The contacts could not be read: {storedError}</MessageBarBody></MessageBar> : null}
      {stored === null && !storedError ? <Spinner size="tiny" label="Loading contacts…" /> : null}
      {stored !== null ? (
        <>
          <Field label="Search contacts" hint="By address, role, pupil or UPN">
            <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} />
          </Field>
          <Text role="status" data-testid="contacts-count">
            {query.trim() === '' ? `${plural(stored.length, 'contact')} on file.` : `${plural(shown.length, 'contact')} of ${stored.length.toLocaleString('en-GB')} match.`}
            {shown.length > LISTED_ROWS ? ` Showing the first ${LISTED_ROWS}; search to narrow them down.` : ''}
          </Text>
          {shown.length > 0 ? (
            <Table aria-labelledby="adm-contacts-on-file" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Email</TableHeaderCell>
                  <TableHeaderCell>Role</TableHeaderCell>
                  <TableHeaderCell>Pupil</TableHeaderCell>
                  <TableHeaderCell>UPN</TableHeaderCell>
                  <TableHeaderCell>Actions</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {shown.slice(0, LISTED_ROWS).map((c) => (
                  <TableRow key={c.itemId}>
                    <TableCell>{c.email}</TableCell>
                    <TableCell>{c.role}</TableCell>
                    <TableCell>{c.pupilName ?? ''}</TableCell>
                    <TableCell>{c.pupilUpn ?? ''}</TableCell>
                    <TableCell>
                      <Button size="small" disabled={busy} aria-label={`Remove ${c.email}${c.pupilName ? ` (${c.role} of ${c.pupilName})` : ''}`} onClick={() => setRemoving(c)}>Remove</Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
        </>
      ) : null}

      <Dialog open={plan !== null} onOpenChange={(_, d) => { if (!d.open) setPlan(null); }}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Remove {plural(plan?.missing.length ?? 0, 'contact')} no longer in the file?</DialogTitle>
            <DialogContent>
              <p>
                The file has {plural(plan?.contacts.length ?? 0, 'contact')}: {plan?.created ?? 0} new, {plan?.updated ?? 0} changed, {plan?.unchanged ?? 0} already up to date.
                {' '}{plural(plan?.missing.length ?? 0, 'stored contact')} {plan?.missing.length === 1 ? 'is' : 'are'} not in it: usually the families of pupils who have left.
                Removed contacts are no longer treated as parents or pupils by staff&apos;s Outlook.
              </p>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setPlan(null)}>Cancel</Button>
              <Button onClick={() => confirmImport(false)}>Import and keep them</Button>
              <Button appearance="primary" onClick={() => confirmImport(true)}>Import and remove {plural(plan?.missing.length ?? 0, 'contact')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Dialog open={removing !== null} onOpenChange={(_, d) => { if (!d.open) setRemoving(null); }}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Remove {removing?.email}?</DialogTitle>
            <DialogContent>
              {removing?.role}{removing?.pupilName ? ` of ${removing.pupilName}` : ''}. Staff&apos;s Outlook stops treating this address as {removing?.role === 'Pupil' ? 'a pupil' : 'a parent or carer'} at its next refresh. The next import from the MIS adds it back if the MIS still lists it.
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setRemoving(null)}>Cancel</Button>
              <Button appearance="primary" onClick={confirmRemove}>Remove</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
