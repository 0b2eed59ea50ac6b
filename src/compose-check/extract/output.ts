// Collects the parts a reader produces, with the offsets where each location
// ("cell B14", "page 2") begins, and stops at the text limit. Past the limit
// what was read so far is kept: a 6-million-character sheet still has its
// first pupils checked, and the result says the rest was not.
import { formatCount } from './budget';
import type { ExtractedPart } from './types';

/** Thrown when the text limit is reached; extractAttachment returns what was collected. */
export class TextLimit {
  constructor(readonly why: string) {}
}

export class PartWriter {
  private readonly chunks: string[] = [];
  length = 0;
  private readonly starts: number[] = [];
  private readonly places: string[] = [];

  constructor(readonly label: string, private readonly output: Output) {}

  append(text: string): void {
    if (text.length === 0) return;
    const allowed = this.output.charge(text.length);
    if (allowed < text.length) {
      this.chunks.push(text.slice(0, allowed));
      this.length += allowed;
      throw new TextLimit(`stopped after ${formatCount(this.output.maxChars)} characters: the rest was not checked`);
    }
    this.chunks.push(text);
    this.length += text.length;
  }

  /** The location of the text appended from here on; repeated locations are kept once. */
  mark(place: string): void {
    const last = this.places.length - 1;
    if (last >= 0 && this.places[last] === place) return;
    if (last >= 0 && this.starts[last] === this.length) {
      // Nothing was written at the previous mark: it is replaced.
      this.places[last] = place;
      return;
    }
    this.starts.push(this.length);
    this.places.push(place);
  }

  /** The last character appended, or '' for an empty part. */
  lastChar(): string {
    const last = this.chunks[this.chunks.length - 1];
    return last === undefined ? '' : last.charAt(last.length - 1);
  }

  build(): ExtractedPart {
    const text = this.chunks.join('');
    const { starts, places } = this;
    if (places.length === 0) return { label: this.label, text };
    return { label: this.label, text, locate: (offset: number) => placeAt(starts, places, offset) };
  }
}

/** The place whose start is the last at or before `offset`. */
function placeAt(starts: readonly number[], places: readonly string[], offset: number): string | undefined {
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || offset < (starts[0] as number)) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return places[lo];
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
