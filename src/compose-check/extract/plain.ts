// Text formats the engine already reads (.csv, .tsv, .txt, .html) from their
// bytes: the encoding sniffed (see decodeText), HTML reduced to its text as
// the body is. Also the fallback for files whose name says nothing but whose
// bytes are text, such as an "Excel" export that is an HTML table named .xls.
import { htmlToText } from '../normalise';
import type { Output } from './output';
import { decodeText } from './text-decode';

export function readPlain(bytes: Uint8Array, html: boolean, out: Output): void {
  const text = decodeText(bytes);
  out.part('').append(html ? htmlToText(text) : text);
}

/** True when the start of the bytes reads as text: no NULs outside UTF-16, few control characters. */
export function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  if (n === 0) return true;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control <= n / 100;
}

/** True when text starts like an HTML document or fragment. */
export const looksLikeHtml = (text: string): boolean => /^\s*(?:<!doctype html|<html|<head|<body|<table|<meta|<\?xml[^>]*>\s*<html)/i.test(text.slice(0, 1024));
