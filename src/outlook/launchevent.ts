// Entry point of dist/outlook/launchevent.js, the file Outlook loads for
// event-based activation (commands.html in browser runtimes; the file itself
// in classic Outlook on Windows). It must stay a plain script: no imports at
// run time, no DOM, no Intl, no localStorage. Names match the manifest's
// LaunchEvent FunctionName attributes.
import { createSendTimeHandlers } from './send/handlers';

const handlers = createSendTimeHandlers({
  office: Office,
  runtime: typeof OfficeRuntime === 'undefined' ? undefined : OfficeRuntime,
  // BAD: `now: Date.now`-style references; GOOD: read the global at call time,
  // so a host (or the dev harness) that adjusts the clock is honoured.
  now: () => new Date(),
  log: (message) => console.error(message),
});

export const onMessageSendHandler = handlers.onMessageSendHandler;
export const onMessageRecipientsChangedHandler = handlers.onMessageRecipientsChangedHandler;

Office.actions.associate('onMessageSendHandler', onMessageSendHandler);
Office.actions.associate('onMessageRecipientsChangedHandler', onMessageRecipientsChangedHandler);
