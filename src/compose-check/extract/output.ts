// Collects the parts a reader produces, with the offsets where each location
// ("cell B14", "page 2") begins, and stops at the text limit. Past the limit
// what was read so far is kept: a 6-million-character sheet still has its
// first pupils checked, and the result says the rest was not.
import { formatCount } from './budget';
import { columnName } from './cells';
import type { ExtractedPart } from './types';

/** Thrown when the text limit is reached; extractAttachment returns what was collected. */
export class TextLimit {
  constructor(readonly why: string) {}
}

/**
 * A place is a string ("page 2") or, for spreadsheets, a cell packed into a
 * number (column × 2^21 + row) and named only when asked: a 2,000-row export
 * has 160,000 cells, and building "cell B14" for each would cost more than
 * reading the sheet.
 */
const CELL_ROWS = 2097152;

/**
 * Appends joined into one string at a time. A rope built with += held a
 * 2,000-row sheet's few hundred thousand pieces live while it was read, and
 * every young-generation GC copied them (about 80 ms a sheet); small blocks
 * leave few objects behind, and the few blocks are joined once at the end.
 */
const BLOCK_PIECES = 256;

export class PartWriter {
  /** The text so far: the blocks joined, then the current block's pieces. */
  private readonly blocks: string[] = [];
  private readonly pieces: string[] = [];
  /** Kept apart, so reading it never joins the text. */
  private last = '';
  length = 0;
  private starts = new Float64Array(16);
  /** Cells as col × 2^21 + row + 1; named places as -(index in `names` + 1): numbers in a typed array, no garbage per cell. */
  private places = new Float64Array(16);
  private count = 0;
  private readonly names: string[] = [];

  constructor(readonly label: string, private readonly output: Output) {}

  append(text: string): void {
    const n = text.length;
    if (n === 0) return;
    const allowed = this.output.charge(n);
    if (allowed < n) {
      this.push(text.slice(0, allowed));
      this.length += allowed;
      if (allowed > 0) this.last = text.charAt(allowed - 1);
      throw new TextLimit(`stopped after ${formatCount(this.output.maxChars)} characters: the rest was not checked`);
    }
    this.push(text);
    this.length += n;
    this.last = text.charAt(n - 1);
  }

  private push(text: string): void {
    const { pieces } = this;
    pieces.push(text);
    if (pieces.length >= BLOCK_PIECES) {
      this.blocks.push(pieces.join(''));
      pieces.length = 0;
    }
  }

  /** The location of the text appended from here on; repeated locations are kept once. */
  mark(place: string): void {
    const last = this.names.length - 1;
    if (last >= 0 && this.names[last] === place && this.count > 0 && this.places[this.count - 1] === -(last + 1)) return;
    this.names.push(place);
    this.place(-this.names.length);
  }

  /** The text appended from here on comes from cell (`col`, `row`); named "cell B14" by locate(). */
  markCell(col: number, row: number): void {
    this.place(col * CELL_ROWS + row + 1);
  }

  private place(place: number): void {
    const last = this.count - 1;
    if (last >= 0 && this.places[last] === place) return;
    if (last >= 0 && this.starts[last] === this.length) {
      // Nothing was written at the previous mark: it is replaced.
      this.places[last] = place;
      return;
    }
    if (this.count === this.places.length) {
      const starts = new Float64Array(this.count * 2);
      starts.set(this.starts);
      this.starts = starts;
      const places = new Float64Array(this.count * 2);
      places.set(this.places);
      this.places = places;
    }
    this.starts[this.count] = this.length;
    this.places[this.count] = place;
    this.count++;
  }

  /** The last character appended, or '' for an empty part. */
  lastChar(): string {
    return this.last;
  }

  build(): ExtractedPart {
    const { names, count } = this;
    const text = this.blocks.join('') + this.pieces.join('');
    if (count === 0) return { label: this.label, text };
    const starts = this.starts.subarray(0, count);
    const places = this.places.subarray(0, count);
    return { label: this.label, text, locate: (offset: number) => placeAt(starts, places, names, offset) };
  }
}

/** The place whose start is the last at or before `offset`. */
function placeAt(starts: Float64Array, places: Float64Array, names: readonly string[], offset: number): string | undefined {
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || offset < (starts[0] as number)) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const place = places[lo] as number;
  if (place < 0) return names[-place - 1];
  return `cell ${columnName(Math.floor((place - 1) / CELL_ROWS))}${(place - 1) % CELL_ROWS}`;
}

interface Shared {
  readonly writers: PartWriter[];
  chars: number;
  readonly maxChars: number;
}

export class Output {
  private readonly shared: Shared;

  constructor(maxChars: number, private readonly prefix = '', shared?: Shared) {
    this.shared = shared ?? { writers: [], chars: 0, maxChars };
  }

  get maxChars(): number {
    return this.shared.maxChars;
  }

  /** The same output, whose new parts are labelled as inside `entry` (a path in a .zip). */
  within(entry: string): Output {
    return new Output(this.shared.maxChars, entry, this.shared);
  }

  /** A new part; its label is prefixed with the zip entry it is in, if any. */
  part(label: string): PartWriter {
    const full = this.prefix && label ? `${this.prefix}, ${label}` : this.prefix || label;
    const writer = new PartWriter(full, this);
    this.shared.writers.push(writer);
    return writer;
  }

  /** Counts `n` characters; returns how many of them fit under the limit. */
  charge(n: number): number {
    const room = Math.max(0, this.shared.maxChars - this.shared.chars);
    const taken = Math.min(n, room);
    this.shared.chars += taken;
    return taken;
  }

  /** The non-empty parts, in the order they were started. */
  build(): ExtractedPart[] {
    const parts: ExtractedPart[] = [];
    for (const w of this.shared.writers) {
      if (w.length > 0) parts.push(w.build());
    }
    return parts;
  }
}
