// What staff keep instead of a paper copy: the version they signed, the
// fingerprint of its exact text, and when the server recorded it.
import { Card, CardHeader, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Acknowledgement } from '../../graph/acknowledgements';
import { versionName } from '../../policy/index';
import { formatUkDateTime } from '../../ui/format';
import { parseSignature } from '../signature';

const useStyles = makeStyles({
  dl: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8rem, max-content) 1fr',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    '& dt': { fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
  },
  hash: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  sig: { width: '12rem', height: '4.5rem', color: tokens.colorNeutralForeground1 },
  tableWrap: { overflowX: 'auto' },
});

export function SignatureView({ stored }: { readonly stored: string }) {
  const styles = useStyles();
  const sig = parseSignature(stored);
  if (sig.kind === 'typed') return <Text italic>{sig.text}</Text>;
  return (
    <svg className={styles.sig} viewBox={`0 0 ${sig.width} ${sig.height}`} role="img" aria-label="Drawn signature">
      <path d={sig.path} fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function Receipt({ ack, title }: { readonly ack: Acknowledgement; readonly title: string }) {
  const styles = useStyles();
  return (
    <Card aria-labelledby="receipt-heading">
      <CardHeader header={<Text as="h2" id="receipt-heading" size={500} weight="semibold">You have signed the policy</Text>} />
      <dl className={styles.dl} data-testid="receipt">
        <dt>Policy</dt>
        <dd>{title}</dd>
        <dt>Version</dt>
        <dd>{versionName(ack.policyVersion)} ({ack.policyVersion})</dd>
        <dt>Signed</dt>
        <dd data-testid="receipt-signed-at">{formatUkDateTime(ack.signedAt)}</dd>
        <dt>Name (printed)</dt>
        <dd>{ack.printedName}</dd>
        {ack.signature !== undefined && (
          <>
            <dt>Signature</dt>
            <dd><SignatureView stored={ack.signature} /></dd>
          </>
        )}
        <dt>SHA-256 of the text</dt>
        <dd className={styles.hash} data-testid="receipt-hash">{ack.policyHash}</dd>
        <dt>Reference</dt>
        <dd className={styles.hash}>{ack.submissionId}</dd>
      </dl>
    </Card>
  );
}

export function History({ acks }: { readonly acks: readonly Acknowledgement[] }) {
  const styles = useStyles();
  const sorted = [...acks].sort((a, b) => b.signedAt.localeCompare(a.signedAt));
  return (
    <section aria-labelledby="history-heading">
      <Text as="h2" id="history-heading" size={500} weight="semibold">Everything you have signed</Text>
      {sorted.length === 0 ? (
        <Text as="p">Nothing yet.</Text>
      ) : (
        <div className={styles.tableWrap}>
          <Table aria-labelledby="history-heading" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Version</TableHeaderCell>
                <TableHeaderCell>Signed</TableHeaderCell>
                <TableHeaderCell>Name (printed)</TableHeaderCell>
                <TableHeaderCell>SHA-256</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {sorted.map((a) => (
                <TableRow key={a.itemId}>
                  <TableCell>{versionName(a.policyVersion)}</TableCell>
                  <TableCell>{formatUkDateTime(a.signedAt)}</TableCell>
                  <TableCell>{a.printedName}</TableCell>
                  <TableCell><span className={styles.hash} title={a.policyHash}>{a.policyHash.slice(0, 12)}…</span></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
