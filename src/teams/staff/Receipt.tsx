// What staff keep instead of a paper copy: in plain words what they signed and
// when, the technical details (the fingerprint of the exact text, the
// reference) out of the way until wanted, a copy by email from their own
// mailbox, and a print that shows the receipt alone (issue 14).
import { useState } from 'react';
import {
  Button, Card, CardHeader, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text,
  makeStyles, tokens,
} from '@fluentui/react-components';
import type { Acknowledgement } from '../../graph/acknowledgements';
import { describeVersion } from '../../policy/index';
import { formatUkDateTime, formatUkShortDateTime } from '../../ui/format';
import { parseSignature } from '../signature';
import { RECORD_KEPT, receiptSentence } from './receipt-text';
import './receipt-print.css';

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
  sentence: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  details: {
    '& summary': { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, paddingBlock: tokens.spacingVerticalXS },
    '& summary:focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
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

export interface ReceiptProps {
  readonly ack: Acknowledgement;
  readonly title: string;
  /** Where "Email me a copy" sends it, for the confirmation; null hides the button. */
  readonly mailbox: string | null;
  onEmailCopy?(): Promise<void>;
}

type Mailing = { kind: 'idle' | 'sending' | 'sent' } | { kind: 'failed'; message: string };

export function Receipt({ ack, title, mailbox, onEmailCopy }: ReceiptProps) {
  const styles = useStyles();
  const [mailing, setMailing] = useState<Mailing>({ kind: 'idle' });
  const email = async (): Promise<void> => {
    if (!onEmailCopy) return;
    setMailing({ kind: 'sending' });
    try {
      await onEmailCopy();
      setMailing({ kind: 'sent' });
    } catch (error) {
      setMailing({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <Card aria-labelledby="receipt-heading" data-print-receipt="">
      <CardHeader header={<Text as="h2" id="receipt-heading" size={500} weight="semibold">Your receipt</Text>} />
      <div className={styles.body} data-testid="receipt">
        <Text as="p" className={styles.sentence} data-testid="receipt-sentence">{receiptSentence(ack, title)} {RECORD_KEPT}</Text>
        <dl className={styles.dl}>
          <dt>Name (printed)</dt>
          <dd>{ack.printedName}</dd>
          {ack.signature !== undefined && (
            <>
              <dt>Signature</dt>
              <dd><SignatureView stored={ack.signature} /></dd>
            </>
          )}
        </dl>
        <details className={styles.details}>
          <summary>Technical details</summary>
          <dl className={styles.dl}>
            <dt>Recorded by SharePoint</dt>
            <dd data-testid="receipt-signed-at">{formatUkDateTime(ack.signedAt)}</dd>
            <dt>Fingerprint of the text you signed (SHA-256)</dt>
            <dd className={styles.hash} data-testid="receipt-hash">{ack.policyHash}</dd>
            <dt>Reference</dt>
            <dd className={styles.hash}>{ack.submissionId}</dd>
          </dl>
        </details>
        <div className={styles.actions} data-print-hide="">
          {onEmailCopy && mailbox ? (
            <Button disabled={mailing.kind === 'sending'} onClick={() => void email()}>{mailing.kind === 'sending' ? 'Sending…' : 'Email me a copy'}</Button>
          ) : null}
          <Button onClick={() => window.print()}>Print</Button>
        </div>
        <div role="status" data-print-hide="">
          {mailing.kind === 'sent' ? <MessageBar intent="success"><MessageBarBody>A copy is on its way to {mailbox}.</MessageBarBody></MessageBar> : null}
          {mailing.kind === 'failed' ? <MessageBar intent="error"><MessageBarBody>The copy could not be sent: {mailing.message}</MessageBarBody></MessageBar> : null}
        </div>
      </div>
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
                <TableHeaderCell>Fingerprint</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {sorted.map((a) => (
                <TableRow key={a.itemId}>
                  <TableCell>{describeVersion(a.policyVersion)}</TableCell>
                  <TableCell>{formatUkShortDateTime(a.signedAt)}</TableCell>
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
