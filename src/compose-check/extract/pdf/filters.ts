// Stream filters that text can be stored under (ISO 32000-1, 7.4): Flate
// (with PNG and TIFF predictors, as cross-reference streams use), LZW,
// ASCIIHex, ASCII85 and RunLength. Image filters (DCT, JPX, CCITT, JBIG2)
// never hold text and are not decoded. Every decoder's output counts against
// the attachment's inflate budget.
import { Unreadable, type Budget } from '../budget';
import { inflateZlib } from '../inflate';
import { ByteBuffer, PdfDict, isWhite, numberOr, readHex, type PdfValue } from './objects';

export type Resolve = (v: PdfValue | undefined) => PdfValue | undefined;

/** Decodes `data` through the stream's filters; undefined for image data or a filter not read. */
export function decodeFilters(data: Uint8Array, dict: PdfDict, resolve: Resolve, budget: Budget): Uint8Array | undefined {
  const filter = resolve(dict.get('Filter') ?? dict.get('F'));
  const params = resolve(dict.get('DecodeParms') ?? dict.get('DP'));
  const filters = Array.isArray(filter) ? filter.map((f) => resolve(f)) : filter === undefined || filter === null ? [] : [filter];
  let out = data;
  for (let i = 0; i < filters.length; i++) {
    const name = filters[i];
    if (typeof name !== 'string') return undefined;
    const p = resolve(Array.isArray(params) ? params[i] : params);
    const parms = p instanceof PdfDict ? p : undefined;
    switch (name) {
      case 'FlateDecode': case 'Fl':
        out = predict(inflateZlib(out, budget, { lenient: true, what: 'a PDF stream' }), parms, resolve, budget);
        break;
      case 'LZWDecode': case 'LZW': {
        const early = parms ? resolve(parms.get('EarlyChange')) : undefined;
        out = predict(lzw(out, early !== 0, budget), parms, resolve, budget);
        break;
      }
      case 'ASCIIHexDecode': case 'AHx':
        out = asciiHex(out);
        break;
      case 'ASCII85Decode': case 'A85':
        out = ascii85(out);
        break;
      case 'RunLengthDecode': case 'RL':
        out = runLength(out, budget);
        break;
      default:
        // Image filters hold no text; Crypt and unknown filters cannot be read.
        return undefined;
    }
  }
  return out;
}


/** PNG (10-15) and TIFF (2) predictors, undone row by row. */
function predict(data: Uint8Array, parms: PdfDict | undefined, resolve: Resolve, budget: Budget): Uint8Array {
  if (!parms) return data;
  const predictor = numberOr(resolve(parms.get('Predictor')), 1);
  if (predictor <= 1) return data;
  const colors = Math.max(1, Math.min(32, numberOr(resolve(parms.get('Colors')), 1)));
  const bpc = Math.max(1, Math.min(16, numberOr(resolve(parms.get('BitsPerComponent')), 8)));
  const columns = Math.max(1, Math.min(1 << 20, numberOr(resolve(parms.get('Columns')), 1)));
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowBytes = Math.ceil((colors * bpc * columns) / 8);
  if (predictor === 2) {
    if (bpc !== 8) return data;
    const out = data.slice();
    for (let r = 0; r + rowBytes <= out.length; r += rowBytes) {
      for (let i = bpp; i < rowBytes; i++) out[r + i] = ((out[r + i] as number) + (out[r + i - bpp] as number)) & 0xff;
    }
    return out;
  }
  const rows = Math.floor(data.length / (rowBytes + 1));
  const out = new Uint8Array(rows * rowBytes);
  for (let r = 0; r < rows; r++) {
    budget.tick();
    const type = data[r * (rowBytes + 1)] as number;
    const src = r * (rowBytes + 1) + 1;
    const dst = r * rowBytes;
    const up = dst - rowBytes;
    for (let i = 0; i < rowBytes; i++) {
      const raw = data[src + i] as number;
      const left = i >= bpp ? (out[dst + i - bpp] as number) : 0;
      const above = r > 0 ? (out[up + i] as number) : 0;
      const corner = r > 0 && i >= bpp ? (out[up + i - bpp] as number) : 0;
      let v: number;
      switch (type) {
        case 1: v = raw + left; break;
        case 2: v = raw + above; break;
        case 3: v = raw + ((left + above) >> 1); break;
        case 4: {
          const pa = Math.abs(above - corner);
          const pb = Math.abs(left - corner);
          const pc = Math.abs(left + above - 2 * corner);
          v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? above : corner);
          break;
        }
        default: v = raw;
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

function asciiHex(data: Uint8Array): Uint8Array {
  const out = new ByteBuffer();
  readHex(data, 0, data.length, out);
  return out.bytes();
}

function ascii85(data: Uint8Array): Uint8Array {
  const out = new ByteBuffer();
  const group = [0, 0, 0, 0, 0];
  let n = 0;
  let i = 0;
  if (data[0] === 60 && data[1] === 126) i = 2; // "<~"
  for (; i < data.length; i++) {
    const c = data[i] as number;
    if (c === 126 /* ~ */) break;
    if (isWhite(c)) continue;
    if (c === 122 /* z */ && n === 0) {
      out.push(0); out.push(0); out.push(0); out.push(0);
      continue;
    }
    if (c < 33 || c > 117) throw new Unreadable('a damaged PDF (bad ASCII85 data)');
    group[n++] = c - 33;
    if (n === 5) {
      emit85(group, 4, out);
      n = 0;
    }
  }
  if (n > 1) {
    for (let k = n; k < 5; k++) group[k] = 84;
    emit85(group, n - 1, out);
  }
  return out.bytes();
}

function emit85(group: number[], count: number, out: ByteBuffer): void {
  let v = 0;
  for (let k = 0; k < 5; k++) v = v * 85 + (group[k] as number);
  const bytes = [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
  for (let k = 0; k < count; k++) out.push(bytes[k] as number);
}

function runLength(data: Uint8Array, budget: Budget): Uint8Array {
  const out = new ByteBuffer();
  let i = 0;
  while (i < data.length) {
    const len = data[i++] as number;
    if (len === 128) break;
    if (len < 128) {
      for (let k = 0; k <= len && i < data.length; k++) out.push(data[i++] as number);
    } else {
      const b = data[i++] ?? 0;
      for (let k = 0; k < 257 - len; k++) out.push(b);
      budget.addInflated(257 - len);
    }
  }
  return out.bytes();
}

/** LZW as PDF uses it (TIFF-style, MSB first, with the early-change option). */
function lzw(data: Uint8Array, earlyChange: boolean, budget: Budget): Uint8Array {
  const out = new ByteBuffer();
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  for (let k = 0; k < 256; k++) { prefix[k] = -1; suffix[k] = k; }
  let next = 258;
  let width = 9;
  let bits = 0;
  let buffer = 0;
  let previous = -1;
  const stack = new Uint8Array(4096);
  for (let i = 0; i < data.length;) {
    while (bits < width && i < data.length) {
      buffer = ((buffer << 8) | (data[i++] as number)) & 0xffffff;
      bits += 8;
    }
    if (bits < width) break;
    const code = (buffer >>> (bits - width)) & ((1 << width) - 1);
    bits -= width;
    if (code === 256) {
      next = 258;
      width = 9;
      previous = -1;
      continue;
    }
    if (code === 257) break;
    let first: number;
    if (code < next) {
      let n = 0;
      for (let e = code; e >= 0 && n < 4096; e = prefix[e] as number) stack[n++] = suffix[e] as number;
      first = stack[n - 1] as number;
      for (let k = n - 1; k >= 0; k--) out.push(stack[k] as number);
      budget.addInflated(n);
    } else if (code === next && previous >= 0) {
      let n = 0;
      for (let e = previous; e >= 0 && n < 4096; e = prefix[e] as number) stack[n++] = suffix[e] as number;
      first = stack[n - 1] as number;
      for (let k = n - 1; k >= 0; k--) out.push(stack[k] as number);
      out.push(first);
      budget.addInflated(n + 1);
    } else {
      break; // damaged: keep what was decoded
    }
    if (previous >= 0 && next < 4096) {
      prefix[next] = previous;
      suffix[next] = first;
      next++;
    }
    previous = code;
    if (next + (earlyChange ? 1 : 0) >= 1 << width && width < 12) width++;
  }
  return out.bytes();
}
