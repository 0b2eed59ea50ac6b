// The harness's settable clock. Outlook's handlers read `new Date()`, so the
// harness shifts this window's Date by an offset (time keeps running) rather
// than adding a clock seam to production code. Installed before the handlers load.
const RealDate = Date;
let offsetMs = 0;

export function installClock(): void {
  if ((globalThis.Date as unknown) !== RealDate) return;
  const ClockDate = function (this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new RealDate(RealDate.now() + offsetMs).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [RealDate.now() + offsetMs] : args, new.target);
  } as unknown as DateConstructor;
  Object.setPrototypeOf(ClockDate, RealDate);
  Object.defineProperty(ClockDate, 'prototype', { value: RealDate.prototype });
  Object.defineProperty(ClockDate, 'now', { value: () => RealDate.now() + offsetMs });
  globalThis.Date = ClockDate;
}

export function setClock(at: Date | undefined): void {
  offsetMs = at ? at.getTime() - RealDate.now() : 0;
}

export function clockNow(): Date {
  return new RealDate(RealDate.now() + offsetMs);
}
