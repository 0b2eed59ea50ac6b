// Rasterises the Teams app icons from the small vector description in
// assets/icons/icons.json. Hand-rolled because the shapes are trivial and a
// real SVG rasteriser would mean a native binary; output is deterministic
// (fixed 4×4 supersampling, pngjs's encoder), so packages are reproducible.
import { PNG } from 'pngjs';
import * as v from 'valibot';

const Point = v.tuple([v.number(), v.number()]);
const Colour = v.union([v.literal('accent'), v.pipe(v.string(), v.regex(/^#[0-9A-Fa-f]{6}$/, 'must be #RRGGBB'))]);
const Placement = {
  /** Multiplies the 100×100 grid coordinates, then `offset` moves them. */
  scale: v.optional(v.number(), 1),
  offset: v.optional(Point, [0, 0]),
};

const Layer = v.variant('shape', [
  v.object({ shape: v.literal('rect'), x: v.number(), y: v.number(), width: v.number(), height: v.number(), fill: Colour }),
  v.object({ shape: v.literal('fill'), path: v.string(), fill: Colour, ...Placement }),
  v.object({ shape: v.literal('stroke'), path: v.string(), width: v.number(), closed: v.optional(v.boolean(), false), fill: Colour, ...Placement }),
]);

export const IconSourceSchema = v.object({
  accentColor: v.pipe(v.string(), v.regex(/^#[0-9A-Fa-f]{6}$/, 'must be #RRGGBB')),
  paths: v.record(v.string(), v.pipe(v.array(Point), v.minLength(2))),
  icons: v.object({
    color: v.object({ size: v.literal(192), layers: v.array(Layer) }),
    outline: v.object({ size: v.literal(32), layers: v.array(Layer) }),
    addin: v.object({ sizes: v.array(v.pipe(v.number(), v.integer(), v.minValue(16), v.maxValue(512))), layers: v.array(Layer) }),
  }),
});
export type IconSource = v.InferOutput<typeof IconSourceSchema>;
type IconLayer = v.InferOutput<typeof Layer>;
type Pt = readonly [number, number];

/** The grid the description is drawn on. */
const GRID = 100;
/** Samples per pixel along each axis: 16 samples give smooth enough edges at 32 px. */
const SUPERSAMPLE = 4;

function insidePolygon(p: Pt, poly: readonly Pt[]): boolean {
  // Even-odd ray casting.
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToSegment(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSq));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function nearPolyline(p: Pt, line: readonly Pt[], halfWidth: number, closed: boolean): boolean {
  const last = closed ? line.length : line.length - 1;
  for (let i = 0; i < last; i++) {
    if (distanceToSegment(p, line[i]!, line[(i + 1) % line.length]!) <= halfWidth) return true;
  }
  return false;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A point test on grid coordinates for one layer. */
function hitTest(layer: IconLayer, paths: IconSource['paths']): (p: Pt) => boolean {
  if (layer.shape === 'rect') {
    return ([x, y]) => x >= layer.x && x < layer.x + layer.width && y >= layer.y && y < layer.y + layer.height;
  }
  const source = paths[layer.path];
  if (!source) throw new Error(`icons.json: layer uses unknown path "${layer.path}"`);
  const placed: Pt[] = source.map(([x, y]) => [x * layer.scale + layer.offset[0], y * layer.scale + layer.offset[1]]);
  if (layer.shape === 'fill') return (p) => insidePolygon(p, placed);
  const half = (layer.width * layer.scale) / 2;
  return (p) => nearPolyline(p, placed, half, layer.closed);
}

/** Draws one of the Teams icons at its fixed size. */
export function renderIcon(source: IconSource, which: 'color' | 'outline'): Buffer {
  const icon = source.icons[which];
  return renderLayers(source, icon.layers, icon.size);
}

/** The Outlook add-in icons, keyed by size in pixels. */
export function renderAddinIcons(source: IconSource): Map<number, Buffer> {
  return new Map(source.icons.addin.sizes.map((size) => [size, renderLayers(source, source.icons.addin.layers, size)]));
}

/** Draws layers into a size×size RGBA PNG, composited in order with "source over". */
function renderLayers(source: IconSource, iconLayers: readonly IconLayer[], size: number): Buffer {
  const layers = iconLayers.map((layer) => ({
    test: hitTest(layer, source.paths),
    rgb: hexToRgb(layer.fill === 'accent' ? source.accentColor : layer.fill),
  }));
  const png = new PNG({ width: size, height: size });
  const toGrid = GRID / size;
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Straight (non-premultiplied) colour, accumulated layer by layer.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < SUPERSAMPLE; sy++) {
          for (let sx = 0; sx < SUPERSAMPLE; sx++) {
            const point: Pt = [(px + (sx + 0.5) / SUPERSAMPLE) * toGrid, (py + (sy + 0.5) / SUPERSAMPLE) * toGrid];
            if (layer.test(point)) hits++;
          }
        }
        const cover = hits / samples;
        if (cover === 0) continue;
        const outA = cover + a * (1 - cover);
        r = (layer.rgb[0] * cover + r * a * (1 - cover)) / outA;
        g = (layer.rgb[1] * cover + g * a * (1 - cover)) / outA;
        b = (layer.rgb[2] * cover + b * a * (1 - cover)) / outA;
        a = outA;
      }
      const i = (py * size + px) * 4;
      png.data[i] = Math.round(r);
      png.data[i + 1] = Math.round(g);
      png.data[i + 2] = Math.round(b);
      png.data[i + 3] = Math.round(a * 255);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

/** Parses assets/icons/icons.json text; throws naming the first bad field. */
export function parseIconSource(json: string): IconSource {
  const result = v.safeParse(IconSourceSchema, JSON.parse(json));
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') ?? '(root)';
    throw new Error(`assets/icons/icons.json: ${where} ${issue.message}`);
  }
  return result.output;
}
