// Mailbox requirement sets the add-in gates features on. The manifest asks
// for 1.12 (OnMessageSend with Smart Alerts); anything newer is optional.

/** The sets whose features the add-in uses beyond the manifest's minimum. */
export type MailboxFeatureSet =
  | '1.8' // getAttachmentsAsync / getAttachmentContentAsync in compose
  | '1.10' // InsightMessage notifications with a "show task pane" action
  | '1.11' // item.sessionData: remembers, per draft, that a failed check was explained
  | '1.13' // sensitivityLabel, delayDeliveryTime
  | '1.14' // sendModeOverride (Send Anyway), cancelLabel + commandId, officeTheme
  | '1.15'; // errorMessageMarkdown

export type SupportsMailbox = (version: MailboxFeatureSet) => boolean;

/** Asks the host; false when the host cannot answer (very old clients, stubs). */
export function hostSupportsMailbox(office: typeof Office): SupportsMailbox {
  return (version) => {
    try {
      return office.context.requirements.isSetSupported('Mailbox', version);
    } catch {
      return false;
    }
  };
}
