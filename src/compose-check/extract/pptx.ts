// .pptx (PresentationML): the slides in presentation order (not file-name
// order: slide3.xml may be shown first), one part per slide, tables as
// tab-separated rows; the speaker notes as "slide N notes" parts.
import { Unreadable, type Budget } from './budget';
import { mainPart, relationships } from './ooxml';
import { TableFlow } from './flow';
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
  const flow = new TableFlow(part);
  let shapeIsBody = true;
  let skip = 0;

  const write = (t: string): void => {
    if (t === '' || (notesOnly && !shapeIsBody)) return;
    flow.text(t);
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
          write(flow.lineBreak);
          break;
        case 'p':
          flow.startParagraph();
          break;
        case 'tr':
          flow.startRow();
          break;
        case 'tc':
          flow.startCell();
          break;
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
          flow.endParagraph();
          break;
        case 'tr':
          flow.endRow();
          break;
      }
    },
    text(t) {
      write(t);
    },
  }, budget);
}
