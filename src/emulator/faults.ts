// Fault injection: a fraction of Graph and SharePoint requests answer 429 or 503
// instead of being served, as a throttled tenant would. Both carry Retry-After,
// as Graph and SharePoint send it with 503 too: without it graph-client's
// RetryHandler backs off exponentially (2 s, 4 s, 8 s... from the third try).
// 'commit-then-503' performs the request and then reports 503, like a reply
// lost after the write: the case the store's idempotency (SubmissionId) covers.
import * as v from 'valibot';
import { prng } from './seed/random';

export type FaultKind = '429' | '503' | 'commit-then-503';

/** The body of PUT /_dev/faults, checked: a test's typo should say so, not silently inject nothing. */
export const faultOptionsSchema = v.strictObject({
  rate: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  kinds: v.pipe(v.array(v.picklist(['429', '503', 'commit-then-503'] as const)), v.minLength(1)),
  retryAfterSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  inBatch: v.optional(v.boolean()),
  seed: v.optional(v.number()),
});

/** Parses PUT /_dev/faults: `{}` turns faults off. Throws a message naming the bad field. */
export function parseFaultOptions(body: unknown): FaultOptions | undefined {
  if (typeof body === 'object' && body !== null && Object.keys(body).length === 0) return undefined;
  const result = v.safeParse(faultOptionsSchema, body);
  if (result.success) return result.output;
  throw new TypeError(result.issues.map((i) => `${v.getDotPath(i) ?? '(body)'}: ${i.message}`).join('; '));
}

export interface FaultOptions {
  /** 0..1: the fraction of requests that fail. */
  readonly rate: number;
  readonly kinds: readonly FaultKind[];
  /** Seconds in Retry-After (on 429 and 503 alike); Graph sends whole seconds. Default 1; 0 makes retry tests fast. */
  readonly retryAfterSeconds?: number;
  /** Also fail individual $batch sub-requests, as Graph throttles them one by one. Default true. */
  readonly inBatch?: boolean;
  /** Seed for a repeatable sequence of faults; default: random. */
  readonly seed?: number;
}

export interface FaultStats {
  readonly eligible: number;
  readonly injected: Readonly<Record<FaultKind, number>>;
}

export class FaultInjector {
  private options: FaultOptions | undefined;
  private random: () => number = Math.random;
  private eligible = 0;
  private injected: Record<FaultKind, number> = { '429': 0, '503': 0, 'commit-then-503': 0 };

  constructor(options?: FaultOptions) {
    this.set(options);
  }

  set(options: FaultOptions | undefined): void {
    if (options) {
      if (!(options.rate >= 0 && options.rate <= 1)) throw new RangeError(`fault rate must be between 0 and 1, got ${options.rate}`);
      if (options.rate > 0 && options.kinds.length === 0) throw new RangeError('fault kinds must not be empty');
    }
    this.options = options && options.rate > 0 ? options : undefined;
    this.random = options?.seed === undefined ? Math.random : prng(options.seed);
    this.eligible = 0;
    this.injected = { '429': 0, '503': 0, 'commit-then-503': 0 };
  }

  /** Decides the fate of one request; undefined means serve it normally. */
  pick(inBatch = false): FaultKind | undefined {
    const o = this.options;
    if (!o || (inBatch && o.inBatch === false)) return undefined;
    this.eligible++;
    if (this.random() >= o.rate) return undefined;
    const kind = o.kinds[Math.floor(this.random() * o.kinds.length)]!;
    this.injected[kind]++;
    return kind;
  }

  /** Retry-After for an injected fault, whatever its kind. */
  headers(): Record<string, string> {
    return { 'Retry-After': String(this.options?.retryAfterSeconds ?? 1) };
  }

  stats(): FaultStats {
    return { eligible: this.eligible, injected: { ...this.injected } };
  }
}

export function faultReplyBody(kind: FaultKind): { code: string; message: string; status: number } {
  return kind === '429'
    ? { status: 429, code: 'TooManyRequests', message: 'Too many requests (injected by the emulator).' }
    : { status: 503, code: 'serviceNotAvailable', message: 'The service is temporarily unavailable (injected by the emulator).' };
}
