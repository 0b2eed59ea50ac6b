import { describe, expect, it } from 'vitest';
import { encodeSignature, hasSignature, isBlank, measurePath, parseSignature, signatureProblem, strokesToPath } from '../signature';

describe('strokesToPath', () => {
  it('draws each stroke from a move and lines', () => {
    expect(strokesToPath([[{ x: 1, y: 2 }, { x: 3.14159, y: 4 }], [{ x: 10, y: 10 }, { x: 11, y: 12 }]])).toBe('M1 2 L3.1 4 M10 10 L11 12');
  });
  it('turns a single tap into a visible dot', () => {
    expect(strokesToPath([[{ x: 5, y: 5 }]])).toBe('M5 5 L5.1 5.1');
  });
  it('is empty with no strokes', () => {
    expect(strokesToPath([[], []])).toBe('');
  });
});

describe('encodeSignature / parseSignature', () => {
  it('round-trips a drawn signature', () => {
    const drawn = { kind: 'drawn', width: 400, height: 150, path: 'M1 2 L3 4' } as const;
    const stored = encodeSignature(drawn);
    expect(stored.startsWith('<svg')).toBe(true);
    expect(parseSignature(stored)).toEqual(drawn);
  });
  it('keeps a typed signature as its trimmed text', () => {
    expect(encodeSignature({ kind: 'typed', text: '  Jo Bloggs ' })).toBe('Jo Bloggs');
    expect(parseSignature('Jo Bloggs')).toEqual({ kind: 'typed', text: 'Jo Bloggs' });
  });
  it('treats SVG with anything but move/line commands as text, never as markup', () => {
    const hostile = '<svg viewBox="0 0 10 10"><path d="M0 0" onload="alert(1)"/><script>x</script></svg>';
    expect(parseSignature(hostile).kind).toBe('drawn');
    const injected = '<svg viewBox="0 0 10 10"><path d="M0 0 Z&quot;/><script>"/></svg>';
    expect(parseSignature(injected)).toEqual({ kind: 'typed', text: injected });
  });
  it('knows a blank signature', () => {
    expect(isBlank({ kind: 'typed', text: '   ' })).toBe(true);
    expect(isBlank({ kind: 'drawn', width: 1, height: 1, path: '' })).toBe(true);
    expect(isBlank({ kind: 'typed', text: 'J' })).toBe(false);
  });
});

describe('signatureProblem', () => {
  const drawn = (path: string) => ({ kind: 'drawn', width: 400, height: 150, path }) as const;

  it('refuses nothing at all, a dot, a short line and a flat line, each saying why', () => {
    expect(signatureProblem(null, 'Ann Able')).toBe('Draw or type your signature.');
    expect(signatureProblem(drawn(strokesToPath([[{ x: 200, y: 75 }]])), 'Ann Able')).toMatch(/^That is a dot, not a signature\./);
    expect(signatureProblem(drawn('M100 75 L140 80'), 'Ann Able')).toMatch(/^That is too short to be a signature\./);
    expect(signatureProblem(drawn('M50 75 L350 76'), 'Ann Able')).toMatch(/^That is a straight line, not a signature\./);
  });

  it('accepts a scrawl with enough ink across enough of the pad', () => {
    expect(signatureProblem(drawn('M60 90 L110 50 L160 100 L210 55 L260 95'), 'Ann Able')).toBeNull();
  });

  it('measures in the pad\'s units whatever size the drawing was stored at', () => {
    expect(signatureProblem({ kind: 'drawn', width: 200, height: 75, path: 'M30 45 L55 25 L80 50 L105 28 L130 48' }, 'Ann Able')).toBeNull();
  });

  it('needs a typed signature to be the printed name, ignoring case and spacing', () => {
    expect(signatureProblem({ kind: 'typed', text: 'x' }, 'Ann Able')).toBe('A typed signature must be your name as printed above ("Ann Able").');
    expect(signatureProblem({ kind: 'typed', text: ' ann   ABLE ' }, 'Ann Able')).toBeNull();
    expect(signatureProblem({ kind: 'typed', text: 'AnnAble' }, 'Ann  Able')).toBeNull();
    expect(signatureProblem({ kind: 'typed', text: 'Ann Able' }, '')).toMatch(/printed name first/);
  });
});

describe('measurePath', () => {
  it('adds up the strokes and the box they fill, not the jumps between strokes', () => {
    expect(measurePath('M0 0 L30 40 M100 0 L100 10')).toEqual({ ink: 60, width: 100, height: 40 });
    expect(measurePath('')).toEqual({ ink: 0, width: 0, height: 0 });
  });
});

describe('hasSignature', () => {
  it('is true for a typed name and a drawing with strokes, false for nothing, blanks and markup without a drawing', () => {
    expect(hasSignature('Ann Able')).toBe(true);
    expect(hasSignature('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 150"><path d="M1 2 L30 40" fill="none"/></svg>')).toBe(true);
    expect(hasSignature(undefined)).toBe(false);
    expect(hasSignature('   ')).toBe(false);
    expect(hasSignature('<svg viewBox="0 0 400 150"><path d=""/></svg>')).toBe(false);
  });
});
