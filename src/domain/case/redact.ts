/**
 * Card-number redaction: a full card number (PAN) must never be stored, shown or shared — not even its last
 * four digits, which the case summary asks for separately.
 *
 * What counts as a card number. Digits are ASCII 0-9 and anything NFKC maps to one (full-width ６, 𝟔, ⁶…).
 * A run is digits joined by gaps of at most three visible separators (spaces, tabs, dashes of any width);
 * invisible characters (zero-width spaces, combining marks, soft hyphens, bidi marks) never break a run, so
 * they cannot smuggle a number past the check. Line breaks and any other character end a run. A run is
 * masked as a whole when
 *  - it has 13–19 digits and passes the Luhn check;
 *  - a stretch of whole separator-delimited groups inside it has 13–19 digits and passes
 *    (catches "12 6222 0212 3456 7890": a number written next to another one);
 *  - it has 20 or more digits (not a card number itself, but digits glued to one) and any window of 13–19
 *    consecutive digits passes — about 97% of 20-digit runs, which is the safe side.
 * A 13–19 digit run without separators is judged as a whole only: checking its inner windows would mask about
 * half of all 15-digit 商户号 (six windows, each passing Luhn one time in ten).
 */

/** What replaces a card number: nothing of the number survives, not even its length. */
export const cardMask = '••••';

const minDigits = 13;
const maxDigits = 19;
/** Visible separators allowed between two digits of one run ("6222 - 0212" has three). */
const maxGap = 3;

/** Luhn check of a string of ASCII digits; false for anything else or an empty string. */
export function luhnValid(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    sum += i % 2 === 1 ? doubled(digit) : digit;
  }
  return sum % 10 === 0;
}

/** True when the text holds something that would be masked by redactCardNumbers. */
export function containsCardNumber(text: string): boolean {
  return cardSpans(text, true).length > 0;
}

/** Replaces every card number with the mask; found says whether anything was replaced. Never throws. */
export function redactCardNumbers(text: string): { text: string; found: boolean } {
  const spans = cardSpans(text, false);
  if (spans.length === 0) return { text, found: false };
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += text.slice(at, start) + cardMask;
    at = end;
  }
  return { text: out + text.slice(at), found: true };
}

/** A copy of a JSON-like value with every string redacted (keys included); numbers and booleans are kept. */
export function redactStrings<T>(value: T): T {
  return redactValue(value, 0) as T;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactCardNumbers(value).text;
  if (value === null || typeof value !== 'object') return value;
  // Deeper than any value we store (or cyclic): dropped, since it could not be checked.
  if (depth > 32) return null;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [redactCardNumbers(key).text, redactValue(item, depth + 1)]),
  );
}

const doubled = (digit: number) => (digit * 2 > 9 ? digit * 2 - 9 : digit * 2);

type CharClass = number | 'separator' | 'invisible' | 'other';

const dashes = new Set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d]);
const invisible = /^[\p{M}\p{Cf}]$/u;
const classCache = new Map<number, CharClass>();

/** Digit value, separator or invisible, by code point; non-ASCII answers are cached. */
function classify(codePoint: number): CharClass {
  if (codePoint >= 0x30 && codePoint <= 0x39) return codePoint - 0x30;
  if (codePoint === 0x20 || codePoint === 0x09 || codePoint === 0x2d) return 'separator';
  if (codePoint < 0x80) return 'other';
  const cached = classCache.get(codePoint);
  if (cached !== undefined) return cached;
  const char = String.fromCodePoint(codePoint);
  const folded = char.normalize('NFKC');
  let result: CharClass = 'other';
  if (folded.length === 1 && folded >= '0' && folded <= '9') result = folded.charCodeAt(0) - 0x30;
  else if (dashes.has(codePoint) || folded === ' ' || folded === '-') result = 'separator';
  else if (invisible.test(char)) result = 'invisible';
  // Only a bounded set of code points is ever seen in practice; cap it anyway.
  if (classCache.size < 4096) classCache.set(codePoint, result);
  return result;
}

interface Run {
  start: number;
  end: number;
  digits: number[];
  /** Index into digits where each separator-delimited group starts. */
  groups: number[];
}

/** [start, end) UTF-16 ranges of the runs to mask, in order; stops at the first when firstOnly. */
function cardSpans(text: string, firstOnly: boolean): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (typeof text !== 'string') return spans;
  let run: Run | null = null;
  let gap = 0;
  const close = () => {
    if (run && isCardRun(run)) spans.push([run.start, run.end]);
    run = null;
  };
  for (let i = 0; i < text.length;) {
    const codePoint = text.codePointAt(i) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    const kind = classify(codePoint);
    if (typeof kind === 'number') {
      const current: Run | null = run;
      if (current && gap <= maxGap) {
        if (gap > 0) current.groups.push(current.digits.length);
        current.digits.push(kind);
        current.end = i + width;
      } else {
        close();
        run = { start: i, end: i + width, digits: [kind], groups: [0] };
      }
      gap = 0;
    } else if (kind === 'separator') {
      gap += 1;
      if (gap > maxGap) close();
    } else if (kind === 'other') {
      close();
    }
    if (firstOnly && spans.length > 0) return spans;
    i += width;
  }
  close();
  return spans;
}

function isCardRun({ digits, groups }: Run): boolean {
  const n = digits.length;
  if (n < minDigits) return false;
  const sums = luhnPrefixSums(digits);
  if (n <= maxDigits && windowPasses(sums, 0, n)) return true;
  // Stretches of whole groups: a card written next to another number.
  for (let g = 0; g < groups.length; g += 1) {
    const start = groups[g] ?? 0;
    for (let h = g + 1; h <= groups.length; h += 1) {
      const end = groups[h] ?? n;
      const length = end - start;
      if (length > maxDigits) break;
      if (length >= minDigits && windowPasses(sums, start, end)) return true;
    }
  }
  if (n <= maxDigits) return false;
  for (let start = 0; start + minDigits <= n; start += 1) {
    for (let length = minDigits; length <= maxDigits && start + length <= n; length += 1) {
      if (windowPasses(sums, start, start + length)) return true;
    }
  }
  return false;
}

/** Per parity, prefix sums of the digits as they are and doubled, so any window's Luhn sum is O(1). */
interface LuhnSums {
  plain: [Int32Array, Int32Array];
  double: [Int32Array, Int32Array];
}

function luhnPrefixSums(digits: readonly number[]): LuhnSums {
  const size = digits.length + 1;
  const sums: LuhnSums = {
    plain: [new Int32Array(size), new Int32Array(size)],
    double: [new Int32Array(size), new Int32Array(size)],
  };
  const [plainEven, plainOdd] = sums.plain;
  const [doubleEven, doubleOdd] = sums.double;
  for (let j = 0; j < digits.length; j += 1) {
    const digit = digits[j] ?? 0;
    const even = j % 2 === 0;
    plainEven[j + 1] = (plainEven[j] ?? 0) + (even ? digit : 0);
    plainOdd[j + 1] = (plainOdd[j] ?? 0) + (even ? 0 : digit);
    doubleEven[j + 1] = (doubleEven[j] ?? 0) + (even ? doubled(digit) : 0);
    doubleOdd[j + 1] = (doubleOdd[j] ?? 0) + (even ? 0 : doubled(digit));
  }
  return sums;
}

/** Luhn over digits[start, end): the last digit counts as is, every second one leftwards doubled. */
function windowPasses(sums: LuhnSums, start: number, end: number): boolean {
  const last = (end - 1) % 2 === 0 ? 0 : 1;
  const other = last === 0 ? 1 : 0;
  const at = (list: Int32Array, index: number) => list[index] ?? 0;
  const total =
    at(sums.plain[last], end) -
    at(sums.plain[last], start) +
    (at(sums.double[other], end) - at(sums.double[other], start));
  return total % 10 === 0;
}
