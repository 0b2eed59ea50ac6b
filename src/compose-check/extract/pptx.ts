// .pptx (PresentationML): the slides in presentation order (not file-name
// order: slide3.xml may be shown first), one part per slide, tables as
// tab-separated rows; the speaker notes as "slide N notes" parts.
import { Unreadable, type Budget } from './budget';
import { mainPart, relationships } from './ooxml';
import type { Output, PartWriter } from './output';
import { attr, scanXml } from './xml';
import type { ZipArchive } from './zip';

export function readPptx(zip: ZipArchive, out: Output, budget: Budget): void {
  const presentation = mainPart(zip, 'ppt/presentation.xml', budget);
  const xml = zip.text(presentation);
  if (xml === undefined) throw new Unreadable('not a valid .pptx (no presentation inside)');
  const rels = relationships(zip, presentation, budget);
  const byId = new Map(rels.map((r) => [r.id, r] as [string, typeof r]));
  const slides: string[] = [];
  scanXml(xml, {
    wantText: false,
    open(name, attrs) {
      if (name !== 'sldId') return;
      const rel = byId.get(attr(attrs, 'id', true) ?? '');
      if (rel && !rel.external) slides.push(rel.target);
    },
    close() {},
    text() {},
  }, budget);

  slides.forEach((path, i) => {
    const slideXml = zip.text(path);
    if (slideXml === undefined) return;
    readDrawingText(slideXml, out.part(`slide ${i + 1}`), budget);
    const notes = relationships(zip, path, budget).find((r) => r.type === 'notesSlide' && !r.external);
    const notesXml = notes ? zip.text(notes.target) : undefined;
    if (notesXml !== undefined) readDrawingText(notesXml, out.part(`slide ${i + 1} notes`), budget, true);
  });
}

const NOT_NOTES = new Set(['sldImg', 'sldNum', 'hdr', 'ftr', 'dt']);

/**
 * DrawingML text: a:p paragraphs, a:t runs, a:br breaks, a:tbl tables as rows
 * of tab-separated cells. In notes, the slide image and slide-number
 * placeholders carry no text of the speaker's, so only the body placeholder is read.
 */
function readDrawingText(xml: string, part: PartWriter, budget: Budget, notesOnly = false): void {
  let capture = false;
  let paragraphHasText = false;
  const rowCells: number[] = [];
  let pendingSpace = false;
  let shapeIsBody = true;
  let skip = 0;

  const write = (t: string): void => {
    if (t === '' || (notesOnly && !shapeIsBody)) return;
    if (pendingSpace) {
      pendingSpace = false;
      part.append(' ');
    }
    part.append(t);
    paragraphHasText = true;
  };

  scanXml(xml, {
    get wantText() { return capture; },
    open(name, attrs, selfClosing) {
      if (skip > 0) {
        skip++;
        return;
      }
      switch (name) {
        case 'Fallback':
          skip = 1;
          break;
        case 'sp':
          shapeIsBody = true;
          break;
        case 'ph':
          // p:nvPr/p:ph: in notes, the slide image, number, header, footer and date are not the speaker's text.
          if (notesOnly && NOT_NOTES.has(attr(attrs, 'type') ?? 'body')) shapeIsBody = false;
          break;
        case 't':
          capture = !selfClosing;
          break;
        case 'br':
          write(rowCells.length > 0 ? ' ' : '\n');
          break;
        case 'p':
          paragraphHasText = false;
          break;
        case 'tr':
          rowCells.push(0);
          break;
        case 'tc': {
          const last = rowCells.length - 1;
          if (last >= 0) {
            if ((rowCells[last] as number) > 0) part.append('\t');
            rowCells[last] = (rowCells[last] as number) + 1;
          }
          pendingSpace = false;
          break;
        }
      }
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      switch (name) {
        case 't':
          capture = false;
          break;
        case 'p':
          if (paragraphHasText) {
            if (rowCells.length > 0) pendingSpace = true;
            else part.append('\n');
          }
          paragraphHasText = false;
          break;
        case 'tr':
          rowCells.pop();
          pendingSpace = false;
          part.append('\n');
          break;
      }
    },
    text(t) {
      write(t);
    },
  }, budget);
}
