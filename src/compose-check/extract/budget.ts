// The work one attachment may cause, shared by every reader it passes through
// (a .docx inside a .zip spends the .zip's budget). Readers call tick() in
// their loops; a spent budget throws Stop, which extractAttachment turns into
// an 'unreadable' result naming the limit. The clock is the caller's: the
// engine never reads one itself.
import type { ExtractLimits } from './types';

const MB = 1024 * 1024;

/**
 * Defaults, chosen for a school's mail: Exchange Online accepts messages up to
 * 25 MB by default in Outlook; an .xlsx export of 2,000 pupils inflates to a
 * few MB; deflate cannot exceed about 1,032:1, and real documents stay under
 * 30:1 where a bomb sits near the maximum; a second is the most one
 * attachment may hold up Send (the 2 MB exports of the bench read in well under it).
 */
export const DEFAULT_LIMITS: ExtractLimits = {
  maxBytes: 25 * MB,
  maxInflatedBytes: 50 * MB,
  maxInflateRatio: 200,
  ratioFloorBytes: 1 * MB,
  maxEntries: 2000,
  maxPdfObjects: 200000,
  maxTextChars: 5000000,
  timeMs: 1000,
};

/** A limit was reached: `why` is the user-facing reason, starting "stopped:". */
export class Stop {
  constructor(readonly why: string) {}
}

/** A file that cannot be read (damaged, not what it claims, scanned): `why` says so, for the user. */
export class Unreadable {
  constructor(readonly why: string) {}
}

/** Password-protected or encrypted content: `why` names it ("password-protected PDF"). */
export class Protected {
  constructor(readonly why: string) {}
}

/** How often, in ticks, the clock is read: cheap loops tick per item. */
const CLOCK_EVERY = 256;

export const formatCount = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
export const formatMB = (bytes: number): string => `${formatCount(bytes / MB)} MB`;

export class Budget {
  readonly limits: ExtractLimits;
  private readonly started: number;
  private ticks = 0;
  inflated = 0;

  constructor(limits: ExtractLimits, private readonly now: (() => number) | undefined) {
    this.limits = limits;
    this.started = now ? now() : 0;
  }

  /** Counts one unit of work; every so often checks the time. */
  tick(): void {
    if (++this.ticks % CLOCK_EVERY === 0) this.checkTime();
  }

  checkTime(): void {
    if (this.now && this.now() - this.started > this.limits.timeMs) {
      throw new Stop(`stopped: took longer than ${formatCount(this.limits.timeMs)} ms to read`);
    }
  }

  /** Counts decompressed bytes against the attachment's total. */
  addInflated(bytes: number): void {
    this.inflated += bytes;
    if (this.inflated > this.limits.maxInflatedBytes) {
      throw new Stop(`stopped: expands to more than ${formatMB(this.limits.maxInflatedBytes)} (zip bomb?)`);
    }
  }
}
