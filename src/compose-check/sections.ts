// Where context stops counting: a text's sections (a newsletter's
// "Celebrations" and its "Safeguarding" notice are different topics), and the
// boilerplate and signature blocks that name safeguarding without being about
// any pupil.
import { SECTION_BREAK } from './normalise';
import { signatureSpans } from './signature';
import { lowerBound } from './text-scan';

/**
 * Boilerplate that names safeguarding without being about a pupil: job titles
 * and the school's standard e-mail footer. Context words inside it do not count.
 */
const BOILERPLATE_RE = new RegExp([
  String.raw`(?:deputy\s+)?designated\s+safeguarding\s+lead|safeguarding\s+(?:lead|team|officer|governor|policy|training)`,
  String.raw`child\s+protection\s+(?:policy|training|officer)`,
  String.raw`committed\s+to\s+safeguarding[^.\n]{0,200}|safeguarding\s+and\s+promoting\s+the\s+welfare[^.\n]{0,200}`,
  // An e-mail disclaimer, to the end of its sentence: "This email and any attachments are confidential and may
  // contain safeguarding or personal information." It is on every message, about none of them.
  String.raw`this\s+e-?mail[^.\n]{0,80}?(?:confidential|privileged|intended\s+(?:solely|only))[^.\n]{0,200}`,
  String.raw`may\s+contain\s+(?:confidential|personal|sensitive|privileged|safeguarding)[^.\n]{0,200}`,
  // Signposting addressed to every reader about any child, to the end of its sentence:
  // "If you are worried about a child, contact our DSL or the MASH on 0300 …". It names no pupil;
  // "if you are worried about Amelia's self-harm" names one and is not matched.
  String.raw`if\s+you\s+(?:are|'re|were|have|feel)\s+(?:ever\s+)?(?:any\s+)?(?:worried|concerned|concerns?|anxious)\s+(?:about|for|regarding)\s+`
    + String.raw`(?:the\s+(?:safety|welfare|well-?being)\s+of\s+)?(?:a|any|another|your)\s+(?:child|young\s+person|pupil|student|learner)[^.\n]{0,200}`,
  // Benefit signposting: "Free school meals: check your eligibility at …", "you may be eligible for free school meals",
  // "Free school meals: if your circumstances have changed you may be eligible".
  String.raw`(?:free\s+school\s+meals|pupil\s+premium)[^.\n]{0,20}?(?:check\s+(?:your|if\s+you)|find\s+out\s+(?:if|whether)\s+you|you\s+(?:may|might|could)\s+be|if\s+your\s+(?:circumstances|income|situation|job))[^.\n]{0,200}`,
  String.raw`(?:you|your\s+(?:child|family)|families|parents|carers)\s+(?:may|might|could|can)\s+(?:be\s+(?:eligible|entitled)\s+(?:for|to)|apply\s+for|claim)\s+(?:free\s+school\s+meals|pupil\s+premium)[^.\n]{0,200}`,
].join('|'), 'g');

/**
 * Where sections start: a heading (SECTION_BREAK from HTML h1-h6, a form feed),
 * or, after a blank line, a Markdown heading or a line in capitals ("SAFEGUARDING").
 * Context is about the pupil only within the pupil's own section: a newsletter's
 * "Celebrations" and its "Safeguarding" notice are different topics. Title-case
 * plain-text lines are not taken as headings: "Amelia Smith\n\nEHCP review\n\n…" is one topic.
 */
const SECTION_START_RE = new RegExp(String.raw`${SECTION_BREAK}|(?:^|\n[ \t]*\n)[ \t]*(?=#{1,6}[ \t]+\S|[A-Z][A-Z0-9 \t&'/,:()-]{2,59}[ \t]*(?:\n|$))`, 'g');

/** Sorted positions where a new section starts (see SECTION_START_RE). */
export function sectionStarts(text: string): number[] {
  const out: number[] = [];
  SECTION_START_RE.lastIndex = 0;
  for (let m = SECTION_START_RE.exec(text); m; m = SECTION_START_RE.exec(text)) {
    out.push(m.index + m[0].length - (m[0] === SECTION_BREAK ? 1 : 0));
    if (m[0].length === 0) SECTION_START_RE.lastIndex++;
  }
  return out;
}

/**
 * Drops context positions that fall inside job titles, footers, signposting
 * and signature blocks. A signature that names a roster pupil is not only a
 * signature ("Thanks, Amelia Smith's social worker…"), so its words still count.
 */
export function withoutBoilerplate(text: string, lower: string, pupilStarts: readonly number[], context: number[]): number[] {
  if (context.length === 0) return context;
  const spans: [number, number][] = [];
  BOILERPLATE_RE.lastIndex = 0;
  for (let m = BOILERPLATE_RE.exec(lower); m; m = BOILERPLATE_RE.exec(lower)) spans.push([m.index, m.index + m[0].length]);
  for (const span of signatureSpans(text)) {
    const p = pupilStarts[lowerBound(pupilStarts, span[0])];
    if (p === undefined || p >= span[1]) spans.push(span);
  }
  if (spans.length === 0) return context;
  spans.sort((a, b) => a[0] - b[0]);
  // Spans may overlap (a job title inside a signature): keep the furthest end reached so far.
  let k = 0;
  let reach = -1;
  return context.filter((pos) => {
    while (k < spans.length && (spans[k]?.[0] ?? Infinity) <= pos) reach = Math.max(reach, spans[k++]?.[1] ?? 0);
    return pos >= reach;
  });
}

