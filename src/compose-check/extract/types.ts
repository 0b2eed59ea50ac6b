// The attachment readers' contract (issue 12, item 1): an attachment's bytes
// in, the text a detector reads out, with where each part came from. Pure
// types, as the rest of the engine.

/**
 * What reading an attachment gave.
 * - `text`: the text, in parts (a sheet, a slide, a document's body or its headers).
 * - `protected`: password-protected or encrypted; its contents count as protected.
 * - `unreadable`: a format we read, but this file could not be read (damaged,
 *   scanned, over a limit); the user should be told it was not checked.
 * - `unsupported`: a format that carries no text we read (an image, audio, an
 *   older binary Office format's cousins); the host decides whether to mention it.
 */
export type Extraction =
  | ExtractedText
  | { readonly kind: 'protected'; readonly why: string }
  | { readonly kind: 'unreadable'; readonly why: string }
  | { readonly kind: 'unsupported'; readonly why: string };

export interface ExtractedText {
  readonly kind: 'text';
  readonly parts: readonly ExtractedPart[];
  /**
   * Set when only part of the file was read (a text limit): the parts hold what
   * was read, and this says what was not ("stopped after 5,000,000 characters").
   */
  readonly incomplete?: string;
  /** Files inside a .zip that were protected, unreadable or unsupported, by their path in the archive. */
  readonly skipped?: readonly SkippedEntry[];
}

export interface SkippedEntry {
  readonly name: string;
  readonly kind: 'protected' | 'unreadable' | 'unsupported';
  readonly why: string;
}

export interface ExtractedPart {
  /**
   * Which part of the file: "sheet Year 9", "slide 4", "slide 4 notes",
   * "header", "footer", "" for a document's body. Inside a .zip the entry's
   * path comes first: "reports/pupils.xlsx, sheet Year 9".
   */
  readonly label: string;
  /**
   * Plain text. Spreadsheets and tables give one row per line with
   * tab-separated cells, so a bulk-list rule sees the table.
   */
  readonly text: string;
  /**
   * Where the character at `offset` of `text` came from, finer than the label:
   * "cell B14", "page 2". Undefined where the file says nothing finer.
   */
  locate?(offset: number): string | undefined;
}

/** Limits on the work one attachment may cause; DEFAULT_LIMITS documents each. */
export interface ExtractLimits {
  /** Largest attachment read, in bytes. */
  readonly maxBytes: number;
  /** Most bytes decompressed from one attachment, all its zip entries and PDF streams together. */
  readonly maxInflatedBytes: number;
  /**
   * Largest output-to-input ratio of one compressed stream once its output
   * passes `ratioFloorBytes`: ordinary documents compress 5-30 times, a zip
   * bomb hundreds of times.
   */
  readonly maxInflateRatio: number;
  /** Output a stream may reach before the ratio is enforced, so small, very regular entries pass. */
  readonly ratioFloorBytes: number;
  /** Most entries in a zip container (OOXML, ODF or a .zip attachment). */
  readonly maxEntries: number;
  /** Most objects in a PDF. */
  readonly maxPdfObjects: number;
  /** Most characters of text kept; past it the rest is reported as not read (`incomplete`). */
  readonly maxTextChars: number;
  /** Time for one attachment, measured with the caller's clock (`now`); none without one. */
  readonly timeMs: number;
}
