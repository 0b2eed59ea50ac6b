// OpenDocument (.odt, .ods, .odp): content.xml, and for text documents the
// headers and footers of styles.xml. Text documents give their body with
// tables as tab-separated rows and pages where LibreOffice marked them
// (text:soft-page-break, and paragraphs whose style breaks the page before
// them); spreadsheets give one part per sheet, repeated rows and cells
// expanded and each cell located; presentations one part per slide.
import { Unreadable, type Budget } from './budget';
import { RowWriter, formatGeneral } from './cells';
import { TableFlow } from './flow';
import type { Output, PartWriter } from './output';
import { attr, scanXml, type Attrs } from './xml';
import type { ZipArchive } from './zip';

/** A repeated row or cell is written at most this many times; beyond, repeats are empty formatting in practice. */
const MAX_REPEAT = 1000;

export type OdfKind = 'text' | 'spreadsheet' | 'presentation';

/** The document's kind from its mimetype entry, or undefined if it is not OpenDocument. */
export function odfKind(zip: ZipArchive): OdfKind | undefined {
  const mimetype = zip.get('mimetype');
  if (!mimetype) return undefined;
  const type = zip.text('mimetype')?.trim() ?? '';
  if (type.startsWith('application/vnd.oasis.opendocument.text')) return 'text';
  if (type.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'spreadsheet';
  if (type.startsWith('application/vnd.oasis.opendocument.presentation')) return 'presentation';
  return undefined;
}

/** True when META-INF/manifest.xml lists encryption data for any part (the file has a password). */
export function odfEncrypted(zip: ZipArchive): boolean {
  const manifest = zip.text('META-INF/manifest.xml');
  return manifest !== undefined && manifest.indexOf('encryption-data') >= 0;
}

export function readOdf(zip: ZipArchive, kind: OdfKind, out: Output, budget: Budget): void {
  const content = zip.text('content.xml');
  if (content === undefined) throw new Unreadable('not a valid OpenDocument file (no content.xml inside)');
  if (kind === 'spreadsheet') readSpreadsheet(content, out, budget);
  else readTextOrSlides(content, kind, out, budget);
  if (kind === 'text') {
    const styles = zip.text('styles.xml');
    if (styles !== undefined) readMasterPages(styles, out, budget);
  }
}

/** Paragraph styles that start a new page (fo:break-before) or end one (fo:break-after). */
interface PageStyles {
  readonly before: Set<string>;
  readonly after: Set<string>;
}

/**
 * Text flow shared by documents and slides: paragraphs, spans, spaces, tabs,
 * line breaks, tables. Footnote citations (the little "1") are skipped so
 * they cannot join the digits beside them.
 */
class TextFlow {
  capture = 0;
  skip = 0;
  private readonly table: TableFlow<PartWriter>;

  constructor(sink: PartWriter) {
    this.table = new TableFlow(sink);
  }

  get sink(): PartWriter {
    return this.table.sink;
  }

  set sink(sink: PartWriter) {
    this.table.sink = sink;
  }

  write(t: string): void {
    if (t !== '') this.table.text(t);
  }

  /** Handles a flow element; returns false for anything else. */
  open(name: string, attrs: Attrs): boolean {
    switch (name) {
      case 'note-citation': case 'sequence-decls': case 'tracked-changes':
        this.skip = 1;
        return true;
      case 'p': case 'h':
        // Counted even when self-closing: scanXml closes those too.
        this.capture++;
        this.table.startParagraph();
        return true;
      case 's': {
        const count = Math.min(Number(attr(attrs, 'c') ?? '1') || 1, 100);
        this.write(' '.repeat(count));
        return true;
      }
      case 'tab':
        this.write('\t');
        return true;
      case 'line-break':
        this.write(this.table.lineBreak);
        return true;
      case 'table-row':
        this.table.startRow();
        return true;
      case 'table-cell': case 'covered-table-cell':
        this.table.startCell();
        return true;
    }
    return false;
  }

  close(name: string): void {
    switch (name) {
      case 'p': case 'h':
        this.capture = Math.max(0, this.capture - 1);
        this.table.endParagraph();
        break;
      case 'table-row':
        this.table.endRow();
        break;
    }
  }
}

function readTextOrSlides(xml: string, kind: OdfKind, out: Output, budget: Budget): void {
  const paged = kind === 'text';
  const body = out.part('');
  const flow = new TextFlow(body);
  const pageStyles: PageStyles = { before: new Set(), after: new Set() };
  let styleName = '';
  let page = 1;
  let pendingBreak = false;
  let slide = 0;
  let comments: PartWriter | undefined;
  /** Depth inside an office:annotation (a comment), read into its own part. */
  let annotation = 0;
  let main = body;
  /** For each open paragraph, whether its style breaks the page after it. */
  const afterStack: boolean[] = [];
  if (paged) body.mark('page 1');

  const text = (t: string): void => {
    if (pendingBreak && annotation === 0) {
      pendingBreak = false;
      if (paged) body.mark(`page ${++page}`);
    }
    flow.write(t);
  };

  scanXml(xml, {
    get wantText() { return flow.capture > 0 && flow.skip === 0; },
    open(name, attrs, selfClosing) {
      if (flow.skip > 0) {
        flow.skip++;
        return;
      }
      switch (name) {
        case 'style':
          styleName = attr(attrs, 'name') ?? '';
          return;
        case 'paragraph-properties':
          if (attr(attrs, 'break-before') === 'page') pageStyles.before.add(styleName);
          if (attr(attrs, 'break-after') === 'page') pageStyles.after.add(styleName);
          return;
        case 'soft-page-break':
          pendingBreak = true;
          return;
        case 'annotation':
          // dc:creator and dc:date inside a comment are metadata, not its text.
          if (annotation++ === 0) {
            comments = comments ?? out.part('comments');
            main = flow.sink;
            flow.sink = comments;
          }
          return;
        case 'creator': case 'date':
          if (annotation > 0) flow.skip = 1;
          return;
        case 'page':
          // draw:page, one per slide.
          if (kind === 'presentation') {
            slide++;
            flow.sink = out.part(`slide ${slide}`);
          }
          return;
        case 'notes':
          if (kind === 'presentation' && !selfClosing) flow.sink = out.part(`slide ${slide} notes`);
          return;
      }
      if ((name === 'p' || name === 'h') && paged && annotation === 0 && pageStyles.before.has(attr(attrs, 'style-name') ?? '')) {
        pendingBreak = true;
      }
      flow.open(name, attrs);
      if (name === 'p' || name === 'h') {
        afterStack.push(paged && annotation === 0 && pageStyles.after.has(attr(attrs, 'style-name') ?? ''));
      }
    },
    close(name) {
      if (flow.skip > 0) {
        flow.skip--;
        return;
      }
      if (name === 'annotation') {
        if (annotation > 0 && --annotation === 0) {
          flow.sink.append('\n');
          flow.sink = main;
        }
        return;
      }
      if (name === 'p' || name === 'h') {
        if (afterStack.pop()) pendingBreak = true;
      }
      flow.close(name);
    },
    text,
  }, budget);
}

function readSpreadsheet(xml: string, out: Output, budget: Budget): void {
  let rows: RowWriter | undefined;
  let row = 0;
  let rowRepeat = 1;
  let col = 0;
  let cellRepeat = 1;
  let cellValue: string | undefined;
  /** A number cell's value as digits, used unless its shown text is digits too (zero-padded, or spaced as "943 476 5919"). */
  let cellFloat: string | undefined;
  let cellText: string[] = [];
  let inCell = false;
  let paragraphs = 0;
  let capture = 0;
  let skip = 0;
  /** The current row's cells, written once per repetition of the row. */
  let rowCells: [number, string][] = [];
  let sheets = 0;

  scanXml(xml, {
    get wantText() { return capture > 0 && inCell && skip === 0; },
    open(name, attrs) {
      if (skip > 0) {
        skip++;
        return;
      }
      switch (name) {
        case 'table':
          sheets++;
          rows = new RowWriter(out.part(`sheet ${attr(attrs, 'name') ?? `Sheet${sheets}`}`));
          row = 0;
          return;
        case 'table-row':
          rowRepeat = Math.max(1, Number(attr(attrs, 'number-rows-repeated') ?? '1') || 1);
          col = 0;
          rowCells = [];
          return;
        case 'table-cell': case 'covered-table-cell': {
          cellRepeat = Math.max(1, Number(attr(attrs, 'number-columns-repeated') ?? '1') || 1);
          const type = attr(attrs, 'value-type');
          cellValue = undefined;
          cellFloat = undefined;
          if (type === 'float') {
            const v = Number(attr(attrs, 'value'));
            if (!isNaN(v)) cellFloat = formatGeneral(v);
          } else if (type === 'date') {
            // As the .xlsx reader shows dates: dd/mm/yyyy, with hh:mm when there is a time.
            const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(attr(attrs, 'date-value') ?? '');
            if (m) cellValue = `${m[3]}/${m[2]}/${m[1]}${m[4] !== undefined && `${m[4]}${m[5]}` !== '0000' ? ` ${m[4]}:${m[5]}` : ''}`;
          }
          cellText = [];
          paragraphs = 0;
          inCell = true;
          return;
        }
        case 'annotation': case 'note-citation':
          skip = 1;
          return;
        case 'p': case 'h':
          // Counted even when self-closing: scanXml closes those too.
          capture++;
          if (inCell && paragraphs++ > 0) cellText.push(' ');
          return;
        case 's':
          if (capture > 0 && inCell) cellText.push(' '.repeat(Math.min(Number(attr(attrs, 'c') ?? '1') || 1, 100)));
          return;
        case 'tab': case 'line-break':
          if (capture > 0 && inCell) cellText.push(' ');
          return;
      }
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      switch (name) {
        case 'p': case 'h':
          capture = Math.max(0, capture - 1);
          return;
        case 'table-cell': case 'covered-table-cell':
          if (inCell) endCell();
          return;
        case 'table-row': {
          const times = rowCells.length === 0 ? 1 : Math.min(rowRepeat, MAX_REPEAT);
          for (let k = 0; k < times; k++) {
            row++;
            for (const [c, t] of rowCells) rows?.cell(c, t);
            rows?.endRow(row);
            budget.tick();
          }
          // Empty repeated rows still count towards the row numbers below them.
          row += rowRepeat - times;
          return;
        }
      }
    },
    text(t) { cellText.push(t); },
  }, budget);

  function endCell(): void {
    inCell = false;
    const shown = cellText.join('').trim();
    const text = cellValue ?? (cellFloat !== undefined && !/^-?\d[\d ]*$/.test(shown) ? cellFloat : shown);
    if (text === '') {
      col += cellRepeat;
      return;
    }
    const times = Math.min(cellRepeat, MAX_REPEAT);
    for (let k = 0; k < times; k++) rowCells.push([col + k, text]);
    col += cellRepeat;
  }
}

/** Headers and footers of the master pages (styles.xml), each distinct text once. */
function readMasterPages(xml: string, out: Output, budget: Budget): void {
  const parts: Record<string, PartWriter | undefined> = {};
  const seen = new Set<string>();
  let current: string[] | undefined;
  let which = '';
  let capture = 0;
  scanXml(xml, {
    get wantText() { return capture > 0; },
    open(name, attrs, selfClosing) {
      if (/^(header|footer)(-left|-first)?$/.test(name) && !selfClosing) {
        which = name.slice(0, 6);
        current = [];
      } else if ((name === 'p' || name === 'h') && current) {
        capture++;
      } else if (name === 's' && capture > 0) {
        current?.push(' '.repeat(Math.min(Number(attr(attrs, 'c') ?? '1') || 1, 100)));
      } else if ((name === 'tab' || name === 'line-break') && capture > 0) {
        current?.push(' ');
      }
    },
    close(name) {
      if ((name === 'p' || name === 'h') && capture > 0) {
        capture--;
        current?.push('\n');
      } else if (/^(header|footer)(-left|-first)?$/.test(name) && current) {
        const text = current.join('').trim();
        current = undefined;
        if (text === '' || seen.has(text)) return;
        seen.add(text);
        const part = parts[which] ?? (parts[which] = out.part(which));
        part.append(`${text}\n`);
      }
    },
    text(t) { current?.push(t); },
  }, budget);
}
