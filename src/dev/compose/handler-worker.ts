// The classic-Windows stand-in for Outlook's JavaScript-only event runtime: a
// dedicated worker (no DOM, no localStorage) that loads launchevent.js against
// a stand-in Office forwarding every call to the page (../fake-office/remote.ts).
import { installClock, setClock } from '../clock';
import { remoteOffice, type FromWorker, type RemoteOffice, type ToWorker } from '../fake-office/remote';

const scope = globalThis as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};
const post = (message: FromWorker): void => scope.postMessage(message);

let remote: RemoteOffice | undefined;
installClock();

async function load(code: string | undefined, first: Extract<ToWorker, { type: 'dispatch' }>['snapshot']): Promise<void> {
  remote = remoteOffice(post, first);
  Object.assign(globalThis, { Office: remote.Office, ...(remote.OfficeRuntime ? { OfficeRuntime: remote.OfficeRuntime } : {}) });
  // The built file is one classic script, as Outlook loads it; the dev server's source is a module.
  if (code !== undefined) new Function(code)();
  else if (import.meta.env.DEV) await import('../../outlook/launchevent');
}

let pendingCode: string | undefined;
let loaded = false;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'load') {
    pendingCode = message.code;
    post({ type: 'loaded', handlers: [] });
    return;
  }
  if (message.type === 'reply') {
    remote?.receive(message.id, message.result);
    return;
  }
  void (async () => {
    try {
      if (!loaded) {
        // Loaded on the first event, with what the runtime sees then, as Outlook starts it on demand.
        await load(pendingCode, message.snapshot);
        loaded = true;
      }
      if (!remote) throw new Error('the handler runtime did not start');
      remote.update(message.snapshot);
      setClock(new Date(message.nowMs));
      const handler = remote.associated.get(message.name);
      if (!handler) throw new Error(`No handler associated as ${message.name}`);
      handler({ completed: (options) => post({ type: 'completed', id: message.id, options }) });
    } catch (error) {
      post({ type: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      post({ type: 'completed', id: message.id, options: undefined });
    }
  })();
};
