// Text-based PDF, hand-written: pdf.js is about 1 MB and needs a DOM or a
// worker, and the smaller readers (pdf-parse, pdf2json) wrap it; the send-time
// runtime has neither, and launchevent.js must stay under 60 KB gzipped.
// What is read: the body of every page in page-tree order (one part,
// located by page), and the values of filled-in form fields (a referral
// form's answers) as a "form fields" part. What makes a PDF protected:
// an /Encrypt dictionary in its trailer. A PDF whose pages draw images and
// no text is a scan, and is reported as such.
import { Protected, Unreadable, type Budget } from '../budget';
import type { Output } from '../output';
import { decodeUtf16, decodeUtf8 } from '../text-decode';
import { PageReader } from './content';
import { PdfDocument } from './document';
import type { PdfDict} from './objects';
import { indexOfBytes } from './objects';

export const isPdf = (bytes: Uint8Array): boolean => indexOfBytes(bytes, '%PDF-', 0, Math.min(bytes.length, 1024 + 5)) >= 0;

export function readPdf(bytes: Uint8Array, out: Output, budget: Budget): void {
  if (!isPdf(bytes)) throw new Unreadable('not a valid PDF');
  const doc = new PdfDocument(bytes, budget);
  // Encryption covers every string and stream: nothing can be read without the key.
  if (doc.encrypted) throw new Protected('password-protected PDF');
  const pages = doc.pages();
  if (pages.length === 0) throw new Unreadable('a damaged PDF (no pages found)');
  const reader = new PageReader(doc, budget);
  const body = out.part('');
  let chars = 0;
  let unmapped = 0;
  let images = false;
  pages.forEach((page, i) => {
    body.mark(`page ${i + 1}`);
    const result = reader.read(page, (text) => body.append(text));
    if (body.length > 0 && body.lastChar() !== '\n') body.append('\n');
    chars += result.chars;
    unmapped += result.unmapped;
    images = images || result.images;
  });
  const fields = out.part('form fields');
  readFormFields(doc, (line) => fields.append(line), budget);
  if (chars === 0 && fields.length === 0) {
    if (unmapped > 0) throw new Unreadable('its text uses fonts with no character map');
    throw new Unreadable(images ? 'scanned image, no text' : 'no text in this PDF');
  }
}

/** "Name: value" for every filled-in AcroForm field, walking /Kids with a depth limit. */
function readFormFields(doc: PdfDocument, write: (line: string) => void, budget: Budget): void {
  const root = doc.dict(doc.trailer.get('Root'));
  const form = doc.dict(root?.get('AcroForm'));
  const fields = doc.resolve(form?.get('Fields'));
  if (!Array.isArray(fields)) return;
  const seen = new Set<PdfDict>();
  const walk = (node: PdfDict | undefined, prefix: string, depth: number): void => {
    if (!node || seen.has(node) || depth > 32) return;
    seen.add(node);
    budget.tick();
    const own = doc.resolve(node.get('T'));
    const name = own instanceof Uint8Array ? textString(own) : '';
    const full = prefix && name ? `${prefix}.${name}` : prefix || name;
    const value = doc.resolve(node.get('V'));
    const text = value instanceof Uint8Array ? textString(value) : typeof value === 'string' && value !== 'Off' ? value : '';
    if (text.trim() !== '') write(`${full}: ${text.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
    const kids = doc.resolve(node.get('Kids'));
    if (Array.isArray(kids)) for (const kid of kids) walk(doc.dict(kid), full, depth + 1);
  };
  for (const f of fields) walk(doc.dict(f), '', 0);
}

/** A PDF text string: UTF-16BE or UTF-8 with a byte-order mark, else PDFDocEncoding (Latin-1 for what matters here). */
function textString(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, false, 2);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes, 3);
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i] as number);
  return s;
}
