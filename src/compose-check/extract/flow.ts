// Paragraphs and tables as the document readers write them (docx, pptx, odf):
// a table row is one line of tab-separated cells, and a paragraph or a line
// break inside a cell becomes a space, so each row stays one line that the
// bulk-list rule reads as a table; elsewhere a paragraph ends a line. Tables
// nest (a table inside a cell).

/** Where the text goes: a part, or a scratch collector (docx's headers). */
export interface TextSink {
  append(text: string): void;
}

export class TableFlow<S extends TextSink = TextSink> {
  /** Cells written so far in each open table row, innermost last. */
  private readonly rowCells: number[] = [];
  /** A paragraph ended inside a cell: a space goes before the cell's next text. */
  private pendingSpace = false;
  private paragraphHasText = false;

  /** Settable: a reader may move on to another part (a comment, the next slide). */
  constructor(public sink: S) {}

  /** Text the document holds (not ''), after any space an earlier paragraph in the cell left. */
  text(t: string): void {
    if (this.pendingSpace) {
      this.pendingSpace = false;
      this.sink.append(' ');
    }
    this.sink.append(t);
    this.paragraphHasText = true;
  }

  /** What a line break inside a run is written as. */
  get lineBreak(): string {
    return this.rowCells.length > 0 ? ' ' : '\n';
  }

  startParagraph(): void {
    this.paragraphHasText = false;
  }

  endParagraph(): void {
    if (this.paragraphHasText) {
      if (this.rowCells.length > 0) this.pendingSpace = true;
      else this.sink.append('\n');
    }
    this.paragraphHasText = false;
  }

  startRow(): void {
    this.rowCells.push(0);
  }

  startCell(): void {
    const last = this.rowCells.length - 1;
    if (last >= 0) {
      if ((this.rowCells[last] as number) > 0) this.sink.append('\t');
      this.rowCells[last] = (this.rowCells[last] as number) + 1;
    }
    this.pendingSpace = false;
  }

  endCell(): void {
    this.pendingSpace = false;
  }

  endRow(): void {
    this.rowCells.pop();
    this.pendingSpace = false;
    this.sink.append('\n');
  }
}
