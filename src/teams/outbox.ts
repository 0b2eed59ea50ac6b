// Nothing lost: a completed form is written to session storage before it is
// sent and removed only once the list has it. If sending fails (offline, or
// still failing after the Graph client's retries) it stays there, shown as
// "not yet recorded", and is sent again with the same SubmissionId, which the
// list's unique column turns into exactly one record however often it lands.
import type { Acknowledgement, SubmitAcknowledgement, SubmitResult } from '../graph/acknowledgements';

export interface PendingSignature {
  readonly input: SubmitAcknowledgement;
  /** When the form was completed (client clock), for the "not yet recorded" notice. */
  readonly savedAt: string;
  /** Why the last attempt failed, in words for the signer. */
  readonly lastError: string | null;
}

export type SubmitOutcome =
  | { readonly status: 'recorded'; readonly acknowledgement: Acknowledgement; readonly created: boolean }
  | { readonly status: 'pending'; readonly pending: PendingSignature };

export interface Submitter {
  submit(input: SubmitAcknowledgement): Promise<SubmitResult>;
}

/** Per signer, so a colleague signing in on the same tab never sees (or sends) someone else's form. */
const keyFor = (signerId: string): string => `aup-guard.pending-signature.${signerId}`;

export function loadPending(storage: Storage, signerId: string): PendingSignature | null {
  const raw = storage.getItem(keyFor(signerId));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as PendingSignature;
    return parsed.input?.signerId === signerId && typeof parsed.input.submissionId === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

function save(storage: Storage, pending: PendingSignature): void {
  storage.setItem(keyFor(pending.input.signerId), JSON.stringify(pending));
}

export function clearPending(storage: Storage, signerId: string): void {
  storage.removeItem(keyFor(signerId));
}

/** Words for the signer; the technical detail goes to the console. */
export function describeFailure(error: unknown, online: boolean): string {
  if (!online) return 'You are offline.';
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 0) return 'The connection failed.';
  if (status === 429 || status === 503 || status === 504) return 'The service is busy.';
  if (typeof status === 'number') return `The service answered ${status}.`;
  return 'Something went wrong.';
}

/** Where the technical detail of a failed send goes. */
export interface OutboxLogger {
  warn(message: string, error: unknown): void;
}

// A wrapper, not `console` itself, so a test's spy on console.warn still sees the call.
const consoleLogger: OutboxLogger = { warn: (message, error) => console.warn(message, error) };

export async function submitSignature(
  submitter: Submitter,
  input: SubmitAcknowledgement,
  env: { storage: Storage; now: () => Date; online: () => boolean; log?: OutboxLogger },
): Promise<SubmitOutcome> {
  const savedAt = loadPending(env.storage, input.signerId)?.savedAt ?? env.now().toISOString();
  save(env.storage, { input, savedAt, lastError: null });
  try {
    const result = await submitter.submit(input);
    clearPending(env.storage, input.signerId);
    return { status: 'recorded', acknowledgement: result.acknowledgement, created: result.created };
  } catch (error) {
    (env.log ?? consoleLogger).warn('AUP signature not yet recorded', error);
    const pending = { input, savedAt, lastError: describeFailure(error, env.online()) };
    save(env.storage, pending);
    return { status: 'pending', pending };
  }
}

/**
 * An unsent form, kept per signer and version in session storage so a reload
 * does not lose the ticks, the name or a typed signature (issue 14), and
 * removed once the signature is recorded. Whether they had read to the end
 * comes too, so the form is not locked again.
 */
export interface SavedForm {
  readonly accept: boolean;
  readonly breach: boolean;
  readonly name: string;
  readonly typed: string | null;
  readonly readToEnd: boolean;
}

const formKeyFor = (signerId: string, version: string): string => `aup-guard.unsent-form.${signerId}.${version}`;

export function loadForm(storage: Storage, signerId: string, version: string): SavedForm | null {
  const raw = storage.getItem(formKeyFor(signerId, version));
  if (!raw) return null;
  try {
    const f = JSON.parse(raw) as Partial<SavedForm>;
    return typeof f.name === 'string'
      ? { accept: f.accept === true, breach: f.breach === true, name: f.name, typed: typeof f.typed === 'string' ? f.typed : null, readToEnd: f.readToEnd === true }
      : null;
  } catch {
    return null;
  }
}

export function saveForm(storage: Storage, signerId: string, version: string, form: SavedForm): void {
  try {
    storage.setItem(formKeyFor(signerId, version), JSON.stringify(form));
  } catch {
    // Storage full or refused (private mode): the form still works, it just is not kept.
  }
}

export function clearForm(storage: Storage, signerId: string, version: string): void {
  storage.removeItem(formKeyFor(signerId, version));
}
