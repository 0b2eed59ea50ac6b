// The clauses of the April 2020 policy that the Outlook checks rest on, in the
// policy's own words. Pure data: the engine cites them in every reason.

export interface ClauseRef {
  /** Stable id of the clause. */
  readonly id: string;
  /** The policy section the clause sits in. */
  readonly section: string;
  /** The policy's own words. */
  readonly quote: string;
}

export const CLAUSES = {
  emailSecurity: {
    id: 'internet-email.security',
    section: 'Internet / Email',
    quote: 'Appropriate security must be used or applied before confidential or sensitive information is sent via the internet or email.',
  },
  contactHours: {
    id: 'mobile-phones.contact-hours',
    section: 'Mobile Phones',
    quote: 'Calls and contact to pupils and parents should be restricted to the hours of 8.00 am to 6.00 pm',
  },
  removingSensitive: {
    id: 'computer-network.removing-sensitive',
    section: 'Computer network',
    quote: 'Transporting sensitive information or removing it from the network is strictly forbidden.',
  },
  // Who receives a message, and what they see of each other, is the sender's to get right (issue 12).
  responsibleForEmail: {
    id: 'internet-email.responsible',
    section: 'Internet / Email',
    quote: 'You are responsible for the email you send and for any contacts you make that might result in inappropriate emails being received.',
  },
} as const satisfies Record<string, ClauseRef>;

/** The clause ids the engine cites (ClauseRef.id). */
export type ClauseId = (typeof CLAUSES)[keyof typeof CLAUSES]['id'];

/** Each cited clause as one policy version words it, or null where that version has no such clause. */
export type PolicyClauses = Readonly<Record<ClauseId, ClauseRef | null>>;

// What identifies each clause in any version's wording: every pattern must
// match one sentence. Deliberately loose about the words around them, so a
// reworded sentence is still found; deliberately strict about the subject, so
// an unrelated sentence is not quoted as the rule.
// am/pm written as "am" or "a.m.", never taking a sentence's full stop: "… 5.30pm."
const TIME = '(\\d{1,2})(?:[.:](\\d{2}))?\\s*(a\\.m\\.|p\\.m\\.|am\\b|pm\\b)?';
const timeRange = (): RegExp => new RegExp(`${TIME}\\s*(?:to|until|till|and|-|–|—)\\s*${TIME}`, 'i');
// Marked pure so that a bundle which never locates clauses (launchevent.js) drops it.
const TIME_RANGE = /* @__PURE__ */ timeRange();
const LOCATORS: Readonly<Record<keyof typeof CLAUSES, readonly RegExp[]>> = {
  emailSecurity: [/\b(?:security|encrypt)/i, /\b(?:confidential|sensitive)\b/i, /\b(?:e-?mail|internet)\b/i],
  contactHours: [/\bcontact/i, /\b(?:pupils?|parents?|carers?|students?)\b/i, TIME_RANGE],
  removingSensitive: [/\bsensitive\b/i, /\b(?:transport|remov|tak(?:e|ing) (?:it )?(?:home|off))/i, /\b(?:network|school|site|premises)\b/i],
  responsibleForEmail: [/\bresponsib/i, /\be-?mails?\b/i, /\bsen[dt]\b/i],
};

/** Markdown to plain sentences, each with the `#`/`##` heading it sits under. */
function sentences(markdown: string): { readonly text: string; readonly section: string }[] {
  const out: { text: string; section: string }[] = [];
  let section = '';
  let paragraph: string[] = [];
  const flush = (): void => {
    const text = paragraph.join(' ').replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1').replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();
    paragraph = [];
    // A full stop ends a sentence only before white space or the end ("8.00 am" stays whole).
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      if ('.!?'.indexOf(text.charAt(i)) >= 0 && (i + 1 === text.length || text.charAt(i + 1) === ' ')) {
        const s = text.slice(start, i + 1).trim();
        if (s !== '') out.push({ text: s, section });
        start = i + 1;
      }
    }
    const rest = text.slice(start).trim();
    if (rest !== '') out.push({ text: rest, section });
  };
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      if ((heading[1] ?? '').length <= 2) section = heading[2] ?? '';
      continue;
    }
    if (/^\s*$/.test(line)) { flush(); continue; }
    // A list item starts a new sentence group.
    if (/^\s*(?:[-*+]|\d+[.)])\s+/.test(line)) flush();
    paragraph.push(line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/^\s*>\s?/, ''));
  }
  flush();
  return out;
}

/**
 * Finds the clauses the Outlook checks cite in one version's published
 * Markdown, so the pane and the alert quote the policy staff actually signed.
 * The contact-hours quote ends at its hours, as the built-in quote does.
 */
export function findClauses(markdown: string): PolicyClauses {
  const all = sentences(markdown);
  const found = {} as Record<ClauseId, ClauseRef | null>;
  for (const key of Object.keys(CLAUSES) as (keyof typeof CLAUSES)[]) {
    const hit = all.find((s) => LOCATORS[key].every((re) => re.test(s.text)));
    let quote = hit?.text;
    if (hit && key === 'contactHours') {
      const m = TIME_RANGE.exec(hit.text);
      if (m) quote = hit.text.slice(0, m.index + m[0].length).trim();
    }
    found[CLAUSES[key].id] = hit && quote ? { id: CLAUSES[key].id, section: hit.section || CLAUSES[key].section, quote } : null;
  }
  return found;
}

function clock(hour: string | undefined, minute: string | undefined, meridiem: string | undefined): number | undefined {
  let h = Number(hour);
  const m = minute === undefined ? 0 : Number(minute);
  if (!Number.isInteger(h) || h > 23 || m > 59) return undefined;
  const mer = meridiem?.toLowerCase().replace(/\./g, '');
  if (mer === 'pm' && h < 12) h += 12;
  if (mer === 'am' && h === 12) h = 0;
  return h * 60 + m;
}

const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The hours a contact-hours sentence names, as settings write them
 * ("8.00 am to 6.00 pm" is 08:00-18:00; "8 to 5.30pm" is 08:00-17:30), or
 * undefined when it names none this can read.
 */
export function contactHoursIn(sentence: string): { readonly start: string; readonly end: string } | undefined {
  const m = TIME_RANGE.exec(sentence);
  if (!m) return undefined;
  const start = clock(m[1], m[2], m[3]);
  let end = clock(m[4], m[5], m[6]);
  if (start === undefined || end === undefined) return undefined;
  // "8 to 6" and "8am to 6": an end before the start without am/pm is in the afternoon.
  if (end <= start && m[6] === undefined && end < 12 * 60) end += 12 * 60;
  return end > start ? { start: hhmm(start), end: hhmm(end) } : undefined;
}
