// Entry point of dist/outlook/launchevent.js, the file Outlook loads for
// event-based activation (commands.html in browser runtimes; the file itself
// in classic Outlook on Windows). It must stay a plain script: no imports at
// run time, no DOM, no Intl. localStorage is read only where the runtime has
// it (browser runtimes share it with the pane; classic Windows' has none).
// Names match the manifest's LaunchEvent FunctionName attributes.
// First: the ES2017 runtime may lack library members a dependency calls at load.
import './es2017-library';
import { createSendTimeHandlers } from './send/handlers';
import type { LocalStore } from './cache/stores';

function runtimeLocalStorage(): LocalStore | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // a browser that denies storage to this origin
  }
}

const storage = runtimeLocalStorage();

const handlers = createSendTimeHandlers({
  office: Office,
  runtime: typeof OfficeRuntime === 'undefined' ? undefined : OfficeRuntime,
  ...(storage ? { localStorage: storage } : {}),
  // BAD: `now: Date.now`-style references; GOOD: read the global at call time,
  // so a host (or the dev harness) that adjusts the clock is honoured.
  now: () => new Date(),
  log: (message) => console.error(message),
});

export const onMessageSendHandler = handlers.onMessageSendHandler;
export const onMessageRecipientsChangedHandler = handlers.onMessageRecipientsChangedHandler;
export const onMessageAttachmentsChangedHandler = handlers.onMessageAttachmentsChangedHandler;

Office.actions.associate('onMessageSendHandler', onMessageSendHandler);
Office.actions.associate('onMessageRecipientsChangedHandler', onMessageRecipientsChangedHandler);
Office.actions.associate('onMessageAttachmentsChangedHandler', onMessageAttachmentsChangedHandler);
