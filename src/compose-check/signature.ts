// Finds e-mail signature blocks, whose job titles and helplines ("Designated
// Safeguarding Lead (child protection)", "Safeguarding concerns out of hours")
// name safeguarding without being about any pupil the message mentions.
// Quoted or forwarded history below a signature is not part of it: forwarded
// chains put the sensitive content there.

/** A signature is a few short lines; more than this is a list or prose, not a signature. */
const MAX_SIGNATURE_LINES = 10;
/** Longer lines are prose or a disclaimer paragraph: they end a signature. */
const MAX_SIGNATURE_LINE = 120;
const MAX_SIGNATURE_WORDS = 15;

/** The RFC 3676 signature separator, "-- ", also written without its space. */
const SEPARATOR_RE = /^--[ \t]*$/;
const SIGN_OFF_WORDS = String.raw`(?:(?:kind(?:est)?|best|warm(?:est)?|many|with(?:\s+(?:kind|best|warm|many))?|all\s+the)\s+)?(?:regards|wishes|thanks|thank\s+you)`
  + String.raw`|thanks|thank\s+you|cheers|best|regards|yours(?:\s+(?:sincerely|faithfully|truly))?|sincerely|take\s+care|speak\s+soon`;
/** A name: up to five words of letters, initials, hyphens and apostrophes ("Joy Okafor", "Mr J. O'Neil-Smith"). */
const NAME = String.raw`[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F.'-]*(?:[ \t]+[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F.'-]*){0,4}`;
/** A sign-off on its own line, or followed by the sender's name: "Kind regards,", "Thanks, Joy". */
// The name on the same line must follow a comma or dash: "Thanks for your help" is a sentence.
const SIGN_OFF_RE = new RegExp(String.raw`^(?:${SIGN_OFF_WORDS})(?:\s+(?:again|so\s+much|in\s+advance|all))?[ \t]*(?:[,.!]*|[,!-][ \t]*(${NAME})[ \t]*[,.]?)$`, 'i');
const NAME_LINE_RE = new RegExp(`^${NAME}[ \\t]*[,.]?$`);
/** Where earlier mail starts: Outlook's and Gmail's reply and forward headers, and the lines that introduce them. */
const HISTORY_RE = /^(?:-{2,}[ \t]*(?:original|forwarded)[ \t]+message[ \t]*-{2,}|_{8,}|-{5,}[ \t]*$|begin forwarded message|(?:from|sent|to|subject|date):[ \t]|on[ \t].{1,200}[ \t]wrote:[ \t]*$)/i;
/** A postscript is written to the reader, not part of the signature. */
const POSTSCRIPT_RE = /^p\.?[ \t]?s\b/i;

interface Line {
  readonly start: number;
  readonly end: number;
  /** "> " quote markers before the text. */
  readonly depth: number;
  /** The text after the quote markers, trimmed. */
  readonly content: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let i = start;
    let depth = 0;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 62 /* > */) depth++;
      else if (c !== 32 && c !== 9) break;
    }
    // Only a short line can be part of a signature; a long one need not be copied to be judged.
    // A heading's SECTION_BREAK stays at the front, so a heading is never a name and ends a block.
    const content = end - i > MAX_SIGNATURE_LINE + 2 ? text.slice(i, i + MAX_SIGNATURE_LINE + 2) : text.slice(i, end).replace(/\s+$/, '');
    lines.push({ start, end, depth, content });
    start = end + 1;
  }
  return lines;
}

const isBlank = (line: Line): boolean => line.content.length === 0;
const isHeading = (line: Line): boolean => line.content.charCodeAt(0) === 12; /* SECTION_BREAK */
const isProse = (line: Line): boolean =>
  line.content.length > MAX_SIGNATURE_LINE || line.content.split(/\s+/).length > MAX_SIGNATURE_WORDS || POSTSCRIPT_RE.test(line.content);

/**
 * Signature blocks as sorted [start, end) spans of `text`: from a "-- " line,
 * or from a sign-off ("Kind regards", "Many thanks") followed by the sender's
 * name, down to the end of the message, the start of quoted or forwarded
 * history, a change of quote level, or a postscript or prose paragraph. A block
 * that runs on for more than MAX_SIGNATURE_LINES short lines is not a
 * signature (it is a list, or the sign-off was mid-message). Linear: each line
 * is looked at from at most one candidate start beyond its own.
 */
export function signatureSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || isBlank(line)) continue;
    let bodyFrom: number;
    if (SEPARATOR_RE.test(line.content)) bodyFrom = i + 1;
    else {
      const signOff = SIGN_OFF_RE.exec(line.content);
      if (!signOff) continue;
      if (signOff[1] !== undefined) bodyFrom = i + 1;
      else {
        // "Kind regards," alone must be followed by a name, or it is prose ("Thanks!\nWe will…").
        let k = i + 1;
        while (k < lines.length && lines[k]?.depth === line.depth && isBlank(lines[k] as Line)) k++;
        const name = lines[k];
        if (!name || name.depth !== line.depth || !NAME_LINE_RE.test(name.content) || HISTORY_RE.test(name.content)) continue;
        bodyFrom = k + 1;
      }
    }
    let end = bodyFrom;
    let count = 0;
    for (; end < lines.length; end++) {
      const next = lines[end] as Line;
      if (next.depth !== line.depth || isHeading(next) || HISTORY_RE.test(next.content) || isProse(next)) break;
      if (!isBlank(next) && ++count > MAX_SIGNATURE_LINES) break;
    }
    if (count > MAX_SIGNATURE_LINES) continue;
    const last = lines[end - 1] ?? line;
    spans.push([line.start, last.end]);
    i = end - 1;
  }
  return spans;
}
