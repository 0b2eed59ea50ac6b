// Attachments as the detector reads them (issue 12): each attachment's text
// from the readers (extract/), part by part ("sheet Year 9", "page 2"), or
// the text a host gave for a text file; and a note for every attachment that
// is protected or was not (fully) checked, which the decision carries apart
// from findings: a protected workbook is not sensitive data, it is protected.
// The clock is the host's: without one there is no time limit, only the
// readers' size limits.
import { htmlToText } from './normalise';
import { DEFAULT_LIMITS, extractAttachment, hostTextKind } from './extract/index';
import type { Extraction } from './extract/index';
import type { AttachmentNote, DraftAttachment } from './types';

/** One part of an attachment's text, with where it came from. */
export interface AttachmentPart {
  /** "sheet Year 9", "slide 4", "header"; "" for a document's body. In a .zip the entry comes first: "reports/pupils.xlsx, sheet Year 9". */
  readonly label: string;
  readonly text: string;
  /** The place of the character at `offset`, finer than the label: "cell B14", "page 2". */
  readonly locate?: (offset: number) => string | undefined;
}

export interface AttachmentRead {
  readonly parts: readonly AttachmentPart[];
  readonly notes: readonly AttachmentNote[];
}

/**
 * Time for reading all of one message's attachments, with the host's clock.
 * Each attachment also has the readers' own limit (DEFAULT_LIMITS.timeMs);
 * past this one the rest are named as not checked, so Send is never held
 * for long by a message with many large files.
 */
export const ATTACHMENTS_TIME_MS = 3000;

/** A host-given text, read only for text-like files (extract/index.ts decides which). */
function hostText(a: DraftAttachment): string | undefined {
  if (a.text === undefined) return undefined;
  const kind = hostTextKind(a.name, a.contentType);
  return kind === 'html' ? htmlToText(a.text) : kind === 'text' ? a.text : undefined;
}

// Extractions by the bytes they read: the task pane checks the same draft
// every few seconds, and a 2 MB workbook need not be read each time. Weak, so
// an attachment's bytes and result go when the host lets go of them.
const extractions = new WeakMap<Uint8Array, { readonly name: string; readonly result: Extraction }>();

function extract(a: DraftAttachment, bytes: Uint8Array, timeMs: number, clock: (() => number) | undefined): Extraction {
  const known = extractions.get(bytes);
  // The name counts too: it decides between formats the bytes allow (a .csv or a .txt, an .xlsx or a .docx).
  if (known && known.name === a.name) return known.result;
  const started = clock?.() ?? 0;
  const result = extractAttachment({ name: a.name, ...(a.contentType ? { contentType: a.contentType } : {}), bytes }, { timeMs }, clock);
  // A result cut short by the clock is not the file's answer: the next check may have more time.
  const outOfTime = clock !== undefined && result.kind === 'unreadable' && clock() - started >= timeMs;
  if (!outOfTime) extractions.set(bytes, { name: a.name, result });
  return result;
}

function fromExtraction(name: string, result: Extraction): AttachmentRead {
  if (result.kind === 'protected' || result.kind === 'unreadable') return { parts: [], notes: [{ kind: result.kind, name, why: result.why }] };
  if (result.kind === 'unsupported') return { parts: [], notes: [{ kind: 'skipped', name, why: result.why }] };
  const notes: AttachmentNote[] = (result.skipped ?? []).map((e) => ({
    kind: e.kind === 'unsupported' ? 'skipped' : e.kind, name: `${name}, ${e.name}`, why: e.why,
  }));
  if (result.incomplete) notes.push({ kind: 'unreadable', name, why: `only partly checked: ${result.incomplete}` });
  return { parts: result.parts, notes };
}

/**
 * Reads every attachment, in order. `clock` (milliseconds, any origin) is the
 * host's; with it reading stops at ATTACHMENTS_TIME_MS for the whole message.
 */
export function readAttachments(attachments: readonly DraftAttachment[], clock?: () => number): AttachmentRead[] {
  const started = clock?.() ?? 0;
  return attachments.map((a): AttachmentRead => {
    if (a.notRead) return { parts: [], notes: [{ ...a.notRead, name: a.name }] };
    if (a.bytes) {
      const left = clock ? ATTACHMENTS_TIME_MS - (clock() - started) : DEFAULT_LIMITS.timeMs;
      if (left <= 0) return { parts: [], notes: [{ kind: 'unreadable', name: a.name, why: 'not checked: the time for checking attachments ran out' }] };
      return fromExtraction(a.name, extract(a, a.bytes, Math.min(DEFAULT_LIMITS.timeMs, left), clock));
    }
    const text = hostText(a);
    return { parts: text === undefined ? [] : [{ label: '', text }], notes: [] };
  });
}

/** A note as one line for people: "Protected attachment: pupils.xlsx", "Couldn't check scan.pdf: scanned image, no text". */
export function describeAttachmentNote(note: AttachmentNote): string {
  switch (note.kind) {
    case 'protected': return `Protected attachment: ${note.name} (${note.why})`;
    case 'unreadable': return `Couldn't check ${note.name}: ${note.why}`;
    case 'skipped': return `Not checked: ${note.name} (${note.why})`;
  }
}
