// Turns HTML and text into the plain text the detectors read, so that tags,
// entities and invisible characters cannot hide an identifier (issue #2).
// Hand-written rather than DOMPurify or a DOM parser: the send-time runtime
// has no DOM. Every loop is linear in the input.

/** Tags that do not break a word: removing them must join "B801<b>2000</b>05001". */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd',
  'mark', 'o:p', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/**
 * Marks the start of a section in the text: a form feed, plain text's own
 * page break, as it is ASCII (so cleanText keeps it) and never part of a name or number.
 */
export const SECTION_BREAK = '\f';
/** Elements whose source line breaks and spaces are shown as written. */
const PREFORMATTED = new Set(['pre', 'textarea', 'listing', 'plaintext', 'xmp']);
/**
 * Runs of HTML white space in source text, shown as one space: a line break in
 * the source is not one on screen ("Amelia\n<span>Smith</span>" reads "Amelia
 * Smith"; "<br>\n" is one line break, not a blank line). CSS white-space: pre
 * is not read; <pre> and its kin keep their text as written.
 */
const HTML_SPACE_RUN = /[ \t\r\n]{2,}|[\t\r\n]/g;
const collapseSpace = (text: string, pre: boolean): string => (pre ? text : text.replace(HTML_SPACE_RUN, ' '));
/** Elements whose content is not text a reader sees. */
const SKIPPED_CONTENT = new Set(['script', 'style', 'head', 'title', 'template', 'xml']);

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', hairsp: ' ',
  shy: '', zwj: '', zwnj: '', zerowidthspace: '', nobreak: '', wj: '', invisibletimes: '', invisiblecomma: '',
  ndash: '-', mdash: '-', hyphen: '-', dash: '-', minus: '-', horbar: '-',
  lsquo: "'", rsquo: "'", sbquo: "'", ldquo: '"', rdquo: '"', bdquo: '"', laquo: '"', raquo: '"',
  hellip: '...', bull: '*', middot: '.', pound: '£', euro: '€', dollar: '$', copy: '©', reg: '®', trade: '™',
  times: '×', divide: '÷', deg: '°', sect: '§', para: '¶', colon: ':', comma: ',', period: '.', sol: '/',
  lpar: '(', rpar: ')', num: '#', percnt: '%', commat: '@', excl: '!', quest: '?', semi: ';', equals: '=', plus: '+',
  tab: '\t', newline: '\n',
};

/** The decoded text and how many characters of `body` it used, or undefined. */
function decodeEntity(body: string): [string, number] | undefined {
  if (body.charCodeAt(0) === 35 /* # */) {
    const m = /^#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}))/.exec(body);
    if (!m) return undefined;
    const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2] ?? '', 10);
    const valid = cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
    return [valid ? String.fromCodePoint(cp) : '\uFFFD', m[0].length];
  }
  const exact = NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()];
  if (exact !== undefined) return [exact, body.length];
  // Without a semicolon browsers take the longest known name: "&nbsp6" is a space then 6.
  for (let k = body.length - 1; k >= 2; k--) {
    const prefix = NAMED_ENTITIES[body.slice(0, k)];
    if (prefix !== undefined) return [prefix, k];
  }
  return undefined;
}

/** Decodes named and numeric character references; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let last = 0;
  let i = text.indexOf('&');
  while (i >= 0) {
    // Entity names are short; looking at most 32 characters ahead keeps this linear.
    let j = i + 1;
    const limit = Math.min(text.length, i + 33);
    while (j < limit && /[#0-9A-Za-z]/.test(text[j] ?? '')) j++;
    const decoded = j > i + 1 ? decodeEntity(text.slice(i + 1, j)) : undefined;
    if (decoded !== undefined) {
      const after = i + 1 + decoded[1];
      out += text.slice(last, i) + decoded[0];
      last = text[after] === ';' ? after + 1 : after;
    }
    i = text.indexOf('&', Math.max(last, i + 1));
  }
  return out + text.slice(last);
}

/** Plain text of an HTML body: tags removed (inline ones without a gap, headings as SECTION_BREAK), entities decoded. */
export function htmlToText(html: string): string {
  let out = '';
  let i = 0;
  const n = html.length;
  // Once no '>' remains, every later '<' is text; remembering that keeps "<<<<…" linear.
  let noCloseAfter = n;
  let preDepth = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0 || lt >= noCloseAfter) {
      out += collapseSpace(html.slice(i), preDepth > 0);
      break;
    }
    out += collapseSpace(html.slice(i, lt), preDepth > 0);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const next = html.charCodeAt(lt + 1);
    const isTagStart = (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 47 /* / */ || next === 33 /* ! */ || next === 63; /* ? */
    if (!isTagStart) {
      out += '<';
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      noCloseAfter = lt;
      out += '<';
      i = lt + 1;
      continue;
    }
    const name = tagName(html, lt + 1, gt);
    const closing = html.charCodeAt(lt + 1) === 47;
    i = gt + 1;
    if (PREFORMATTED.has(name)) preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
    if (!closing && SKIPPED_CONTENT.has(name)) {
      const end = indexOfCloseTag(html, name, i);
      i = end < 0 ? n : end;
      continue;
    }
    // A cell starts with a tab, so "<td>Amelia</td><td>Smith</td>" reads as "\tAmelia\tSmith".
    if (name === 'td' || name === 'th') out += closing ? '' : '\t';
    // A heading starts a new section: the detectors do not carry context across it.
    else if (!closing && HEADING_TAGS.has(name)) out += `\n${SECTION_BREAK}`;
    else if (!INLINE_TAGS.has(name)) out += '\n';
  }
  return decodeEntities(out);
}

function tagName(html: string, from: number, to: number): string {
  let i = from;
  if (html.charCodeAt(i) === 47) i++;
  let j = i;
  while (j < to && /[A-Za-z0-9:-]/.test(html[j] ?? '')) j++;
  return html.slice(i, j).toLowerCase();
}

function indexOfCloseTag(html: string, name: string, from: number): number {
  const re = new RegExp(`</${name}\\s*>`, 'gi');
  re.lastIndex = from;
  const m = re.exec(html);
  return m ? m.index + m[0].length : -1;
}

/**
 * Maps characters that hide or disguise text to plain ones: zero-width and
 * soft-hyphen characters go, Unicode spaces become a space, Unicode dashes a
 * hyphen, curly apostrophes a straight one, full-width digits and letters their
 * ASCII forms, and accented Latin letters their base letters ("Zoë" and "Zoe",
 * "Zoe\u0308" all read "Zoe"), so a roster name matches however it was typed.
 * Letters that families' keyboards write in more than one way are folded the
 * same way (SCRIPT_FOLD): Arabic and Urdu alef, yeh, kaf and heh forms and short
 * vowels, Bengali and Gurmukhi nukta letters.
 * Done by hand, not with String.prototype.normalize('NFD'): without ICU, V8's
 * normalize checks its argument and returns the string unchanged, and deleting
 * Intl in a test would not show that.
 */
export function cleanText(text: string): string {
  // Fast path: most mail is plain ASCII.
  if (!NON_ASCII.test(text)) return text;
  return text.replace(CLEAN_RE, mapChar);
}

// eslint-disable-next-line no-control-regex -- matching every non-ASCII character is the point
const NON_ASCII = /[^\x00-\x7f]/;
// eslint-disable-next-line no-misleading-character-class -- invisible code points and combining marks listed as ranges; none is meant to combine here
const CLEAN_RE = /[\u00a0\u00ad\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f\u0218-\u021b\u0300-\u036f\u061c\u0622-\u0626\u0629\u0640\u0643\u0649\u064a-\u065f\u0670\u0671\u06be\u06c0\u06c1\u06c3\u0981\u09bc\u09dc\u09dd\u09df\u0a33\u0a36\u0a3c\u0a59-\u0a5b\u0a5e\u0a70\u0a71\u115f\u1160\u17b4\u17b5\u180e\u2000-\u200f\u2010-\u2015\u2018\u2019\u02bc\u2028-\u202f\u205f-\u206f\u2212\u3000\u3164\ufe58\ufe63\ufeff\uff01-\uff5e\uffa0]/g;

/**
 * cleanText, and where each position of the result came from in `text`, for
 * evidence that names a place in an attachment ("cell B14") after characters
 * were dropped or widened. `origin` is absent when no position moved.
 */
export function cleanTextMapped(text: string): { readonly text: string; readonly origin?: (offset: number) => number } {
  if (!NON_ASCII.test(text)) return { text };
  // From result position starts[k] on, the original position is the result's less shifts[k].
  const starts: number[] = [];
  const shifts: number[] = [];
  let shift = 0;
  const out = text.replace(CLEAN_RE, (ch: string, offset: number) => {
    const mapped = mapChar(ch);
    if (mapped.length !== 1) {
      shift += mapped.length - 1;
      starts.push(offset + shift + 1);
      shifts.push(shift);
    }
    return mapped;
  });
  if (starts.length === 0) return { text: out };
  return {
    text: out,
    origin: (offset) => {
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((starts[mid] ?? 0) <= offset) lo = mid + 1;
        else hi = mid;
      }
      return offset - (lo > 0 ? shifts[lo - 1] ?? 0 : 0);
    },
  };
}

/**
 * Base letters of U+00C0-U+017F (Latin-1 Supplement letters and Latin
 * Extended-A), one per code point; '*' marks the ligatures and letters that
 * fold to two (LATIN_FOLD_WIDE). Letters with no decomposition (Ø, Đ, Ł, Ħ, Ŧ)
 * take the letter they are written from, as search engines fold them.
 */
const LATIN_FOLD = 'AAAAAA*CEEEEIIIIDNOOOOO×OUUUUY**aaaaaa*ceeeeiiiidnooooo÷ouuuuy*yAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi**JjKkkLlLlLlLlLlNnNnNn*NnOoOoOo**RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs';
const LATIN_FOLD_WIDE: Readonly<Record<string, string>> = {
  '\u00c6': 'AE', '\u00de': 'TH', '\u00df': 'ss', '\u00e6': 'ae', '\u00fe': 'th', '\u0132': 'IJ', '\u0133': 'ij', '\u0149': "'n", '\u0152': 'OE', '\u0153': 'oe',
};
/** Romanian comma-below letters (Latin Extended-B), often typed for the cedilla ones. */
const COMMA_BELOW_FOLD = 'SsTt';

/**
 * One form for letters typed in several ways: Arabic and Urdu alef with hamza
 * or madda (أ إ آ ٱ) as alef, ؤ as waw, ئ ي ى as Farsi yeh (ی), ك as keheh (ک),
 * ة ۃ ہ ھ ۀ as heh; Bengali য় ড় ঢ় as য ড ঢ; Gurmukhi ਸ਼ ਖ਼ ਗ਼ ਜ਼ ਫ਼ ਲ਼ as ਸ ਖ ਗ ਜ ਫ ਲ
 * and tippi as bindi. Marks left out as often as typed (Arabic short vowels,
 * tatweel, Bengali chandrabindu and nukta, Gurmukhi nukta and addak) are dropped.
 */
const SCRIPT_FOLD: Readonly<Record<string, string>> = {
  '\u0622': '\u0627', '\u0623': '\u0627', '\u0625': '\u0627', '\u0671': '\u0627', '\u0624': '\u0648',
  '\u0626': '\u06cc', '\u064a': '\u06cc', '\u0649': '\u06cc', '\u0643': '\u06a9',
  '\u0629': '\u0647', '\u06c3': '\u0647', '\u06c1': '\u0647', '\u06be': '\u0647', '\u06c0': '\u0647',
  '\u09dc': '\u09a1', '\u09dd': '\u09a2', '\u09df': '\u09af',
  '\u0a36': '\u0a38', '\u0a59': '\u0a16', '\u0a5a': '\u0a17', '\u0a5b': '\u0a1c', '\u0a5e': '\u0a2b', '\u0a33': '\u0a32',
  '\u0a70': '\u0a02',
};

function mapChar(ch: string): string {
  const c = ch.charCodeAt(0);
  // Checked by range first: most calls are for invisible characters, and an object lookup for each costs.
  if (c >= 0x622 && c <= 0xa71) return SCRIPT_FOLD[ch] ?? '';
  if (c >= 0xc0 && c <= 0x17f) {
    const folded = LATIN_FOLD[c - 0xc0] ?? ch;
    return folded === '*' ? LATIN_FOLD_WIDE[ch] ?? ch : folded;
  }
  if (c >= 0x218 && c <= 0x21b) return COMMA_BELOW_FOLD[c - 0x218] ?? ch;
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (c === 0x00a0 || c === 0x3000 || c === 0x205f || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x2028 || c === 0x2029) return ' ';
  if (c === 0x2018 || c === 0x2019 || c === 0x02bc) return "'";
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe58 || c === 0xfe63) return '-';
  // Zero-width and invisible characters, combining accents (U+0300-U+036F) left by a decomposed "e\u0301",
  // and the optional marks of Arabic, Bengali and Gurmukhi (SCRIPT_FOLD).
  return '';
}

/** The text a detector reads from a body of either kind. */
export function bodyText(kind: 'html' | 'text', content: string): string {
  return cleanText(kind === 'html' ? htmlToText(content) : content);
}
