// The emulator's own test outbox: what /me/sendMail and sendActivityNotification
// would have delivered. Kept in SQLite so a test can read it after a restart.
import type { Db } from './db';

export interface SentMail {
  readonly kind: 'mail';
  readonly seq: number;
  readonly at: string;
  /** UPN of the signed-in sender. */
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly subject: string;
  readonly bodyType: 'text' | 'html';
  readonly body: string;
}

export interface SentActivityNotification {
  readonly kind: 'activityNotification';
  readonly seq: number;
  readonly at: string;
  readonly from: string;
  /** The recipient's user id. */
  readonly to: string;
  readonly activityType: string;
  readonly topic: unknown;
  readonly previewText: string;
  readonly templateParameters: readonly { readonly name: string; readonly value: string }[];
}

export type OutboxEntry = SentMail | SentActivityNotification;
type Unsent<T> = T extends OutboxEntry ? Omit<T, 'seq' | 'at'> : never;

export class Outbox {
  constructor(private readonly db: Db) {}

  record(entry: Unsent<OutboxEntry>): void {
    this.db.prepare('INSERT INTO outbox (at, entry) VALUES (?, ?)').run(new Date().toISOString(), JSON.stringify(entry));
  }

  all(): OutboxEntry[] {
    const rows = this.db.prepare('SELECT seq, at, entry FROM outbox ORDER BY seq').all() as { seq: number; at: string; entry: string }[];
    return rows.map((r) => ({ ...(JSON.parse(r.entry) as Unsent<OutboxEntry>), seq: r.seq, at: r.at }) as OutboxEntry);
  }

  clear(): void {
    this.db.prepare('DELETE FROM outbox').run();
  }
}
