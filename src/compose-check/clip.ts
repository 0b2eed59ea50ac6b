// One way to shorten text for Outlook's length limits (Smart Alerts' 500
// characters, notificationMessages' 150): never mid-word, and where possible
// at the end of a sentence, so an instruction is either whole or absent.

const ELLIPSIS = '…';
// A sentence ends at . ! or ? followed by white space (or the end of the text).
const SENTENCE_END = /[.!?](?=\s|$)/;

/**
 * `text` when it fits in `max` characters; else its longest run of whole
 * sentences that fits, if that keeps at least half of the room; else the
 * longest run of whole words that fits, followed by an ellipsis (none when
 * those words end a sentence).
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let sentences = 0;
  // An exec loop rather than matchAll (ES2020), which the send-time runtime may lack.
  const re = new RegExp(SENTENCE_END.source, 'g');
  for (let m = re.exec(text); m && m.index < max; m = re.exec(text)) sentences = m.index + 1;
  if (sentences >= max / 2) return text.slice(0, sentences);
  // A prefix ends on a word when the character after it is white space; the
  // ellipsis takes one character, so look at most max - 1 characters in.
  const room = text.slice(0, max);
  const space = room.search(/\s\S*$/);
  const cut = space > 0 ? room.slice(0, space) : room.slice(0, max - ELLIPSIS.length);
  const words = cut.replace(/[\s,;:–-]+$/, '');
  // Cut just after a sentence: the text reads as complete, so no ellipsis.
  return /[.!?]$/.test(words) ? words : `${words}${ELLIPSIS}`;
}
