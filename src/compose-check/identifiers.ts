// Check-digit rules for the identifiers the engine looks for. A number that
// fails its check is never a match, whatever words surround it (issue #2).

/** The UPN check alphabet: A–Z without I, O and S (DfE, "Unique Pupil Numbers" guidance). */
const UPN_CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

const isDigits = (s: string, length: number): boolean => s.length === length && /^\d+$/.test(s);

/** The check letter for a UPN's 12 digits: Σ digit × position (2..13) mod 23. */
export function upnCheckLetter(digits: string): string | undefined {
  if (!isDigits(digits, 12)) return undefined;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (digits.charCodeAt(i) - 48) * (i + 2);
  return UPN_CHECK_LETTERS[sum % 23];
}

/** A permanent DfE Unique Pupil Number: check letter then 12 digits, e.g. B801200005001. */
export function isValidUpn(upn: string): boolean {
  const s = upn.toUpperCase();
  return s.length === 13 && upnCheckLetter(s.slice(1)) === s[0];
}

/** A Unique Learner Number: 10 digits, Σ digit × (10..1) mod 11 = 10, e.g. 9276308686. */
export function isValidUln(uln: string): boolean {
  if (!isDigits(uln, 10) || uln[0] === '0') return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (uln.charCodeAt(i) - 48) * (10 - i);
  return sum % 11 === 10;
}

/**
 * An NHS number: 10 digits, weights 10..2 on the first nine, check digit
 * 11 − (sum mod 11), where 11 means 0 and 10 means the number is invalid.
 */
export function isValidNhsNumber(nhs: string): boolean {
  if (!isDigits(nhs, 10)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (nhs.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === nhs.charCodeAt(9) - 48;
}

const NI_BAD_FIRST = 'DFIQUV';
const NI_BAD_SECOND = 'DFIOQUV';
const NI_BAD_PREFIXES = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);

/** A National Insurance number: HMRC's prefix rules, six digits and a suffix A to D, e.g. AB123456C. */
export function isValidNiNumber(ni: string): boolean {
  const s = ni.toUpperCase();
  if (!/^[A-Z]{2}\d{6}[A-D]$/.test(s)) return false;
  const [a = '', b = ''] = s;
  return !NI_BAD_FIRST.includes(a) && !NI_BAD_SECOND.includes(b) && !NI_BAD_PREFIXES.has(a + b);
}

/** Keeps the first and last three characters: enough to recognise, not enough to use. */
export function maskIdentifier(value: string): string {
  return value.length <= 6 ? '…' : `${value.slice(0, 3)}…${value.slice(-3)}`;
}
