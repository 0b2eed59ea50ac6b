// Deflate with a hard cap on output. fflate's streaming Inflate (ES5, no
// TextDecoder on this path) is fed small slices of input (see FIRST_SLICE), so
// one push can produce at most about a thousand times its size, and the
// caps are checked after every push: a zip bomb stops after a few MB of
// work, whatever sizes its headers declare.
import { Inflate } from 'fflate';
import { Unreadable, Stop, formatCount, type Budget } from './budget';

/**
 * Input per push starts at 1 KB and doubles while the stream inflates like a
 * document (under 50:1), up to 32 KB and never more than the inflate budget
 * left could take at deflate's 1,032:1: a zip bomb shows itself within a
 * couple of MB of output, and an ordinary part is read in few pushes (each
 * costs fflate a copy of its 32 KB window).
 */
const FIRST_SLICE = 1024;
const MAX_SLICE = 32768;
const DEFLATE_MAX_RATIO = 1032;

export interface InflateOptions {
  /** Largest output expected from this stream (an entry's declared size), if any. */
  readonly maxOutput?: number;
  /**
   * Keep what was inflated before damage or a truncated end (PDF streams are
   * often cut short) instead of failing; caps still stop.
   */
  readonly lenient?: boolean;
  /** Names the stream in a limit's message ("pupils.xlsx's xl/worksheets/sheet1.xml"). */
  readonly what?: string;
}

/** Raw deflate (no zlib header) to bytes, within the budget's caps. */
export function inflateRaw(data: Uint8Array, budget: Budget, options: InflateOptions = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const { maxInflateRatio, ratioFloorBytes } = budget.limits;
  const inflater = new Inflate((chunk: Uint8Array) => {
    if (chunk.length === 0) return;
    total += chunk.length;
    budget.addInflated(chunk.length);
    chunks.push(chunk);
  });
  try {
    let slice = FIRST_SLICE;
    for (let at = 0; at < data.length;) {
      const end = Math.min(data.length, at + slice);
      inflater.push(data.subarray(at, end), false);
      at = end;
      if (total > ratioFloorBytes && total > at * maxInflateRatio) {
        throw new Stop(`stopped: expands more than ${formatCount(maxInflateRatio)} times (zip bomb?)`);
      }
      if (options.maxOutput !== undefined && total > options.maxOutput) {
        throw new Stop(`stopped: ${options.what ?? 'a part'} is larger than it says it is`);
      }
      budget.checkTime();
      const room = (budget.limits.maxInflatedBytes - budget.inflated) / DEFLATE_MAX_RATIO;
      slice = total < at * 50 ? Math.max(FIRST_SLICE, Math.floor(Math.min(MAX_SLICE, slice * 2, room))) : FIRST_SLICE;
    }
    inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof Stop) throw error;
    if (!options.lenient) throw new Unreadable(`${options.what ?? 'a compressed part'} is damaged`);
  }
  return concat(chunks, total);
}

/**
 * A zlib stream (PDF's FlateDecode): the two-byte header is skipped and the
 * Adler-32 checksum not checked, as readers do for the many PDFs that get it
 * wrong; a stream without a valid header is tried as raw deflate.
 */
export function inflateZlib(data: Uint8Array, budget: Budget, options: InflateOptions = {}): Uint8Array {
  const cmf = data[0] ?? 0;
  const flg = data[1] ?? 0;
  const hasHeader = (cmf & 0x0f) === 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 === 0 && (flg & 0x20) === 0;
  return inflateRaw(hasHeader ? data.subarray(2) : data, budget, options);
}

export function concat(chunks: readonly Uint8Array[], total?: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const size = total ?? chunks.reduce((s, c) => s + c.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
