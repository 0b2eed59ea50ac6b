// What the OOXML readers (.xlsx, .docx, .pptx) share: relationships, which
// say where each part lives (writers other than Office name them freely), and
// the package's main document.
import type { Budget } from './budget';
import { attr, scanXml } from './xml';
import type { ZipArchive } from './zip';

export interface Relationship {
  readonly id: string;
  /** The target's path inside the package, resolved against the source part. */
  readonly target: string;
  /** The relationship type's last segment: "officeDocument", "worksheet", "sharedStrings". */
  readonly type: string;
  readonly external: boolean;
}

/** "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels"; "" (the package) -> "_rels/.rels". */
const relsPath = (part: string): string => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** Resolves a target against the folder of `part`; absolute targets start at the package root. */
export function resolvePart(part: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = part.split('/').slice(0, -1);
  for (const s of target.split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.' && s !== '') segments.push(s);
  }
  return segments.join('/');
}

/** The relationships of `part` ("" for the package's own), by id, in document order. */
export function relationships(zip: ZipArchive, part: string, budget: Budget): Relationship[] {
  const xml = zip.text(relsPath(part));
  if (xml === undefined) return [];
  const out: Relationship[] = [];
  scanXml(xml, {
    wantText: false,
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const id = attr(attrs, 'Id') ?? '';
      const target = attr(attrs, 'Target') ?? '';
      const type = attr(attrs, 'Type') ?? '';
      const external = attr(attrs, 'TargetMode') === 'External';
      out.push({ id, target: external ? target : resolvePart(part, decodeUriPath(target)), type: type.slice(type.lastIndexOf('/') + 1), external });
    },
    close() {},
    text() {},
  }, budget);
  return out;
}

/** Targets are URIs: "%20" is a space in the part's name. */
function decodeUriPath(target: string): string {
  if (target.indexOf('%') < 0) return target;
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

/** The package's main part (the officeDocument relationship), or `fallback` if the package names none. */
export function mainPart(zip: ZipArchive, fallback: string, budget: Budget): string {
  const main = relationships(zip, '', budget).find((r) => r.type === 'officeDocument' && !r.external);
  return main && zip.get(main.target) ? main.target : fallback;
}
