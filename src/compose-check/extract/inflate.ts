// Deflate with a hard cap on output. fflate's streaming Inflate (ES5, no
// TextDecoder on this path) is fed 16 KB slices of input, so one push can
// produce at most about a thousand times that (deflate's ceiling), and
// the caps are checked after every push: a zip bomb stops after a few MB of
// work, whatever sizes its headers declare.
import { Inflate } from 'fflate';
import { Unreadable, Stop, formatCount, type Budget } from './budget';

/**
 * Input per push: at most ~16 MB of output between two checks of the caps.
 * Larger slices are barely faster once the code is warm (fflate keeps a 32 KB
 * window and grows its buffer per push) and let a bomb allocate more first.
 */
const SLICE = 16384;

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
    for (let at = 0; at < data.length; at += SLICE) {
      inflater.push(data.subarray(at, Math.min(data.length, at + SLICE)), false);
      if (total > ratioFloorBytes && total > (at + SLICE) * maxInflateRatio) {
        throw new Stop(`stopped: expands more than ${formatCount(maxInflateRatio)} times (zip bomb?)`);
      }
      if (options.maxOutput !== undefined && total > options.maxOutput) {
        throw new Stop(`stopped: ${options.what ?? 'a part'} is larger than it says it is`);
      }
      budget.checkTime();
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
