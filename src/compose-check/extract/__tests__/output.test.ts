import { describe, expect, it } from 'vitest';
import { Output, TextLimit } from '../output';

/** "r1c0,r1c1,…\n": the text of `rows` rows of `cols` cells, as appended one cell at a time. */
function writeCells(out: Output, rows: number, cols: number): string {
  const part = out.part('sheet 1');
  let expected = '';
  for (let r = 1; r <= rows; r++) {
    for (let c = 0; c < cols; c++) {
      part.markCell(c, r);
      const text = `r${r}c${c}${c === cols - 1 ? '\n' : ','}`;
      part.append(text);
      expected += text;
    }
  }
  return expected;
}

describe('the text a reader writes', () => {
  it('keeps every append in order, and where each came from, however many there are', () => {
    const out = new Output(1_000_000);
    // Thousands of appends: far more than one block of them.
    const expected = writeCells(out, 300, 7);
    const [part] = out.build();
    expect(part?.text).toBe(expected);
    const at = expected.indexOf('r250c3');
    expect(part?.locate?.(at)).toBe('cell D250');
    expect(part?.locate?.(at + 'r250c3'.length)).toBe('cell D250');
    expect(part?.locate?.(expected.length - 1)).toBe('cell G300');
  });

  it('stops at the text limit with exactly the characters that fitted, from every block', () => {
    const out = new Output(10_001);
    const part = out.part('sheet 1');
    let attempted = '';
    let stopped: unknown;
    try {
      for (let i = 0; i < 10_000; i++) {
        const text = `${i},`;
        attempted += text;
        part.append(text);
      }
    } catch (error) {
      stopped = error;
    }
    expect(stopped).toBeInstanceOf(TextLimit);
    const text = out.build()[0]?.text ?? '';
    expect(text).toBe(attempted.slice(0, 10_001));
    expect(part.lastChar()).toBe(text.charAt(text.length - 1));
  });

  it('names the last character written without reading the text', () => {
    const out = new Output(100);
    const part = out.part('');
    expect(part.lastChar()).toBe('');
    part.append('ab');
    part.append('c\n');
    expect(part.lastChar()).toBe('\n');
  });
});
