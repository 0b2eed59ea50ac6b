// Where the harness's send handlers run, per platform: beside the pane in the
// page (browser runtimes: web, new Outlook, Mac), or in a worker standing in
// for classic Windows' JavaScript-only runtime.
import type { FakeOffice } from '../fake-office/fake-office';
import { serveWorker, snapshotOf, type FromWorker, type ToWorker } from '../fake-office/remote';
import { clockNow } from '../clock';

export interface HandlerHost {
  /** Runs the associated handler as Outlook would; resolves with its completed() options. */
  dispatch(name: string): Promise<Office.SmartAlertsEventCompletedOptions | undefined>;
  /** Where the handlers run, shown in the harness. */
  readonly where: string;
}

export function inPage(fake: FakeOffice): HandlerHost {
  return { dispatch: (name) => fake.dispatch(name), where: 'a browser runtime beside the pane' };
}

/** Starts the worker; `code` is the built launchevent.js, or undefined for the dev server's source. */
export function inWorker(fake: FakeOffice, code: string | undefined): HandlerHost {
  const worker = new Worker(new URL('./handler-worker.ts', import.meta.url), { type: 'module', name: 'AUP Guard event runtime' });
  let next = 1;
  const waiting = new Map<number, (options: Office.SmartAlertsEventCompletedOptions | undefined) => void>();
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const m = event.data;
    if (m.type === 'completed') {
      waiting.get(m.id)?.(m.options);
      waiting.delete(m.id);
    } else if (m.type === 'failed') {
      console.error(`AUP Guard harness: the event runtime failed: ${m.message}`);
    } else if (m.type === 'call' || m.type === 'storage') {
      serveWorker(fake, worker, m);
    }
  };
  worker.postMessage({ type: 'load', ...(code !== undefined ? { code } : {}) } satisfies ToWorker);
  return {
    where: 'a separate JavaScript-only runtime (a worker: no DOM, no localStorage)',
    dispatch(name) {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ type: 'dispatch', id, name, nowMs: clockNow().getTime(), snapshot: snapshotOf(fake) } satisfies ToWorker);
      });
    },
  };
}
