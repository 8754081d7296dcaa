/**
 * From what a merchant types ("应答码55", "请插卡", "转了半天说超时") to where the diagnosis should open.
 * Priority: an explicit response code, then a known screen message, then colloquial words; any sign that
 * the sale may have gone through sets unknownOutcome on whatever matched, so the status check comes first.
 * Pure and total: never throws, reads at most the first MAX_TEXT characters, keeps no text of the input.
 */
import {
  codeKeywordsAfter,
  codeKeywordsBefore,
  concepts,
  gapNegations,
  ignoredPhrases,
  minConceptScore,
  negations,
  notCodeAfter,
  notCodeBefore,
  traditionalPairs,
  type Concept,
} from './lexicon.ts';
import {
  approvalOutcomes,
  findResponseCode,
  isApprovalCode,
  successCodes,
  type ResponseCode,
} from './response-codes.ts';
import { screenMessages, type ScreenMessage } from './screen-messages.ts';
import type { SymptomMatch } from './symptom-match.ts';

/** Raw characters read before normalising, so a 100 KB paste costs no more than a long sentence. */
const MAX_RAW = 2000;
/** Characters of normalised text that are searched. */
const MAX_TEXT = 500;

/** The input folded for matching: `text` keeps punctuation (for code context), the others drop it. */
export interface NormalizedInput {
  /** NFKC, lower-case, simplified, tags and card numbers removed. */
  readonly text: string;
  /** `text` with punctuation and symbols turned into single spaces: for English words. */
  readonly spaced: string;
  /** `text` without any space, punctuation or symbol: for Chinese phrases. */
  readonly compact: string;
}

const simplified = new Map(traditionalPairs.map((pair) => [pair.charAt(0), pair.charAt(1)]));
const traditionalChars = new RegExp(`[${[...simplified.keys()].join('')}]`, 'gu');

/** Card numbers: a 12–19 digit run, 4-digit groups, the 4-6-5 Amex layout, then any long spaced digit run. */
const cardNumberPatterns = [
  /\d{12,}/g,
  /\d{4}(?:[\s-]\d{4}){2,}(?:[\s-]\d{1,4})?/g,
  /\d{4}[\s-]\d{6}[\s-]\d{4,5}/g,
  /\d(?:[\s-]{0,2}\d){11,}/g,
];

/** Folds the input: compatibility forms (full-width) to ASCII, lower case, traditional to simplified. */
export function normalizeSymptomInput(input: string): NormalizedInput {
  let text = input.length > MAX_RAW ? dropCutNumber(input.slice(0, MAX_RAW)) : input;
  text = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(traditionalChars, (char) => simplified.get(char) ?? char)
    // Invisible format characters (zero-width, soft hyphen) must not split a card number into "codes".
    .replace(/\p{Cf}/gu, '');
  text = text.replace(/<[^<>]{0,200}>/g, ' ');
  // A card number's digits must never be read as a code, so they go before anything else looks at digits.
  for (const pattern of cardNumberPatterns) text = text.replace(pattern, ' ');
  if (text.length > MAX_TEXT) text = dropCutNumber(text.slice(0, MAX_TEXT));
  const spaced = text.replace(/[\s\p{P}\p{S}\p{C}]+/gu, ' ').trim();
  return { text, spaced, compact: spaced.replace(/ /g, '') };
}

/** A number cut in half by truncation is neither a code nor a card number we could recognise: drop it. */
function dropCutNumber(text: string): string {
  return text.replace(/[\d\s-]+$/, '');
}

// ---- response codes -------------------------------------------------------------------------------------

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: readonly string[]) => words.map(escape).join('|');

const amountOrModelBefore = new RegExp(`(?:${alternation(notCodeBefore)})\\s*$`);
// A Latin unit must end there ("51 min"), a Chinese one may run on ("51块钱").
const amountAfter = new RegExp(`^\\s*(?:${alternation(notCodeAfter)})(?![a-z])`);
const keyedBefore = new RegExp(
  `(?:${alternation(codeKeywordsBefore)})\\s*(?:是|为|:|=|#|号|了|出)?\\s*["'“‘\\[(]?\\s*$`,
);
const keyedAfter = new RegExp(`^\\s*["'”’\\])]?\\s*(?:${alternation(codeKeywordsAfter)})`);
const prefixedCode = /^(?:code|rc|err|error)([0-9]{2}|[a-z][0-9])$/;
const codeShape = /^(?:[0-9]{2}|[a-z][0-9])$/;

interface CodeToken {
  readonly code: string;
  readonly keyed: boolean;
}

/** Two-character tokens that read as a response code: not an amount, a time, a date, a model or part of a number. */
function codeTokens(norm: NormalizedInput): CodeToken[] {
  const tokens: CodeToken[] = [];
  const { text } = norm;
  for (const run of text.matchAll(/[0-9a-z]+/g)) {
    const start = run.index;
    const end = start + run[0].length;
    const prefixed = prefixedCode.exec(run[0]);
    const token = prefixed ? prefixed[1] : codeShape.test(run[0]) ? run[0] : undefined;
    if (token === undefined) continue;
    const before = text.slice(Math.max(0, start - 12), start);
    const after = text.slice(end, end + 10);
    if (/[0-9][.:/,-]\s*$/.test(before) || /^(?:[.:/-][0-9]|,[0-9]{3})/.test(after)) continue;
    if (amountOrModelBefore.test(before) || amountAfter.test(after)) continue;
    const keyed = prefixed !== null || keyedBefore.test(before) || keyedAfter.test(after);
    // "A7" without a word around it is more often a phone model than a code.
    if (/^[a-z]/.test(token) && !keyed && norm.compact !== token) continue;
    tokens.push({ code: token.toUpperCase(), keyed });
  }
  return tokens;
}

/** The response code the text names: a keyed one ("应答码51") before a bare one ("51"). */
function findCode(norm: NormalizedInput): ResponseCode | null {
  const found = codeTokens(norm)
    .map((token) => ({ token, entry: findResponseCode(token.code) }))
    .filter((candidate): candidate is { token: CodeToken; entry: ResponseCode } => candidate.entry !== null);
  return (found.find((candidate) => candidate.token.keyed) ?? found[0])?.entry ?? null;
}

// ---- patterns -------------------------------------------------------------------------------------------

type Matcher = (norm: NormalizedInput) => boolean;

const hasHan = (value: string) => /\p{Script=Han}/u.test(value);
const zhGap = `[^${gapNegations.zh}]{0,8}`;
const enGap = `(?: +(?!(?:${gapNegations.en.join('|')})\\b)[a-z0-9]+){0,6} +`;

/** Negated just before ("没超时", "没收到短信"), unless it is a question ("是不是超时", "有没有扣"). */
function isNegated(compact: string, at: number): boolean {
  const before = compact.slice(Math.max(0, at - 3), at);
  if (negations.questions.some((question) => before.endsWith(question))) return false;
  return negations.before.some((negation) => before.endsWith(negation));
}

/**
 * One pattern as a test: Chinese on the compact text, English as whole words of the spaced text.
 * With `negatable`, a Chinese pattern preceded by a negation does not count (a pattern that itself starts
 * with one, like "没信号", is taken as written).
 */
function compilePattern(pattern: string, negatable = false): Matcher {
  if (hasHan(pattern)) {
    const parts = pattern.split('*').map((part) => normalizeSymptomInput(part).compact);
    const regex = new RegExp(parts.map(escape).join(zhGap), 'g');
    const checkNegation = negatable && !negations.before.some((negation) => pattern.startsWith(negation));
    return ({ compact }) => {
      // Most patterns are absent: a plain substring test rules them out before any regex runs.
      if (!parts.every((part) => compact.includes(part))) return false;
      for (const found of compact.matchAll(regex)) if (!checkNegation || !isNegated(compact, found.index)) return true;
      return false;
    };
  }
  const words = pattern.split('*').map((part) =>
    normalizeSymptomInput(part)
      .spaced.split(' ')
      .filter((word) => word !== ''),
  );
  const parts = words.map((list) => list.map(escape).join(' ?'));
  const first = words[0]?.[0] ?? '';
  // The last word may be plural: "too many card" also matches "too many cards".
  const regex = new RegExp(`(?:^|[^a-z0-9])${parts.join(enGap)}s?(?![a-z0-9])`);
  return (norm) => norm.spaced.includes(first) && regex.test(norm.spaced);
}

// ---- screen messages ------------------------------------------------------------------------------------

interface CompiledVariant {
  readonly length: number;
  readonly matches: Matcher;
}

const compiledMessages = screenMessages.map((message: ScreenMessage) => ({
  message,
  variants: message.variants.map((variant): CompiledVariant => ({
    length: normalizeSymptomInput(variant).compact.length,
    matches: compilePattern(variant),
  })),
}));

interface MessageHit {
  readonly message: ScreenMessage;
  readonly length: number;
}

/** Every screen message in the text, with its longest matching variant. */
function findMessages(norm: NormalizedInput): MessageHit[] {
  const hits: MessageHit[] = [];
  for (const { message, variants } of compiledMessages) {
    let length = 0;
    for (const variant of variants) if (variant.length > length && variant.matches(norm)) length = variant.length;
    if (length > 0) hits.push({ message, length });
  }
  return hits;
}

/** Unknown outcome first, then specific over generic wording, then the longest (most specific) variant. */
function bestMessage(hits: readonly MessageHit[]): ScreenMessage | null {
  const rank = (hit: MessageHit) => [hit.message.unknownOutcome ? 1 : 0, hit.message.generic ? 0 : 1, hit.length];
  let best: MessageHit | null = null;
  for (const hit of hits) {
    if (best === null || isGreater(rank(hit), rank(best))) best = hit;
  }
  return best?.message ?? null;
}

function isGreater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return false;
}

// ---- colloquial words -----------------------------------------------------------------------------------

const compiledConcepts = concepts.map((concept) => ({
  concept,
  keywords: Object.entries(concept.keywords).map(([pattern, weight]) => ({
    weight,
    matches: compilePattern(pattern, true),
  })),
}));

const ignored = ignoredPhrases.map((phrase) => normalizeSymptomInput(phrase));

/** Drops phrases that contain a keyword but mean something else ("手机号" is not a phone payment). */
function withoutIgnored(norm: NormalizedInput): NormalizedInput {
  let { compact, spaced } = norm;
  for (const phrase of ignored) {
    compact = compact.replaceAll(phrase.compact, ' ');
    spaced = spaced.replaceAll(phrase.spaced, ' ');
  }
  return { text: norm.text, spaced, compact };
}

interface ConceptHit {
  readonly concept: Concept;
  readonly score: number;
}

/** Each concept's score: its strongest keyword, plus a little for every further keyword that agrees. */
function scoreConcepts(norm: NormalizedInput): ConceptHit[] {
  const hits: ConceptHit[] = [];
  for (const { concept, keywords } of compiledConcepts) {
    let strongest = 0;
    let count = 0;
    for (const keyword of keywords) {
      if (!keyword.matches(norm)) continue;
      strongest = Math.max(strongest, keyword.weight);
      count += 1;
    }
    if (strongest >= minConceptScore) hits.push({ concept, score: strongest + 0.25 * (count - 1) });
  }
  return hits;
}

/** Unknown-outcome concepts outrank the rest; then the highest score; ties go to the earlier concept. */
function bestConcept(hits: readonly ConceptHit[]): Concept | null {
  const pool = hits.some((hit) => hit.concept.unknownOutcome) ? hits.filter((hit) => hit.concept.unknownOutcome) : hits;
  let best: ConceptHit | null = null;
  for (const hit of pool) if (best === null || hit.score > best.score) best = hit;
  return best?.concept ?? null;
}

// ---- the match ------------------------------------------------------------------------------------------

/** What the terminal showed, read from a merchant's own words; null when nothing is recognised. */
export function matchSymptom(input: string): SymptomMatch | null {
  if (typeof input !== 'string') return null;
  const norm = normalizeSymptomInput(input);
  if (norm.compact === '') return null;

  const code = findCode(norm);
  const message = bestMessage(findMessages(norm));
  const concept = bestConcept(scoreConcepts(withoutIgnored(norm)));
  const unknownSignal = Boolean(message?.unknownOutcome || concept?.unknownOutcome);

  if (code) {
    return {
      category: code.category,
      code: code.code,
      message: message?.id ?? null,
      step: code.step,
      unknownOutcome: code.unknownOutcome || unknownSignal,
      via: 'code',
    };
  }
  if (message) {
    return {
      category: message.category,
      code: null,
      message: message.id,
      step: message.step,
      unknownOutcome: message.unknownOutcome || unknownSignal,
      via: 'message',
    };
  }
  if (concept) {
    return {
      category: concept.category,
      code: null,
      message: null,
      step: concept.step,
      unknownOutcome: concept.unknownOutcome,
      via: 'words',
    };
  }
  return null;
}

/** A code word followed by 3–6 characters ("错误码 1001", "code E0102"): longer than any bank-card code. */
const keyedLongCode = new RegExp(
  `(?:${alternation(codeKeywordsBefore)})\\s*(?:是|为|:|=|#|号)?\\s*([a-z]{0,3}-?[0-9]{3,6})(?![0-9a-z])`,
);

/**
 * The input names another system's code (4–6 digits, or letters and digits like "E0102"), so the UI can
 * say only two-character bank-card codes are covered.
 */
export function looksLikeOtherSystemCode(input: string): boolean {
  if (typeof input !== 'string') return false;
  const norm = normalizeSymptomInput(input);
  const found = keyedLongCode.exec(norm.text);
  if (found && !amountAfter.test(norm.text.slice(found.index + found[0].length))) return true;
  if (/^(?:[0-9]{4,6}|[a-z]{1,3}-?[0-9]{3,6})$/.test(norm.compact)) return true;
  return /(?:^|[^a-z0-9])[a-z]{1,2}-?[0-9]{4,6}(?![0-9a-z])/.test(norm.spaced);
}

/** The input names an approval code (00, or 10/11/A2/A4–A6) and no failure code: not an error. */
export function isSuccessCode(input: string): boolean {
  if (typeof input !== 'string') return false;
  const norm = normalizeSymptomInput(input);
  return findCode(norm) === null && codeTokens(norm).some((token) => successCodes.includes(token.code));
}

/**
 * An approval code with advice of its own (10, Y1, Y3) when the input names one and no refusal code: the outcome it
 * opens, as a match with no cause category (an approval is not a failure).
 */
export function approvalMatch(input: string): SymptomMatch | null {
  if (typeof input !== 'string') return null;
  const norm = normalizeSymptomInput(input);
  if (findCode(norm) !== null) return null;
  const code = codeTokens(norm)
    .map((token) => token.code)
    .find(isApprovalCode);
  return code
    ? { category: null, code, message: null, step: approvalOutcomes[code], unknownOutcome: false, via: 'code' }
    : null;
}
