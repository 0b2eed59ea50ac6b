// .docx (WordprocessingML): the body with its tables as tab-separated rows,
// then headers, footers, footnotes, endnotes and comments as their own parts.
// Pages are known only where Word wrote them down: explicit page breaks,
// "page break before", section breaks, and the w:lastRenderedPageBreak marks
// Word leaves where its last layout broke a page; a document with none of
// these has no page numbers. Tracked deletions are read (they are still in
// the file the recipient gets); field codes and the VML copies of drawings
// (mc:Fallback) are not, so nothing is read twice.
import { Unreadable, type Budget } from './budget';
import { mainPart, relationships } from './ooxml';
import { TableFlow } from './flow';
import type { Output, PartWriter } from './output';
import { attr, scanXml } from './xml';
import type { ZipArchive } from './zip';

export function readDocx(zip: ZipArchive, out: Output, budget: Budget): void {
  const document = mainPart(zip, 'word/document.xml', budget);
  const xml = zip.text(document);
  if (xml === undefined) throw new Unreadable('not a valid .docx (no document inside)');
  readWordXml(xml, out.part(''), budget, true);

  const rels = relationships(zip, document, budget);
  const extras: [string, string][] = [
    ['header', 'header'], ['footer', 'footer'], ['footnotes', 'footnotes'], ['endnotes', 'endnotes'], ['comments', 'comments'],
  ];
  for (const [type, label] of extras) {
    // The first, odd and even page headers are often the same text: each distinct text once.
    const seen = new Set<string>();
    const part = out.part(label);
    for (const rel of rels) {
      if (rel.type !== type || rel.external) continue;
      const partXml = zip.text(rel.target);
      if (partXml === undefined) continue;
      const scratch = new Collect();
      readWordXml(partXml, scratch, budget, false);
      const text = scratch.text.trim();
      if (text === '' || seen.has(text)) continue;
      seen.add(text);
      if (part.length > 0) part.append('\n');
      part.append(`${text}\n`);
    }
  }
}

/** The part of PartWriter that readWordXml uses, so a header can be read into a scratch string first. */
type TextSink = Pick<PartWriter, 'append' | 'mark' | 'lastChar'>;

class Collect implements TextSink {
  text = '';
  append(t: string): void { this.text += t; }
  mark(): void {}
  lastChar(): string { return this.text.charAt(this.text.length - 1); }
}

/**
 * Reads paragraphs, runs and tables. In a table a row is one line and its cells
 * are separated by tabs; paragraphs inside a cell are joined by a space.
 */
function readWordXml(xml: string, sink: TextSink, budget: Budget, paged: boolean): void {
  let page = 1;
  let capture = false;
  /** Depth of elements whose content is skipped (mc:Fallback, w:instrText). */
  let skip = 0;
  const flow = new TableFlow(sink);
  /** A page break was seen; the page number changes with the next text, so adjacent breaks count once. */
  let pendingBreak = false;
  let sectionStartsPage = true;
  /** The paragraph being read ends a section (its w:pPr holds a w:sectPr): a page follows it. */
  let breakAfterParagraph = false;

  const write = (t: string): void => {
    if (t === '') return;
    if (pendingBreak) {
      pendingBreak = false;
      if (paged) sink.mark(`page ${++page}`);
    }
    flow.text(t);
  };
  if (paged) sink.mark('page 1');

  scanXml(xml, {
    get wantText() { return capture; },
    open(name, attrs, selfClosing) {
      if (skip > 0) {
        skip++;
        return;
      }
      switch (name) {
        case 'Fallback': case 'instrText': case 'delInstrText':
          skip = 1;
          break;
        case 't': case 'delText':
          capture = !selfClosing;
          break;
        case 'tab':
          // A run's tab has no attributes; w:pPr/w:tabs/w:tab (a tab stop) has w:val.
          if (attr(attrs, 'val') === undefined) write('\t');
          break;
        case 'ptab':
          write('\t');
          break;
        case 'br': case 'cr':
          if (attr(attrs, 'type') === 'page') pendingBreak = true;
          else write(flow.lineBreak);
          break;
        case 'lastRenderedPageBreak':
          pendingBreak = true;
          break;
        case 'pageBreakBefore': {
          const v = attr(attrs, 'val');
          if (v !== '0' && v !== 'false' && v !== 'off') pendingBreak = true;
          break;
        }
        case 'noBreakHyphen':
          write('-');
          break;
        case 'sym': {
          const ch = attr(attrs, 'char');
          const code = ch && /^[0-9a-fA-F]{1,4}$/.test(ch) ? parseInt(ch, 16) : 0;
          // Symbol-font characters live in the private use area (F0xx): only real characters are written.
          if (code > 0 && code < 0xe000) write(String.fromCharCode(code));
          break;
        }
        case 'p':
          flow.startParagraph();
          break;
        case 'tr':
          flow.startRow();
          break;
        case 'tc':
          flow.startCell();
          break;
        case 'sectPr':
          sectionStartsPage = true;
          break;
        case 'type':
          // w:sectPr/w:type: a continuous section break starts no page. (Strictly the type belongs to the
          // section that follows; documents rarely mix types, and Word's own page marks take over where it saved.)
          if (attr(attrs, 'val') === 'continuous') sectionStartsPage = false;
          break;
      }
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      switch (name) {
        case 't': case 'delText':
          capture = false;
          break;
        case 'p':
          flow.endParagraph();
          if (breakAfterParagraph) pendingBreak = true;
          breakAfterParagraph = false;
          break;
        case 'tc':
          flow.endCell();
          break;
        case 'tr':
          flow.endRow();
          break;
        case 'sectPr':
          // Inside w:pPr, at the start of the section's last paragraph: the break comes after that paragraph.
          if (sectionStartsPage) breakAfterParagraph = true;
          break;
      }
    },
    text(t) {
      write(t);
    },
  }, budget);
}
