import { describe, expect, it } from 'vitest';
import { encodeSignature, isBlank, parseSignature, strokesToPath } from '../signature';

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
