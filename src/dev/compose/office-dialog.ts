// The harness's Office dialog: what Office.context.ui.displayDialogAsync shows
// (a sign-in page on the add-in's own origin), drawn as a modal with an
// iframe, whose page reaches its opener through the bridge messageParent uses.
import { useSyncExternalStore } from 'react';
import { DEV_DIALOG_KEY, type DevDialogBridge } from '../../outlook/auth/dialog-demo';
import type { FakeDialogEvents } from '../fake-office/fake-office';

export interface ShownDialog {
  readonly url: string;
  /** The user closes it (Office then tells the opener: 12006). */
  closeByUser(): void;
}

let current: ShownDialog | undefined;
const listeners = new Set<() => void>();
const notify = (): void => { for (const l of listeners) l(); };

/** The fake Office's openDialog hook. */
export function openDialog(url: string, events: FakeDialogEvents): { close(): void } {
  const bridge: DevDialogBridge = { messageParent: (text) => events.message(text) };
  Object.assign(window, { [DEV_DIALOG_KEY]: bridge });
  // The page sees `?host=dev` (as the pane does) to find this bridge.
  const shown: ShownDialog = {
    url,
    closeByUser: () => {
      if (current !== shown) return;
      current = undefined;
      notify();
      events.closedByUser();
    },
  };
  current = shown;
  notify();
  return {
    close: () => {
      if (current === shown) {
        current = undefined;
        notify();
      }
    },
  };
}

export function useOfficeDialog(): ShownDialog | undefined {
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => current);
}
