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

/**
 * Starts one Office call and settles when its callback fires. Callers await
 * each call before the next: Outlook on the web allows at most three at once.
 */
export function officeCall<T>(call: string, start: (callback: (result: AsyncResultLike<T>) => void) => void): Promise<T> {
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
