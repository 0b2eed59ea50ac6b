// The Signature column holds either the typed name or a drawn signature as a
// small standalone SVG (one path). Parsing never trusts the stored markup:
// only the viewBox numbers and a path of M/L commands survive, so a drawn
// signature can be shown with React attributes, never innerHTML.
import { reviewRecord, type ReviewedVersion, type ReviewReason } from '../policy/index';

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

/**
 * A stored signature holds something: a typed name, or a drawing with at least
 * one stroke. Markup that is not a drawing we made (an empty path, say) is not
 * a signature, even though it is not empty text.
 */
export function hasSignature(stored: string | undefined): boolean {
  if (stored === undefined) return false;
  const parsed = parseSignature(stored);
  if (stored.trim().startsWith('<') && parsed.kind !== 'drawn') return false;
  return !isBlank(parsed);
}

/** What of a stored signature record its review reads (an Acknowledgement has all of it). */
export interface StoredSignature {
  readonly signedAt: string;
  readonly modifiedAt?: string | null;
  readonly itemVersion?: number | null;
  readonly acceptsPolicy?: boolean;
  readonly understandsBreach?: boolean;
  readonly policyHash?: string;
  readonly signature?: string;
}

/**
 * Why a stored record does not count as signed for its version (none when it
 * does): the one reading the manager's report and the signer's own status share.
 */
export function reviewSignature(r: StoredSignature, version: ReviewedVersion): ReviewReason[] {
  return reviewRecord({
    acceptsPolicy: r.acceptsPolicy === true,
    understandsBreach: r.understandsBreach === true,
    hasSignature: hasSignature(r.signature),
    policyHash: r.policyHash ?? '',
    createdAt: r.signedAt,
    modifiedAt: r.modifiedAt ?? null,
    itemVersion: r.itemVersion ?? null,
  }, version);
}

/** The least a drawing must have, in the pad's own units (400 × 150): a signature, not a tap or a tick. */
export const MIN_INK = 120;
export const MIN_WIDTH = 60;
export const MIN_HEIGHT = 8;

/** The total length of the strokes and the box they fill, from a stored path (M/L commands). */
export function measurePath(path: string): { ink: number; width: number; height: number } {
  const numbers = path.match(/[ML]\s*-?\d+(?:\.\d+)?\s*,?\s*-?\d+(?:\.\d+)?/g) ?? [];
  let ink = 0, minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  let last: Point | null = null;
  for (const command of numbers) {
    const [x, y] = (command.slice(1).match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number) as [number, number];
    if (command.startsWith('L') && last) ink += Math.hypot(x - last.x, y - last.y);
    last = { x, y };
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  return numbers.length === 0 ? { ink: 0, width: 0, height: 0 } : { ink, width: maxX - minX, height: maxY - minY };
}

/** Case and spacing do not count: "tom  baker" is "Tom Baker". */
const normaliseName = (s: string): string => s.toLowerCase().replace(/\s+/g, '');

/**
 * Why a signature is not one, in words for the signer, or null when it will
 * do (issue 14: one tap in the pad, or "x" typed, was accepted). A drawing
 * needs enough ink and enough extent; a typed signature must be the printed
 * name, ignoring case and spacing.
 */
export function signatureProblem(signature: Signature | null, printedName: string): string | null {
  if (!signature || isBlank(signature)) return 'Draw or type your signature.';
  if (signature.kind === 'typed') {
    if (printedName.trim() === '') return 'Enter your printed name first: a typed signature is your name as printed.';
    return normaliseName(signature.text) === normaliseName(printedName)
      ? null
      : `A typed signature must be your name as printed above ("${printedName.trim()}").`;
  }
  const scale = signature.width > 0 ? 400 / signature.width : 1;
  const m = measurePath(signature.path);
  const ink = m.ink * scale, width = m.width * scale, height = m.height * scale;
  if (ink < 5 && width < 5 && height < 5) return 'That is a dot, not a signature. Sign across the box as you would on paper, or choose Type.';
  if (ink < MIN_INK || width < MIN_WIDTH) return 'That is too short to be a signature. Sign across more of the box, or choose Type.';
  if (height < MIN_HEIGHT) return 'That is a straight line, not a signature. Sign as you would on paper, or choose Type.';
  return null;
}
