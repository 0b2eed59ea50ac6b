// The Signature column holds either the typed name or a drawn signature as a
// small standalone SVG (one path). Parsing never trusts the stored markup:
// only the viewBox numbers and a path of M/L commands survive, so a drawn
// signature can be shown with React attributes, never innerHTML.

export interface Point {
  readonly x: number;
  readonly y: number;
}

export type Signature =
  | { readonly kind: 'typed'; readonly text: string }
  | { readonly kind: 'drawn'; readonly width: number; readonly height: number; readonly path: string };

const PATH = /^[ML][\d.\s,ML-]*$/;
const round = (n: number): string => String(Math.round(n * 10) / 10);

/** Strokes (one array of points per pen-down) to SVG path data; a lone tap becomes a dot. */
export function strokesToPath(strokes: readonly (readonly Point[])[]): string {
  return strokes
    .filter((s) => s.length > 0)
    .map((s) => {
      const [first, ...rest] = s as [Point, ...Point[]];
      const tail = rest.length > 0 ? rest : [{ x: first.x + 0.1, y: first.y + 0.1 }];
      return `M${round(first.x)} ${round(first.y)}${tail.map((p) => ` L${round(p.x)} ${round(p.y)}`).join('')}`;
    })
    .join(' ');
}

export function encodeSignature(signature: Signature): string {
  if (signature.kind === 'typed') return signature.text.trim();
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${signature.width} ${signature.height}"><path d="${signature.path}" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
}

export function parseSignature(stored: string): Signature {
  if (stored.startsWith('<svg')) {
    const box = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(stored);
    const d = /<path d="([^"]*)"/.exec(stored);
    if (box && d && PATH.test(d[1]!)) {
      return { kind: 'drawn', width: Number(box[1]), height: Number(box[2]), path: d[1]! };
    }
  }
  return { kind: 'typed', text: stored };
}

/** Whether a signature has anything in it. */
export function isBlank(signature: Signature): boolean {
  return signature.kind === 'typed' ? signature.text.trim() === '' : signature.path.trim() === '';
}
