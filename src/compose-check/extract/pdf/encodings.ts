// Simple-font encodings (ISO 32000-1, Annex D) and glyph names, for fonts
// without a ToUnicode map: WinAnsi (with its glyph names, which also give
// the Unicode of most names a /Differences array uses), Standard and
// MacRoman. A subset of the Adobe Glyph List: Latin text is what a school's
// documents hold.
import { cp1252 } from '../text-decode';

/** WinAnsiEncoding's glyph names for codes 0x20-0xFF, space-separated ('-' for none). */
const WIN_ANSI_NAMES = (
  'space exclam quotedbl numbersign dollar percent ampersand quotesingle parenleft parenright asterisk plus comma hyphen period slash ' +
  'zero one two three four five six seven eight nine colon semicolon less equal greater question ' +
  'at A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash bracketright asciicircum underscore ' +
  'grave a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft bar braceright asciitilde bullet ' +
  'Euro bullet quotesinglbase florin quotedblbase ellipsis dagger daggerdbl circumflex perthousand Scaron guilsinglleft OE bullet Zcaron bullet ' +
  'bullet quoteleft quoteright quotedblleft quotedblright bullet endash emdash tilde trademark scaron guilsinglright oe bullet zcaron Ydieresis ' +
  'space exclamdown cent sterling currency yen brokenbar section dieresis copyright ordfeminine guillemotleft logicalnot hyphen registered macron ' +
  'degree plusminus twosuperior threesuperior acute mu paragraph periodcentered cedilla onesuperior ordmasculine guillemotright onequarter onehalf threequarters questiondown ' +
  'Agrave Aacute Acircumflex Atilde Adieresis Aring AE Ccedilla Egrave Eacute Ecircumflex Edieresis Igrave Iacute Icircumflex Idieresis ' +
  'Eth Ntilde Ograve Oacute Ocircumflex Otilde Odieresis multiply Oslash Ugrave Uacute Ucircumflex Udieresis Yacute Thorn germandbls ' +
  'agrave aacute acircumflex atilde adieresis aring ae ccedilla egrave eacute ecircumflex edieresis igrave iacute icircumflex idieresis ' +
  'eth ntilde ograve oacute ocircumflex otilde odieresis divide oslash ugrave uacute ucircumflex udieresis yacute thorn ydieresis'
);

/** MacRoman's 0x80-0xFF as characters. */
const MAC_ROMAN_HIGH =
  '\u00c4\u00c5\u00c7\u00c9\u00d1\u00d6\u00dc\u00e1\u00e0\u00e2\u00e4\u00e3\u00e5\u00e7\u00e9\u00e8\u00ea\u00eb\u00ed\u00ec\u00ee\u00ef\u00f1\u00f3\u00f2\u00f4\u00f6\u00f5\u00fa\u00f9\u00fb\u00fc' +
  '\u2020\u00b0\u00a2\u00a3\u00a7\u2022\u00b6\u00df\u00ae\u00a9\u2122\u00b4\u00a8\u2260\u00c6\u00d8\u221e\u00b1\u2264\u2265\u00a5\u00b5\u2202\u2211\u220f\u03c0\u222b\u00aa\u00ba\u03a9\u00e6\u00f8' +
  '\u00bf\u00a1\u00ac\u221a\u0192\u2248\u2206\u00ab\u00bb\u2026\u00a0\u00c0\u00c3\u00d5\u0152\u0153\u2013\u2014\u201c\u201d\u2018\u2019\u00f7\u25ca\u00ff\u0178\u2044\u20ac\u2039\u203a\ufb01\ufb02' +
  '\u2021\u00b7\u201a\u201e\u2030\u00c2\u00ca\u00c1\u00cb\u00c8\u00cd\u00ce\u00cf\u00cc\u00d3\u00d4\uf8ff\u00d2\u00da\u00db\u00d9\u0131\u02c6\u02dc\u00af\u02d8\u02d9\u02da\u00b8\u02dd\u02db\u02c7';

/** Built on first use, so that loading the engine costs nothing when no PDF is read. */
let glyphs: Map<string, string> | undefined;

function glyphTable(): Map<string, string> {
  if (glyphs) return glyphs;
  const table = new Map<string, string>();
  WIN_ANSI_NAMES.split(' ').forEach((name, i) => {
    if (!table.has(name)) table.set(name, String.fromCharCode(cp1252(0x20 + i)));
  });
  table.set('bullet', '\u2022');
  for (const [name, text] of EXTRA_GLYPHS) table.set(name, text);
  glyphs = table;
  return table;
}

const EXTRA_GLYPHS: readonly (readonly [string, string])[] = [
  ['fi', 'fi'], ['fl', 'fl'], ['ff', 'ff'], ['ffi', 'ffi'], ['ffl', 'ffl'], ['dotlessi', '\u0131'], ['minus', '-'], ['nbspace', ' '],
  ['sfthyphen', '-'], ['fraction', '/'], ['quoteleftreversed', "'"], ['nonbreakingspace', ' '], ['hyphensoft', '-'], ['periodcentered', '\u00b7'],
  ['Lslash', 'L'], ['lslash', 'l'], ['Zdot', 'Z'], ['zdot', 'z'], ['Zdotaccent', 'Z'], ['zdotaccent', 'z'], ['Ccaron', 'C'], ['ccaron', 'c'],
  ['Ecaron', 'E'], ['ecaron', 'e'], ['Rcaron', 'R'], ['rcaron', 'r'], ['Sacute', 'S'], ['sacute', 's'], ['Nacute', 'N'], ['nacute', 'n'],
  ['Cacute', 'C'], ['cacute', 'c'], ['Eogonek', 'E'], ['eogonek', 'e'], ['Aogonek', 'A'], ['aogonek', 'a'], ['emspace', ' '], ['enspace', ' '],
];

/** A glyph name's text: AGL names above, "uniXXXX", "uXXXX[XX]", ligatures "f_i", suffixes ".sc" dropped. */
export function glyphText(name: string): string | undefined {
  const known = glyphTable().get(name);
  if (known !== undefined) return known;
  const dot = name.indexOf('.');
  if (dot > 0) return glyphText(name.slice(0, dot));
  if (name.indexOf('_') > 0) {
    const parts = name.split('_').map((p) => glyphText(p));
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  }
  let m = /^uni((?:[0-9A-F]{4})+)$/.exec(name);
  if (m) {
    let out = '';
    for (let i = 0; i < (m[1] as string).length; i += 4) out += String.fromCharCode(parseInt((m[1] as string).slice(i, i + 4), 16));
    return out;
  }
  m = /^u([0-9A-F]{4,6})$/.exec(name);
  if (m) {
    const cp = parseInt(m[1] as string, 16);
    return cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : undefined;
  }
  return undefined;
}

export type BaseEncoding = 'WinAnsiEncoding' | 'StandardEncoding' | 'MacRomanEncoding';

/** The 256 characters of a base encoding ('' where it has none). */
export function baseEncoding(name: BaseEncoding): string[] {
  const table: string[] = [];
  for (let c = 0; c < 256; c++) {
    if (c < 0x20) table.push('');
    else if (name === 'MacRomanEncoding') table.push(c >= 0x80 ? (MAC_ROMAN_HIGH[c - 0x80] as string) : c === 0x7f ? '' : String.fromCharCode(c));
    else if (name === 'StandardEncoding') table.push(c === 0x27 ? '\u2019' : c === 0x60 ? '\u2018' : c < 0x7f ? String.fromCharCode(c) : '');
    else table.push(String.fromCharCode(cp1252(c)));
  }
  return table;
}
