import { describe, expect, it } from 'vitest';
import { cleanText, decodeEntities, htmlToText } from '../normalise';

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references', () => expect(decodeEntities('a&amp;b &lt;&#56;&#x39;&gt; &pound;5')).toBe('a&b <89> £5'));
  it('leaves unknown and malformed references as written', () =>
    expect(decodeEntities('&bogus; &#xZZ; & alone &#;')).toBe('&bogus; &#xZZ; & alone &#;'));
  it('decodes once: &amp;#56; stays a literal reference', () => expect(decodeEntities('&amp;#56;')).toBe('&#56;'));
  it('replaces out-of-range code points', () => expect(decodeEntities('&#x110000;&#xD800;')).toBe('\uFFFD\uFFFD'));
  it('accepts a missing semicolon, as browsers do for legacy names', () => expect(decodeEntities('5&nbsp6')).toBe('5 6'));
});

describe('htmlToText', () => {
  it('joins inline tags without a gap and breaks blocks', () =>
    expect(htmlToText('<p>B8<b>01</b><span>2</span></p><p>next</p>')).toBe('\nB8012\n\nnext\n'));
  it('drops comments, scripts and styles', () =>
    expect(htmlToText('a<!-- hidden 123 -->b<script>x()</script><STYLE>p{}</STYLE>c')).toBe('abc'));
  it('keeps a lone "<" that does not start a tag', () => expect(htmlToText('1 < 2 and 3<4')).toBe('1 < 2 and 3<4'));
  it('keeps text after a "<tag" that never closes', () => expect(htmlToText('a <b unclosed')).toBe('a <b unclosed'));
  it('starts each heading with a section break', () =>
    expect(htmlToText('<p>a</p><h2>Dates</h2><p>b</p>')).toBe('\na\n\n\fDates\n\nb\n'));
  it('separates table cells with tabs', () => expect(htmlToText('<tr><td>Amelia</td><td>Smith</td></tr>')).toBe('\n\tAmelia\tSmith\n'));
  it('shows source line breaks and space runs as one space, as a browser does', () =>
    expect(htmlToText('<span>Amelia</span>\r\n   <span>Smith</span><br>\nnext')).toBe('Amelia Smith\n next'));
  it('keeps line breaks and spaces inside <pre>', () =>
    expect(htmlToText('a\nb<pre>c\n  d</pre>e\nf')).toBe('a b\nc\n  d\ne f'));
  // A quadratic pass over this takes minutes, so the timeout catches it; the bench's
  // robustness section reports the time. A wall-clock assertion failed on busy machines.
  it('reads deeply nested and unclosed markup to text without any of its tags', { timeout: 30_000 }, () => {
    const out = htmlToText('<div>'.repeat(200_000) + '<'.repeat(500_000) + '<a'.repeat(200_000));
    expect(out).not.toContain('<div>');
    expect(out.length).toBeGreaterThan(0);
  });
});

describe('cleanText', () => {
  it('removes zero-width characters and soft hyphens', () => expect(cleanText('9\u200b2\u200c7\u200d6\u2060\ufeff3\u00ad0')).toBe('927630'));
  it('maps Unicode spaces, dashes and apostrophes to ASCII', () => expect(cleanText('a\u00a0b\u2013c\u2212d\u2019e')).toBe("a b-c-d'e"));
  it('maps full-width letters and digits', () => expect(cleanText('ＵＰＮ １２')).toBe('UPN 12'));
  it('folds accented Latin letters to their base letters', () =>
    expect(cleanText('Zo\u00eb \u00c9lodie \u0141ukasz \u00d8ystein \u0218tefan \u0151')).toBe('Zoe Elodie Lukasz Oystein Stefan o'));
  it('folds ligatures and sharp s to two letters', () => expect(cleanText('\u00c6sa Gro\u00df \u0153uvre')).toBe('AEsa Gross oeuvre'));
  it('drops combining accents left by decomposed text', () => expect(cleanText('Zoe\u0308 Rene\u0301e')).toBe('Zoe Renee'));
  it('leaves other scripts and the multiplication and division signs alone', () =>
    expect(cleanText('\u0396\u03c9\u03ae \u0417\u043e\u044f 3\u00d74\u00f72')).toBe('\u0396\u03c9\u03ae \u0417\u043e\u044f 3\u00d74\u00f72'));
  it('returns ASCII text unchanged', () => expect(cleanText('plain text 123')).toBe('plain text 123'));
  it('folds Arabic letter forms and drops short vowels and tatweel', () => {
    expect(cleanText('\u0627\u0644\u0625\u0639\u0627\u0642\u0629')).toBe(cleanText('\u0627\u0644\u0627\u0639\u0627\u0642\u0647'));
    expect(cleanText('\u0645\u064f\u0633\u0640\u062a\u0634\u0641\u0649')).toBe('\u0645\u0633\u062a\u0634\u0641\u06cc');
  });
  it('folds Urdu typed on an Arabic keyboard to the Urdu letters', () =>
    expect(cleanText('\u0647\u0633\u067e\u062a\u0627\u0644 \u0643\u064a')).toBe(cleanText('\u06c1\u0633\u067e\u062a\u0627\u0644 \u06a9\u06cc')));
  it('folds Bengali nukta letters, precomposed or not, and chandrabindu', () => {
    expect(cleanText('\u09a1\u09be\u09df\u09be')).toBe(cleanText('\u09a1\u09be\u09af\u09bc\u09be'));
    expect(cleanText('\u09b9\u09be\u0981\u09aa\u09be\u09a8\u09bf')).toBe('\u09b9\u09be\u09aa\u09be\u09a8\u09bf');
  });
  it('folds Gurmukhi nukta letters, addak and tippi', () => {
    expect(cleanText('\u0a38\u0a41\u0a30\u0a71\u0a16\u0a3f\u0a06')).toBe('\u0a38\u0a41\u0a30\u0a16\u0a3f\u0a06');
    expect(cleanText('\u0a36\u0a42\u0a17\u0a30')).toBe(cleanText('\u0a38\u0a3c\u0a42\u0a17\u0a30'));
    expect(cleanText('\u0a2e\u0a41\u0a70\u0a21\u0a3e')).toBe('\u0a2e\u0a41\u0a02\u0a21\u0a3e');
  });
  it('folds Polish, Romanian and Lithuanian letters to their base letters', () =>
    expect(cleanText('szpitalu \u0142 \u0219\u021b \u015f\u0163 \u0117\u012f\u0173\u016b\u017e')).toBe('szpitalu l st st eiuuz'));
});
