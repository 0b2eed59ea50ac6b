// Office.js reports results through callbacks with an AsyncResult; this turns
// one call into a promise and a failure into a typed error that names the call.

export class OfficeCallError extends Error {
  override readonly name = 'OfficeCallError';
  constructor(
    /** Which call failed, e.g. `body.getAsync`. */
    readonly call: string,
    /** Office's error code, when it gave one. */
    readonly code: number | undefined,
    message: string,
  ) {
    super(`${call} failed: ${message}`);
  }
}

/** The part of Office.AsyncResult this adapter reads. */
export interface AsyncResultLike<T> {
  readonly status: Office.AsyncResultStatus | string;
  readonly value: T;
  readonly error?: { readonly code?: number; readonly message?: string } | null;
}

// Every call in this window queues behind the previous one. Outlook on the web
// fails a fourth concurrent call, and the task pane has independent parts (the
// live check, the label catalogue, event registration) that would otherwise
// overlap; one queue makes "one call at a time" true for the whole add-in.
let tail: Promise<unknown> = Promise.resolve();

/** Starts one Office call once the previous has settled, and settles when its callback fires. */
export function officeCall<T>(call: string, start: (callback: (result: AsyncResultLike<T>) => void) => void): Promise<T> {
  const run = tail.then(() => startCall(call, start));
  tail = run.catch(() => undefined);
  return run;
}

function startCall<T>(call: string, start: (callback: (result: AsyncResultLike<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((result) => {
        if (result.status === 'succeeded') resolve(result.value);
        else reject(new OfficeCallError(call, result.error?.code, result.error?.message ?? 'no detail'));
      });
    } catch (error) {
      reject(new OfficeCallError(call, undefined, error instanceof Error ? error.message : String(error)));
    }
  });
}
