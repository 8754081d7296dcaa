/**
 * From what a merchant types ("应答码55", "请插卡", "转了半天说超时", "DECLINED 05 DO NOT HONOUR") to where the
 * diagnosis should open. Every piece of evidence (a response code, a screen message, colloquial words, how the
 * payment ended) is collected per clause and ranked in one step by how specific it is, never by list order.
 * A contradiction about the payment ("failed, but the money was taken") means the outcome is unknown: status
 * check first. A clause about sign-on or settlement is housekeeping: no customer money moves there.
 * Pure and total: never throws, reads at most the first MAX_TEXT characters, keeps no text of the input.
 */
import { stemmer } from 'stemmer';
import {
  codeKeywordsAfter,
  codeKeywordsBefore,
  concepts,
  chineseSynonyms,
  confusables,
  englishSynonyms,
  gapNegations,
  hedges,
  otherTender,
  ignoredPhrases,
  keyWords,
  merchantHeads,
  minConceptScore,
  negationClass,
  negations,
  notCodeAfter,
  notCodeBefore,
  offTopics,
  outcomeSignals,
  phases,
  phoneTerminals,
  traditionalPairs,
  troubleCues,
} from './lexicon.ts';
import type { Category } from './categories.ts';
import {
  approvalOutcomes,
  findResponseCode,
  isApprovalCode,
  successCodes,
  type ResponseCode,
} from './response-codes.ts';
import { screenMessages, type ScreenMessage } from './screen-messages.ts';
import type { SymptomMatch } from './symptom-match.ts';
import {
  classifierTokens,
  learnedStep,
  loadLearnedReading,
  type LearnedModel,
  type LearnedReading,
} from './learned-reading.ts';
import learnedModel from './learned-model.json';
import type { StepId } from '../diagnosis/steps.ts';

/** Raw characters read before normalising, so a 100 KB paste costs no more than a long sentence. */
const MAX_RAW = 2000;
/** Characters of normalised text that are searched. */
const MAX_TEXT = 500;

/** The input folded for matching: `text` keeps punctuation (for codes and clauses), the others drop it. */
export interface NormalizedInput {
  /** NFKC, lower-case, simplified, typos folded, tags and card numbers removed. */
  readonly text: string;
  /** `text` with punctuation and symbols turned into single spaces. */
  readonly spaced: string;
  /** `text` without any space, punctuation or symbol: for Chinese phrases. */
  readonly compact: string;
  /** `spaced` with each Latin word in British-neutral spelling and stemmed: for English phrases. */
  readonly stemmed: string;
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

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: readonly string[]) => words.map(escape).join('|');

/** "pin" written inside Chinese ("不正确的pin") is 密码; an English "wrong pin" stays English. */
const hanPin = /(?<=\p{Script=Han})pin(?:码)?|pin码|pin(?=\p{Script=Han})/gu;
const folds = [...confusables, ...chineseSynonyms];
const confusable = new RegExp(alternation(folds.map(([typo]) => typo)), 'g');
const confusableFix = new Map(folds);

/** British spellings and the stems both sides of a comparison share ("authorisation" → "author"). */
function englishWord(word: string): string {
  const american = word
    .replace(/isation(s?)$/, 'ization$1')
    .replace(/^(author|recogn|initial|final|organ|custom|real)is(e|ed|es|ing)$/, '$1iz$2')
    .replace(/^honour/, 'honor')
    .replace(/^cancell/, 'cancel');
  // Porter is not idempotent ("exceeded" → "exceed" → "exce"): stem to a fixed point, so patterns written as
  // stems and words written out meet.
  let stem = nearKeyWord(american);
  for (let round = 0; round < 3; round += 1) {
    const next = stemmer(stem);
    if (next === stem) break;
    stem = next;
  }
  return stem;
}

const keyWordsByInitial = new Map<string, string[]>();
for (const word of keyWords)
  keyWordsByInitial.set(word[0] ?? '', [...(keyWordsByInitial.get(word[0] ?? '') ?? []), word]);

/** A long word one typing slip away from a key word ("insuficient", "declind") is read as that word. */
function nearKeyWord(word: string): string {
  if (word.length < 6) return word;
  for (const key of keyWordsByInitial.get(word[0] ?? '') ?? []) {
    if (key !== word && Math.abs(key.length - word.length) <= 1 && oneEditApart(word, key)) return key;
  }
  return word;
}

/** True when one insertion, deletion, substitution or swap of neighbours turns `a` into `b`. */
function oneEditApart(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const stems = new Map<string, string>();
/** Stemming is the costly step of reading English: each distinct word is stemmed once per session. */
function stemmed(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = englishWord(word);
    if (stems.size < 5000) stems.set(word, stem);
  }
  return stem;
}

const synonymOf = new Map(englishSynonyms.flatMap(([word, forms]) => forms.map((form) => [form, word] as const)));
const synonymForms = new RegExp(
  `(?<![a-z0-9])(?:${alternation([...synonymOf.keys()].sort((a, b) => b.length - a.length))})(?![a-z0-9])`,
  'g',
);

/** Spaced text to the forms the patterns are written in: synonyms as one word, Latin words stemmed. */
function toStemmed(spaced: string): string {
  const folded = /[a-z]/.test(spaced) ? spaced.replace(synonymForms, (form) => synonymOf.get(form) ?? form) : spaced;
  return folded.replace(/[a-z]+/g, (word) => stemmed(word));
}

/** Folds the input: compatibility forms (full-width) to ASCII, lower case, traditional to simplified, typos. */
export function normalizeSymptomInput(input: string): NormalizedInput {
  return normalizedFrom(foldText(input));
}

/** The forms read from an already folded text. */
function normalizedFrom(text: string): NormalizedInput {
  const spaced = toSpaced(text);
  return { text, spaced, compact: spaced.replace(/ /g, ''), stemmed: toStemmed(spaced) };
}

function foldText(input: string): string {
  let text = input.length > MAX_RAW ? dropCutNumber(input.slice(0, MAX_RAW)) : input;
  text = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(traditionalChars, (char) => simplified.get(char) ?? char)
    // Invisible format characters (zero-width, soft hyphen) must not split a card number into "codes".
    .replace(/\p{Cf}/gu, '');
  // A script or style element is markup, not what the terminal said: its content goes with its tags.
  text = text.replace(/<(script|style)\b[^<>]{0,200}>[\s\S]{0,2000}?<\/\1\s*>/g, ' ').replace(/<[^<>]{0,200}>/g, ' ');
  // A card number's digits must never be read as a code, so they go before anything else looks at digits.
  for (const pattern of cardNumberPatterns) text = text.replace(pattern, ' ');
  if (text.length > MAX_TEXT) text = dropCutNumber(text.slice(0, MAX_TEXT));
  const folded = text.replace(hanPin, '密码').replace(confusable, (typo) => confusableFix.get(typo) ?? typo);
  // "当刷卡机…" is "when the terminal…" once the terminal's names fold to 机器, not 当机 (a freeze).
  return foldNegations(folded.replace(/当机器/g, '当时机器'));
}

/**
 * Chinese negations as two forms, in the input and the patterns alike: 没有/没能/未能/未 read as 没, 无法 as 不能
 * ("没有收到应答" is "未收到应答"). 无 and 不 stay: they start words of their own (无效, 不足).
 */
const foldNegations = (text: string) =>
  text
    .replace(/没有|没能|未能|未/g, '没')
    .replace(/无法/g, '不能')
    // "无反应", "无响应": no answer is 没 whichever word says it (Hong Kong and Taiwan write 無反應).
    .replace(/无(?=反应|响应|回应|应答)/g, '没');
const foldedList = (words: readonly string[]) => [...new Set(words.map(foldNegations))];
const negationsBefore = foldedList(negations.before);
const negationQuestions = foldedList(negations.questions);

/** Punctuation and symbols to single spaces; Latin and Chinese runs apart too ("wifi断了" → "wifi 断了"). */
const toSpaced = (text: string) =>
  text
    .replace(/[\s\p{P}\p{S}\p{C}]+/gu, ' ')
    .replace(/([a-z0-9])(?=\p{Script=Han})|(\p{Script=Han})(?=[a-z0-9])/gu, '$1$2 ')
    .trim();

/** A number cut in half by truncation is neither a code nor a card number we could recognise: drop it. */
function dropCutNumber(text: string): string {
  return text.replace(/[\d\s-]+$/, '');
}

// ---- clauses --------------------------------------------------------------------------------------------

const sentences =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'sentence' }) : null;
/** Where one clause ends and the next begins: punctuation, or a word that turns the story. */
const clauseBreakNoColon =
  /[,，;；、。!！?？\n]+|但是|但|可是|却|不过|然后|后来|\b(?:but|however|then|though|although|whereas)\b/;

interface Clause {
  readonly compact: string;
  readonly spaced: string;
  readonly stemmed: string;
  /** Clauses joined by a colon share it: a terminal's label and what it says of it ("TIMEOUT: no card presented"). */
  readonly group?: number;
}

const labelBreak = /[:：]+/;

/** The text's clauses (sentences by Intl.Segmenter, then clause breaks), each folded like the whole. */
function clausesOf(text: string): Clause[] {
  const parts = sentences ? Array.from(sentences.segment(text), (piece) => piece.segment) : [text];
  const clauses: Clause[] = [];
  let group = 0;
  for (const part of parts) {
    for (const labelled of part.split(clauseBreakNoColon)) {
      group += 1;
      for (const piece of labelled.split(labelBreak)) {
        const spaced = toSpaced(piece);
        if (spaced !== '')
          clauses.push({ compact: spaced.replace(/ /g, ''), spaced, stemmed: toStemmed(spaced), group });
      }
    }
  }
  return clauses;
}

// ---- response codes -------------------------------------------------------------------------------------

const amountOrModelBefore = new RegExp(`(?:${alternation(notCodeBefore)})\\s*$`);
// A Latin unit must end there ("51 min"), a Chinese one may run on ("51块钱").
const amountAfter = new RegExp(`^\\s*(?:${alternation(notCodeAfter)})(?![a-z])`);
const keyedBefore = new RegExp(
  `(?:${alternation(codeKeywordsBefore)})\\s*(?:是|为|:|=|#|号|了|出)?\\s*["'“‘\\[(]?\\s*$`,
);
const keyedAfter = new RegExp(`^\\s*["'”’\\])]?\\s*(?:${alternation(codeKeywordsAfter)})`);
const prefixedCode = /^(?:code|rc|err|error)([0-9]{2}|[a-z][0-9])$/;
const codeShape = /^(?:[0-9]{2}|[a-z][0-9])$/;
/** A code table's line ("33 Card expired"): the code, then the card's state, not a count of cards. */
const codeThenMeaning = /^ card (?:exp|los|sto|res|blo|inv|not)/;

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
    // One digit named as a code ("Code 3") is that code written short.
    const short =
      /^[0-9]$/.test(run[0]) && /(?<!zip |post |pin )code $/.test(text.slice(Math.max(0, start - 10), start));
    const token = prefixed ? prefixed[1] : codeShape.test(run[0]) ? run[0] : short ? `0${run[0]}` : undefined;
    if (token === undefined) continue;
    const before = text.slice(Math.max(0, start - 12), start);
    const after = text.slice(end, end + 10);
    if (/[0-9][.:/,-]\s*$/.test(before) || /^(?:[.:/-][0-9]|,[0-9]{3})/.test(after)) continue;
    // A device's own error label ("E_05", "ERR_12") is that device's code, not the bank's.
    if (/[a-z]_$/.test(before)) continue;
    // Two digits that a longer number follows ("ERROR CODE 12 7775") are that number's first part.
    if (/^ [0-9]{3,}/.test(after)) continue;
    if (amountOrModelBefore.test(before) || (amountAfter.test(after) && !codeThenMeaning.test(after))) continue;
    // A range is read by the unit after its second number ("30 - 60 seconds", "10 to 20 dollars", "20 and 45 days").
    const range = /^\s*(?:-|–|~|to|and)\s*[0-9]+/.exec(after);
    if (range && amountAfter.test(text.slice(end + range[0].length, end + range[0].length + 12))) continue;
    const keyed = prefixed !== null || keyedBefore.test(before) || keyedAfter.test(after);
    // "A7" without a word around it is more often a phone model than a code.
    if (/^[a-z]/.test(token) && !keyed && norm.compact !== token) continue;
    tokens.push({ code: token.toUpperCase(), keyed });
  }
  return tokens;
}

/** The response code the text names: a keyed one ("应答码51") before a bare one ("51"). */
function findCode(norm: NormalizedInput): { entry: ResponseCode; keyed: boolean } | null {
  const found = codeTokens(norm)
    .map((token) => ({ keyed: token.keyed, entry: findResponseCode(token.code) }))
    .filter((candidate): candidate is { keyed: boolean; entry: ResponseCode } => candidate.entry !== null);
  return found.find((candidate) => candidate.keyed) ?? found[0] ?? null;
}

// ---- patterns -------------------------------------------------------------------------------------------

/** One compiled pattern: where it first matches a clause (or -1), and a key that must occur in the text at all. */
interface Pattern {
  readonly han: boolean;
  /** Length of the pattern's own text: longer is more specific. */
  readonly length: number;
  /** The first one or two Chinese characters of its longest literal piece, or its longest English word. */
  readonly key: string;
  /** English matched on stemmed words (concepts), or as written (messages terminals print). */
  readonly stemmed: boolean;
  find(clause: Clause, wholeInput: boolean): number;
  /** The clause's compact text with this (Chinese) pattern's matches blanked out; English leaves it as it is. */
  mask(clause: Clause, wholeInput: boolean): string;
}

const hasHan = (value: string) => /\p{Script=Han}/u.test(value);
const zhGap = `[^${gapNegations.zh}]{0,8}`;
const enGap = `(?: +(?!(?:${gapNegations.en.join('|')})\\b)[a-z0-9]+){0,6} +`;
const zhNegation = `(?:${alternation(foldedList(negationClass.zh))})`;
const determiners = [
  'the',
  'a',
  'an',
  'your',
  'their',
  'my',
  'his',
  'her',
  'our',
  'this',
  'that',
  'these',
  'its',
  'it',
];
const enDeterminerGap = `(?: ?| (?:${determiners.join('|')}) )`;
/** One free word inside a phrase, never a negation (a negation ends a phrase as it ends a `*` gap). */
const enWordGap = `(?: ?| (?!(?:${gapNegations.en.join('|')})\\b)[a-z0-9]+ )`;
/** The verbs that join a noun to what is said of it, as written and as stemmed ("has been" → "ha been"). */
const copulaWords = [
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'got',
  'get',
  'gets',
  'becomes',
  'now',
  'already',
  'also',
  'still',
  'being',
];
const copula = copulaWords.join('|');
const copulaStemmed = [...new Set(copulaWords.map((word) => stemmer(word)))].join('|');
const enNegation = `(?:${negationClass.en.map((words) => words.split(' ').map(escape).join(' ')).join('|')})`;

/** Negated just before ("没超时", "没收到短信"), unless it is a question ("是不是超时", "有没有扣"). */
function isNegated(compact: string, at: number): boolean {
  const before = compact.slice(Math.max(0, at - 3), at);
  if (negationQuestions.some((question) => before.endsWith(question))) return false;
  return negationsBefore.some((negation) => before.endsWith(negation));
}

/** Money words that failed or were negated a word back: "扣款失败", "不能扣款", "没及时扣款" moved no money. */
const moneyFailedAfter = /^(?:失败|不成功|没成功|不了|出错|异常)/;
const moneyNegatedBefore = new RegExp(`${zhNegation}[^${gapNegations.zh}]{0,2}$`);
const moneyNotMoved = (compact: string, at: number, length: number) =>
  moneyFailedAfter.test(compact.slice(at + length)) || moneyNegatedBefore.test(compact.slice(Math.max(0, at - 6), at));

/** An English keyword right after a negation ("doesn't approve", "not charged"), one word between at most. */
const englishNegated = /(?:^|\s)(?:not|no|never|cannot|without|t)\s(?:[a-z]+\s)?$/;

const startsNegated = (pattern: string) =>
  pattern.startsWith('~') || negationsBefore.some((negation) => foldNegations(pattern).startsWith(negation));

/**
 * One pattern as a test: Chinese on a clause's compact text, English as whole words of its stemmed text.
 * With `negatable`, a Chinese pattern preceded by a negation does not count (one that itself starts with a
 * negation, like "没信号" or "~读取", is taken as written).
 */
function compilePattern(raw: string, negatable = false, stem = true, money = false): Pattern {
  const anchored = raw.startsWith('^');
  // A leading `=` keeps an English phrase's words together ("receive error" is not "received an error").
  const tight = raw.startsWith('=');
  const pattern = anchored || tight ? raw.slice(1) : raw;
  if (hasHan(pattern)) {
    const parts = pattern.split('*').map((part) =>
      part
        .split('~')
        .map((piece) => normalizeSymptomInput(piece).compact)
        .map(escape)
        .join(zhNegation),
    );
    const literals = pattern.split(/[*~]/).map((piece) => normalizeSymptomInput(piece).compact);
    const body = parts.join(zhGap);
    const regex = new RegExp(anchored ? `^${body}$` : body, 'g');
    const longest = literals.reduce((a, b) => (b.length > a.length ? b : a), '');
    const checkNegation = negatable && !startsNegated(pattern);
    return {
      han: true,
      stemmed: false,
      length: literals.join('').length + (pattern.includes('~') ? 1 : 0),
      key: longest.slice(0, 2),
      find: ({ compact }, wholeInput) => {
        if (anchored && !wholeInput) return -1;
        if (!compact.includes(longest)) return -1;
        for (const found of compact.matchAll(regex)) {
          if (money && moneyNotMoved(compact, found.index, found[0].length)) continue;
          if (!checkNegation || !isNegated(compact, found.index)) return found.index;
        }
        return -1;
      },
      mask: ({ compact }, wholeInput) =>
        (anchored && !wholeInput) || !compact.includes(longest)
          ? compact
          : compact.replace(regex, (found) => '·'.repeat(found.length)),
    };
  }
  const form = (text: string) => (stem ? normalizeSymptomInput(text).stemmed : normalizeSymptomInput(text).spaced);
  // Between two words of a phrase: nothing, a determiner ("insert your card"), or, in the merchant's own words
  // (stemmed concepts), one word that is no negation ("multiple contactless cards").
  const joiner = tight ? ' ?' : stem ? enWordGap : enDeterminerGap;
  const pieces = pattern.split('*').map((part) =>
    part.split('~').map((piece) =>
      form(piece)
        .split(' ')
        .filter((word) => word !== ''),
    ),
  );
  const words = pieces.map((part) => part.map((list) => list.map(escape).join(joiner)).join(` ?${enNegation} ?`));
  const literal = form(pattern.replace(/[*~]/g, ' '));
  const checkNegation = negatable && !pattern.startsWith('~');
  // Unstemmed, a printed message's last word may still be plural: "too many card" matches "too many cards".
  const plural = stem ? '' : 's?';
  // A two-word phrase also reads the other way round with a verb between: "invalid card" is "the card is invalid".
  const pair = pieces.length === 1 && pieces[0]?.length === 1 ? pieces[0][0] : undefined;
  const swapped =
    !anchored && pair?.length === 2
      ? `|(?:^|[^a-z0-9])${escape(pair[1] ?? '')}${plural} (?:(?:${stem ? copulaStemmed : copula}) ){1,3}${escape(pair[0] ?? '')}(?![a-z0-9])`
      : '';
  const body = `(?:^|[^a-z0-9])${words.join(enGap)}${plural}(?![a-z0-9])${swapped}`;
  const regex = new RegExp(anchored ? `^${words.join(enGap)}${plural}$` : body);
  const first = literal.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
  return {
    han: false,
    length: literal.replace(/ /g, '').length,
    key: first,
    stemmed: stem,
    find: (clause, wholeInput) => {
      if (anchored && !wholeInput) return -1;
      const target = stem ? clause.stemmed : clause.spaced;
      if (!target.includes(first)) return -1;
      const found = regex.exec(target);
      if (!found) return -1;
      return checkNegation && englishNegated.test(target.slice(0, found.index + 1)) ? -1 : found.index;
    },
    mask: ({ compact }) => compact,
  };
}

/** Every compiled pattern by its key: one or two Chinese characters (as a number), or an English word. */
const patternIndex = { han: new Map<number, Pattern[]>(), word: new Map<string, Pattern[]>() };

/** One or two UTF-16 units as one number, so looking up a pair of characters allocates no string. */
const unitKey = (first: number, second: number) => first * 0x10000 + second + 1;

function indexed(pattern: Pattern): Pattern {
  if (pattern.han) {
    const key = pattern.key === '' ? 0 : unitKey(pattern.key.charCodeAt(0), pattern.key.charCodeAt(1) || -1);
    patternIndex.han.set(key, [...(patternIndex.han.get(key) ?? []), pattern]);
  } else {
    patternIndex.word.set(pattern.key, [...(patternIndex.word.get(pattern.key) ?? []), pattern]);
  }
  return pattern;
}

/** The patterns whose key occurs in the text: one pass over its characters and words, no scan per pattern. */
type Present = ReadonlySet<Pattern>;

function presentIn(norm: NormalizedInput): Present {
  const found = new Set<Pattern>();
  const add = (patterns: readonly Pattern[] | undefined) => {
    if (patterns) for (const pattern of patterns) found.add(pattern);
  };
  const { compact } = norm;
  for (let i = 0; i < compact.length; i += 1) {
    const unit = compact.charCodeAt(i);
    add(patternIndex.han.get(unitKey(unit, -1)));
    if (i + 1 < compact.length) add(patternIndex.han.get(unitKey(unit, compact.charCodeAt(i + 1))));
  }
  for (const word of norm.stemmed.split(' ')) add(patternIndex.word.get(word));
  for (const word of norm.spaced.split(' ')) add(patternIndex.word.get(word));
  add(patternIndex.word.get(''));
  add(patternIndex.han.get(0));
  return found;
}

const present = (pattern: Pattern, found: Present) => found.has(pattern);

// ---- evidence -------------------------------------------------------------------------------------------

/** One reading of the input, with how much it says. */
interface Evidence {
  readonly source: 'code' | 'message' | 'concept' | 'outcome';
  readonly id: string;
  readonly category: Category;
  readonly step: StepId;
  readonly unknownOutcome: boolean;
  /** 3: a response code; 2: a specific screen message; 1: words, or a message terminals print for anything. */
  readonly tier: number;
  /** Strength within its tier: a concept's keyword weight, or 2.5 for a generic message. */
  readonly weight: number;
  /** Characters of pattern matched: the longer, the more specific. */
  readonly length: number;
  readonly clause: number;
  /** Where in its clause it was found: on a full tie the earlier mention is the head ("商户限制交易"). */
  readonly at: number;
  /** The words just before a concept's keyword and the keyword: whose state it is ("merchant not activated"). */
  readonly lead?: string;
}

const compiledMessages = screenMessages.map((message: ScreenMessage) => ({
  message,
  variants: message.variants.map((variant) => ({
    generic: message.generic === true || variant.startsWith('?'),
    // An English message right after a negation is not on the screen ("the reader doesn't pick up the card").
    pattern: indexed(compilePattern(variant.replace(/^\?/, ''), !hasHan(variant), false)),
  })),
}));

/** Concepts whose words say money moved: a failed or negated one says it did not. */
const moneyConcepts = new Set(['debitWithoutReceipt', 'doubleCharge']);

/** A concept's keywords, each once as folded ("无响应" and "没有响应" are one word read once, not two). */
function distinctKeywords(keywords: Readonly<Record<string, number>>): [string, number][] {
  const byForm = new Map<string, [string, number]>();
  for (const [pattern, weight] of Object.entries(keywords)) {
    const form = hasHan(pattern) ? foldText(pattern) : pattern;
    const kept = byForm.get(form);
    if (kept === undefined || weight > kept[1]) byForm.set(form, [pattern, weight]);
  }
  return [...byForm.values()];
}

const compiledConcepts = concepts.map((concept) => ({
  concept,
  keywords: distinctKeywords(concept.keywords).map(([pattern, weight]) => ({
    weight,
    pattern: indexed(compilePattern(pattern, true, true, moneyConcepts.has(concept.id))),
  })),
}));

const compiledSignals = {
  inProgress: outcomeSignals.inProgress.map((pattern) => indexed(compilePattern(pattern))),
  dropped: outcomeSignals.dropped.map((pattern) => indexed(compilePattern(pattern, true))),
  done: outcomeSignals.done.map((pattern) => indexed(compilePattern(pattern, true, true, true))),
  notDone: outcomeSignals.notDone.map((pattern) => indexed(compilePattern(pattern, true))),
  question: outcomeSignals.question.map((pattern) => indexed(compilePattern(pattern))),
  notStarted: outcomeSignals.notStarted.map((pattern) => indexed(compilePattern(pattern))),
};
const compiledPhases = {
  signOn: phases.signOn.map((pattern) => indexed(compilePattern(pattern, true))),
  settle: phases.settle.map((pattern) => indexed(compilePattern(pattern, true))),
  entry: phases.entry.map((pattern) => indexed(compilePattern(pattern, true))),
  cardEntry: phases.cardEntry.map((pattern) => indexed(compilePattern(pattern, true))),
};
const compiledHedges = hedges.map((pattern) => indexed(compilePattern(pattern)));
const compiledOtherTender = otherTender.map((pattern) => indexed(compilePattern(pattern)));
const compiledOffTopics = offTopics.map((pattern) => indexed(compilePattern(pattern)));
const compiledTroubleCues = troubleCues.map((pattern) => indexed(compilePattern(pattern)));
const compiledPhoneTerminals = phoneTerminals.map((pattern) => indexed(compilePattern(pattern)));

/** A failure told as what to avoid is advice, not a report ("以免激活失败", "to avoid a declined sale"). */
const avoided = { han: /(?:以免|避免|防止|以防|免得).*$/, en: /\b(?:to )?(?:avoid|prevent)\b.*$/ };

/** The input asks about fees, payouts, applying or how to use something, and says nothing went wrong. */
function offTopicOnly(grams: Present, clauses: readonly Clause[]): boolean {
  const whole = clauses.length === 1;
  const offTopic = compiledOffTopics.filter((pattern) => present(pattern, grams));
  if (offTopic.length === 0 || !clauses.some((clause) => anyFound(offTopic, clause, whole))) return false;
  const trouble = compiledTroubleCues.filter((pattern) => present(pattern, grams));
  // A trouble word inside the question itself is its topic, not a symptom ("无法及时到账", "可以拒绝吗").
  return !clauses.some((clause) => {
    const compact = offTopic.reduce(
      (text, pattern) => pattern.mask({ ...clause, compact: text }, whole),
      clause.compact.replace(avoided.han, ''),
    );
    return anyFound(trouble, { ...clause, compact, stemmed: clause.stemmed.replace(avoided.en, '') }, whole);
  });
}

const ignored = ignoredPhrases.map((phrase) => normalizeSymptomInput(phrase));

/** Drops phrases that contain a keyword but mean something else ("手机号" is not a phone payment). */
function withoutIgnored(clause: Clause): Clause {
  let { compact, stemmed: words } = clause;
  for (const phrase of ignored) {
    if (!compact.includes(phrase.compact) && !words.includes(phrase.stemmed)) continue;
    compact = compact.replaceAll(phrase.compact, ' ');
    words = words.replaceAll(phrase.stemmed, ' ');
  }
  return { compact, spaced: clause.spaced, stemmed: words };
}

const anyFound = (patterns: readonly Pattern[], clause: Clause, whole: boolean) =>
  patterns.some((pattern) => pattern.find(clause, whole) >= 0);

/** Screen messages and concepts found in each clause, each with its longest (most specific) match. */
function collectEvidence(grams: Present, clauses: readonly Clause[]): Evidence[] {
  const evidence: Evidence[] = [];
  const messages = compiledMessages
    .map(({ message, variants }) => ({ message, variants: variants.filter(({ pattern }) => present(pattern, grams)) }))
    .filter(({ variants }) => variants.length > 0);
  const words = compiledConcepts
    .map(({ concept, keywords }) => ({ concept, keywords: keywords.filter(({ pattern }) => present(pattern, grams)) }))
    .filter(({ keywords }) => keywords.length > 0);
  clauses.forEach((clause, index) => {
    const whole = clauses.length === 1;
    for (const { message, variants } of messages) {
      let length = 0;
      let at = 0;
      let generic = true;
      for (const { pattern, generic: genericVariant } of variants) {
        // A specific wording outranks a generic one of the same message, whatever their lengths.
        if (pattern.length <= length && !(generic && !genericVariant)) continue;
        const found = pattern.find(clause, whole);
        if (found < 0) continue;
        length = pattern.length;
        at = found;
        generic = genericVariant;
      }
      if (length === 0) continue;
      evidence.push({
        source: 'message',
        id: message.id,
        category: message.category,
        step: message.step,
        unknownOutcome: message.unknownOutcome,
        tier: generic ? 1 : 2,
        weight: generic ? 2.5 : 3,
        length,
        clause: index,
        at,
      });
    }
    const plain = withoutIgnored(clause);
    for (const { concept, keywords } of words) {
      let weight = 0;
      let length = 0;
      let count = 0;
      let at = 0;
      let lead = '';
      for (const { weight: w, pattern } of keywords) {
        const found = pattern.find(plain, whole);
        if (found < 0) continue;
        count += 1;
        if (w > weight || (w === weight && pattern.length > length)) {
          weight = w;
          length = pattern.length;
          at = found;
          lead = pattern.han
            ? plain.compact.slice(Math.max(0, found - 12), found + pattern.length + 1)
            : plain.stemmed.slice(Math.max(0, found - 48), found + pattern.length + 8);
        }
      }
      if (weight < minConceptScore) continue;
      evidence.push({
        source: 'concept',
        id: concept.id,
        category: concept.category,
        step: concept.step,
        unknownOutcome: concept.unknownOutcome,
        tier: 1,
        weight: outcomeOnly.has(concept.id) ? Math.min(weight, outcomeWeight) : weight + 0.25 * (count - 1),
        length,
        clause: index,
        at,
        lead,
      });
    }
  });
  return evidence;
}

/**
 * Evidence about the outcome alone ("不知道成功没有", "failed but charged"), not its cause: it makes the outcome
 * unknown, but a strong cause told alongside ("断电了") still chooses the branch after the status check.
 */
const outcomeOnly = new Set([
  'outcomeConflict',
  'statusUnclear',
  'interrupted',
  'debitWithoutReceipt',
  'phoneTickNoSale',
]);
const outcomeWeight = 2.9;

type Phase = 'payment' | 'signOn' | 'settle' | 'entry' | 'cardEntry';

/** What each clause says besides its symptoms: its phase, whether it guesses, how the payment ended. */
interface ClauseFacts {
  readonly phase: Phase;
  readonly hedged: boolean;
  readonly done: boolean;
  /** Another card, cash or a second try told: the story's outcome words are that retry's, not the failed payment's. */
  readonly retried: boolean;
  readonly notDone: boolean;
  readonly question: boolean;
  readonly inProgress: boolean;
  readonly dropped: boolean;
}

/** Words that put a clause back in the sale itself, however short it is. */
const paymentWords = /交易|支付|付款|刷卡|挥卡|插卡|消费|收款|扣|钱|payment|sale|transact|charg|card|monei/;

/** A customer paying, in English: a story with one is no housekeeping, whatever it ends in. */
const saleWords = /\b(?:tap|swipe|insert|pai|paid|custom|purchas|bought)\b/;

/** A clause of a word or two that names no sale of its own ("超时", "timeout", "no response"). */
const isBareAfterword = (clause: Clause) =>
  // Twelve Chinese characters, or three English words of any length ("connection timeout").
  (hasHan(clause.compact) ? clause.compact.length <= 12 : clause.compact.length <= 30) &&
  clause.spaced.split(' ').length <= 3 &&
  !paymentWords.test(clause.stemmed);

/**
 * An outcome told as what would or should happen, or as a purpose, is not how this payment ended ("otherwise your
 * charges will be declined", "insufficient funds to complete the transaction", "over the approved credit limit"),
 * and neither is a fee charged.
 * A refusal said that way goes with any modal; money moving only with a definite one, as "may be charged" or "may
 * have been charged" is a doubt about this payment and stays.
 */
const hypotheticalOutcome = new RegExp(
  [
    '\\b(?:will|would|might|mai|could|can|should|must)(?: not)? be (?:declin|reject|refus|cancel|fail)[a-z]*',
    '\\b(?:will|would|can|should|must)(?: not)? be (?:charg|debit|deduct|approv|complet|process)[a-z]*',
    '\\bto (?:complet|charg|approv|debit|deduct|finish|succeed)[a-z]*',
    '\\bapprov (?:credit )?limit',
    // A fee charged is the merchant's cost, not the customer's payment ("a fee charged to merchants").
    '\\bfee (?:[a-z]+ )?charg[a-z]*',
    '\\bcharg[a-z]* (?:a |an |the )?(?:[a-z]+ )?fee\\b',
  ].join('|'),
  'g',
);

/** The clause as told for its outcome: hypothetical and purpose outcome words left out. */
function toldOutcome(clause: Clause): Clause {
  const stemmed = clause.stemmed.replace(hypotheticalOutcome, ' ');
  return stemmed === clause.stemmed ? clause : { ...clause, stemmed };
}

/** Reads every clause's facts once, testing only the patterns whose literal occurs in the text at all. */
function clauseFacts(grams: Present, clauses: readonly Clause[]): ClauseFacts[] {
  const only = (patterns: readonly Pattern[]) => patterns.filter((pattern) => present(pattern, grams));
  const signOn = only(compiledPhases.signOn);
  const settle = only(compiledPhases.settle);
  const entry = only(compiledPhases.entry);
  const cardEntry = only(compiledPhases.cardEntry);
  const hedge = only(compiledHedges);
  const retry = only(compiledOtherTender);
  const signals = {
    done: only(compiledSignals.done),
    notDone: only(compiledSignals.notDone),
    question: only(compiledSignals.question),
    inProgress: only(compiledSignals.inProgress),
    dropped: only(compiledSignals.dropped),
  };
  const whole = clauses.length === 1;
  const ownPhase = clauses.map((clause): Phase => {
    const found = (patterns: readonly Pattern[]) => anyFound(patterns, clause, whole);
    return found(signOn)
      ? 'signOn'
      : found(settle)
        ? 'settle'
        : found(entry)
          ? 'entry'
          : found(cardEntry)
            ? 'cardEntry'
            : 'payment';
  });
  // A story that ends in sign-on or settlement and names no sale is that housekeeping throughout ("if the pin pad is
  // rebooted or the connection is lost, LOGON REQUIRED will appear"): no customer money can move in it.
  const chore = ownPhase.find((phase) => phase === 'signOn' || phase === 'settle');
  const phaseOf =
    chore && !clauses.some((clause) => paymentWords.test(clause.stemmed) || saleWords.test(clause.stemmed))
      ? ownPhase.map((phase) => (phase === 'payment' ? chore : phase))
      : ownPhase;
  return clauses.map((clause, index) => {
    const found = (patterns: readonly Pattern[]) => anyFound(patterns, clause, whole);
    const told = toldOutcome(clause);
    // Sign-on and settlement words make a clause housekeeping, waiting for the customer's PIN or card makes it
    // entry; everything else is about the payment.
    // A label takes the phase its explanation names ("TIMEOUT: waiting for the card" is card entry).
    const own = phaseOf[index] ?? 'payment';
    const previous = phaseOf[index - 1];
    const phase =
      own !== 'payment'
        ? own
        : (phaseOf.find((other, at) => other !== 'payment' && clauses[at]?.group === clause.group) ??
          // A bare afterword ("签到失败，超时", "settlement failed, timeout") goes on with the clause before it.
          ((previous === 'signOn' || previous === 'settle') && isBareAfterword(clause) ? previous : 'payment'));
    const payment = phase === 'payment';
    return {
      phase,
      hedged: found(hedge),
      // A success told of another card or cash is that retry's, never a sign the failed payment went through.
      done: payment && anyFound(signals.done, told, whole) && !found(retry),
      retried: payment && found(retry),
      notDone: payment && anyFound(signals.notDone, told, whole),
      question: payment && found(signals.question),
      inProgress: payment && found(signals.inProgress),
      dropped: payment && found(signals.dropped),
    };
  });
}

/** What a timeout or failure means outside the payment itself: nothing was sent, no money can have moved. */
const housekeeping = {
  signOn: { id: 'signOn', category: 'terminal_setup', step: 'setup.signOnFix' },
  settle: { id: 'settle', category: 'terminal_setup', step: 'setup.settleFix' },
  entry: { id: 'pinEntry', category: 'cardholder_verification', step: 'pin.retry' },
  cardEntry: { id: 'cardEntry', category: 'reading_physical', step: 'reading.placement' },
} as const;

/**
 * Evidence read in context: in a sign-on or settlement clause a timeout or failure is that housekeeping failing,
 * while the terminal waits for the PIN or the card it is the customer's entry (no money moved, never the status
 * check); a guessed balance problem stays a question; with a phone in play, a
 * read failure or a bare decline is the phone's.
 */
function inContext(
  evidence: readonly Evidence[],
  facts: readonly ClauseFacts[],
  phones: { readonly terminal: boolean; readonly walletApp: boolean },
  clauses: readonly Clause[],
): Evidence[] {
  const phone = !phones.terminal && evidence.some((item) => isPhone(item) && item.weight >= 3);
  const read: Evidence[] = [];
  for (const item of evidence) {
    const phase = facts[item.clause]?.phase ?? 'payment';
    // "Declined during a transaction": the sale was answered with a refusal, not cut off; nothing dropped, it is no
    // interruption (a line lost or money taken told beside it still leaves the outcome open).
    if (item.id === 'interrupted' && answeredWithRefusal(clauses[item.clause], facts[item.clause])) continue;
    if (
      phase !== 'payment' &&
      // A printer fault keeps its own step; a sign-on or settlement story leaves it no sale to hold open.
      item.step !== 'setup.printer' &&
      (item.category === 'network' || item.unknownOutcome || item.id === 'transactionFailed')
    ) {
      read.push({
        ...item,
        source: 'concept',
        id: housekeeping[phase].id,
        category: housekeeping[phase].category,
        step: housekeeping[phase].step,
        unknownOutcome: false,
        tier: Math.max(item.tier, 1),
        weight: Math.max(item.weight, 3),
      });
      continue;
    }
    if (item.category === 'balance_account' && item.source !== 'code' && facts[item.clause]?.hedged) {
      read.push({ ...item, step: 'balance.check' });
      continue;
    }
    if (phone && isPhoneReading(item)) continue;
    // A wallet app that froze or crashed is the customer's phone, not the terminal: no sale is left open by it.
    if (phone && phones.walletApp && item.id === 'terminalFroze') continue;
    if (phones.terminal && isPhone(item)) {
      // Tap to Pay: the merchant's phone is the terminal, so what is said of it is the terminal's set-up.
      read.push({ ...item, id: 'merchantSetup', category: 'terminal_setup', step: 'done.acquirer' });
      continue;
    }
    if (ofMerchant(item)) {
      // "商家被冻结", "merchant not activated": the state is the merchant's, not the customer's card's.
      read.push({ ...item, id: 'merchantRestricted', category: 'terminal_setup', step: 'done.merchantRestricted' });
      continue;
    }
    read.push(item);
  }
  return read;
}

/** A refusal word: the bank or the terminal answered "no" ("declined", "被拒"), unlike an error or a timeout. */
const refusalWord = { han: /拒绝|被拒|拒付/, en: /\b(?:declin|reject|refus)[a-z]*/ };

const answeredWithRefusal = (clause: Clause | undefined, fact: ClauseFacts | undefined) =>
  clause !== undefined &&
  fact !== undefined &&
  !fact.dropped &&
  !fact.done &&
  (refusalWord.han.test(clause.compact) || refusalWord.en.test(clause.stemmed));

const merchantHead = new RegExp(`(?:${alternation(merchantHeads)})(?!.*(?:显示|提示|show|displai|sai))`);
/** The card as a thing ("卡被冻结", "信用卡", "the card"), not as a verb's object ("刷卡", "插卡") or a jam ("卡住"). */
const cardNoun = /(?<![刷插挥读贴拍])卡(?![住了顿死机])|(?:^|[^a-z])card(?![a-z])/;

/**
 * A card's state (frozen, restricted, not activated) said of the merchant or its terminal, with no card named
 * around it ("商家被冻结", "merchant not activated"; not "受限制卡", not "POS显示卡被冻结").
 */
const ofMerchant = (item: Evidence) =>
  item.source === 'concept' &&
  item.id === 'cardFrozen' &&
  item.lead !== undefined &&
  merchantHead.test(item.lead) &&
  !cardNoun.test(item.lead);

const isPhone = (item: Evidence) => item.id === 'phone' || item.id === 'phoneNfc';
const walletApp = /(?:appl|googl|samsung) pai|wallet app/;

/** Reading and decline evidence that a phone in the same story explains better. */
const isPhoneReading = (item: Evidence) =>
  item.source !== 'code' &&
  ((item.category === 'reading_physical' && item.id !== 'multipleCards' && item.id !== 'shielding') ||
    item.id === 'declined' ||
    item.id === 'declinedByBank' ||
    item.id === 'transactionTerminated');

/**
 * The payment's outcome as told: money moved or the sale completed, and also failed or left no result; the line
 * dropped while it was under way; or the merchant asks whether the customer was charged.
 */
function outcomeConflict(facts: readonly ClauseFacts[]): Evidence | null {
  const any = (key: keyof Omit<ClauseFacts, 'phase'>) => facts.some((fact) => fact[key]);
  const conflict = any('question') || (any('done') && any('notDone')) || (any('inProgress') && any('dropped'));
  return conflict ? outcomeEvidence : null;
}

/** Printed refusals of the card or its holder: a sale told done beside one contradicts it. */
const refusals = new Set<Category>([
  'balance_account',
  'card_state',
  'cardholder_verification',
  'issuer_acquirer_host',
]);

/** A contradiction about the payment: the status check first, on the network branch. */
const outcomeEvidence: Evidence = {
  source: 'outcome',
  id: 'outcomeConflict',
  category: 'network',
  step: 'network.signal',
  unknownOutcome: true,
  tier: 1,
  weight: outcomeWeight,
  length: 0,
  clause: 0,
  at: 0,
};

/** Strong evidence of an unknown outcome: outranks every other reading of the same tier. */
const stronglyUnknown = (item: Evidence) =>
  item.unknownOutcome && (item.tier > 1 || item.weight >= 3 || outcomeOnly.has(item.id));

/**
 * A receipt that did not print leaves the sale's outcome open whatever cause wins ("网络问题…打印不出小票"): it need not
 * outrank a stronger cause, but the status check still comes first.
 */
const keepsOutcomeOpen = (item: Evidence, noSale: boolean) =>
  item.step === 'setup.printer' ? item.unknownOutcome && !noSale : stronglyUnknown(item);

/**
 * No sale was under way: the story is the terminal's sign-on or settlement, or the sale could not even begin
 * ("无法进行交易"). A printer fault there leaves no payment in doubt.
 */
function noSaleTold(grams: Present, clauses: readonly Clause[], facts: readonly ClauseFacts[]): boolean {
  if (facts.some((fact) => fact.phase === 'signOn' || fact.phase === 'settle')) return true;
  const notStarted = compiledSignals.notStarted.filter((pattern) => present(pattern, grams));
  return clauses.some((clause) => anyFound(notStarted, clause, clauses.length === 1));
}

/** A printed failure that names no cause. */
const onlyFailed = (item: Evidence) => item.source === 'message' && item.id === 'transactionFailed';

/** Code over message over words; among words, a possible charge first; then strength, length, first mention. */
function outranks(a: Evidence, b: Evidence): boolean {
  if (a.tier !== b.tier) return a.tier > b.tier;
  if (a.tier === 1 && stronglyUnknown(a) !== stronglyUnknown(b)) return stronglyUnknown(a);
  // "交易失败" says only that it failed: a cause named in words is more specific evidence.
  if (a.tier === 1 && (a.source === 'concept' ? onlyFailed(b) : onlyFailed(a) && b.source === 'concept'))
    return a.source === 'concept';
  if (a.weight !== b.weight) return a.weight > b.weight;
  if (a.length !== b.length) return a.length > b.length;
  if (a.clause !== b.clause) return a.clause < b.clause;
  return a.at < b.at;
}

// ---- the match ------------------------------------------------------------------------------------------

/**
 * What the terminal showed, read from a merchant's own words; null when nothing is recognised. The rules, then the
 * learned reading beside them (learned-reading.ts), which may only add the status check or fill a missing category.
 */
export function matchSymptom(input: string): SymptomMatch | null {
  return shippedLookup(input);
}

/** The hand-written rules alone (what the learned reading is trained and measured beside). */
export function matchByRules(input: string): SymptomMatch | null {
  return readByRules(input)?.match ?? null;
}

/** The rules' match, and whether the text tells a retry (another card, cash, a second try) whose outcome words are its own. */
interface RulesReading {
  readonly match: SymptomMatch | null;
  readonly retried: boolean;
  /** The text only asks about fees, payouts, procedures or how-to, on the clauses already read (asksOffTopic). */
  readonly offTopic: () => boolean;
  /** The input folded once (full-width, traditional, typos…): the learned reading's tokens come from it. */
  readonly folded: string;
}

function readByRules(input: string): RulesReading | null {
  if (typeof input !== 'string') return null;
  const text = foldText(input);
  const clauses = clausesOf(text);
  if (clauses.length === 0) return null;
  // The whole, folded once: the clauses put back together (clause-break words aside; no pattern spans them).
  const norm: NormalizedInput = {
    text,
    spaced: clauses.map((clause) => clause.spaced).join(' '),
    compact: clauses.map((clause) => clause.compact).join(''),
    stemmed: clauses.map((clause) => clause.stemmed).join(' '),
  };
  const grams = presentIn(norm);
  const offTopic = () => offTopicOnly(grams, clauses);
  const facts = clauseFacts(grams, clauses);
  const phoneTerminal = compiledPhoneTerminals.filter((pattern) => present(pattern, grams));
  const phones = {
    terminal: clauses.some((clause) => anyFound(phoneTerminal, clause, clauses.length === 1)),
    // A wallet app named and no terminal: a freeze or crash told is the app's.
    walletApp: walletApp.test(norm.stemmed) && !/termin/.test(norm.stemmed),
  };
  const evidence = inContext(collectEvidence(grams, clauses), facts, phones, clauses);
  const conflict = outcomeConflict(facts);
  if (conflict) evidence.push(conflict);
  // Power lost mid-payment or with the outcome in doubt leaves the sale open; on its own it is a terminal fault.
  if (conflict || evidence.some((item) => outcomeOnly.has(item.id)))
    for (const [at, item] of evidence.entries())
      if (item.id === 'lowBattery') evidence[at] = { ...item, unknownOutcome: true };
  const code = findCode(norm);
  if (code) {
    evidence.push({
      source: 'code',
      id: code.entry.code,
      category: code.entry.category,
      step: code.entry.step,
      unknownOutcome: code.entry.unknownOutcome,
      tier: 3,
      weight: code.keyed ? 4 : 3,
      length: 2,
      clause: 0,
      at: 0,
    });
  }
  let best: Evidence | null = null;
  for (const item of evidence) if (best === null || outranks(item, best)) best = item;
  const retried = facts.some((fact) => fact.retried);
  if (best === null) return { match: null, retried, offTopic, folded: text };
  // A printed decline and the sale told done in another clause ("显示余额不足，但短信又显示成功了"): the contradiction wins.
  const decline = best;
  if (
    decline.source === 'message' &&
    refusals.has(decline.category) &&
    facts.some((fact, at) => fact.done && !fact.notDone && at !== decline.clause)
  )
    best = outcomeEvidence;
  // Words alone never outweigh a question that is not about a failed payment; a code or a printed message does.
  const noSale = noSaleTold(grams, clauses, facts);
  // The customer's side told paid against the terminal's failure is trouble whatever else the text asks about
  // ("手机显示支付成功，POS显示未到账"); a sale done but not yet paid out to the merchant stays a payout question.
  const customerPaid = conflict !== null && best.source === 'concept' && outcomeOnly.has(best.id);
  if (best.tier === 1 && !customerPaid && offTopicOnly(grams, clauses)) return { match: null, retried, offTopic, folded: text };
  const match: SymptomMatch = {
    category: best.category,
    code: code?.entry.code ?? null,
    message: messageOf(best, evidence),
    step: best.step,
    unknownOutcome:
      (best.unknownOutcome && !(noSale && best.step === 'setup.printer')) ||
      evidence.some((item) => keepsOutcomeOpen(item, noSale)),
    via: best.source === 'code' ? 'code' : best.source === 'message' ? 'message' : 'words',
    ...(best.source === 'concept' || best.source === 'outcome' ? { concept: best.id } : {}),
  };
  return { match, retried, offTopic, folded: text };
}

/** The screen message behind the match: the winner itself, or the most specific message beside a code. */
function messageOf(best: Evidence, evidence: readonly Evidence[]): string | null {
  if (best.source === 'message') return best.id;
  if (best.source !== 'code') return null;
  let message: Evidence | null = null;
  for (const item of evidence)
    if (item.source === 'message' && (message === null || outranks(item, message))) message = item;
  return message?.id ?? null;
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
  return typeof input === 'string' && namesOtherSystemCode(normalizeSymptomInput(input));
}

function namesOtherSystemCode(norm: NormalizedInput): boolean {
  const found = keyedLongCode.exec(norm.text);
  if (found && !amountAfter.test(norm.text.slice(found.index + found[0].length))) return true;
  if (/^(?:[0-9]{4,6}|[a-z]{1,3}-?[0-9]{3,6})$/.test(norm.compact)) return true;
  return /(?:^|[^a-z0-9])[a-z]{1,2}-?[0-9]{4,6}(?![0-9a-z])/.test(norm.spaced);
}

/** The input names an approval code (00, or 10/11/A2/A4–A6) and no failure code: not an error. */
export function isSuccessCode(input: string): boolean {
  return typeof input === 'string' && namesSuccessCode(normalizeSymptomInput(input));
}

function namesSuccessCode(norm: NormalizedInput): boolean {
  return findCode(norm) === null && codeTokens(norm).some((token) => successCodes.includes(token.code));
}

/**
 * A two-character code the app does not know ("E1", "应答码 T2", "显示 K1"), named on its own or right after or before a
 * code word: most likely the POS company's own code (domain README §4), never "not found". Null when the text names a
 * known or approval code, or no code at all; a step code ("N-2") has a hyphen, so it is never one.
 */
export function privateCode(input: string): string | null {
  return typeof input === 'string' ? privateCodeIn(normalizeSymptomInput(input)) : null;
}

function privateCodeIn(norm: NormalizedInput): string | null {
  const tokens = codeTokens(norm);
  if (tokens.some((token) => findResponseCode(token.code) !== null || successCodes.includes(token.code))) return null;
  // A bare pair of digits inside a sentence may be anything ("等了30"); only a code word or a lone code says "code".
  const named =
    tokens.find((token) => token.keyed) ?? tokens.find((token) => norm.compact === token.code.toLowerCase());
  return named?.code ?? null;
}

/**
 * An approval code with advice of its own (10, Y1, Y3) when the input names one and no refusal code: the outcome it
 * opens, as a match with no cause category (an approval is not a failure).
 */
export function approvalMatch(input: string): SymptomMatch | null {
  return typeof input === 'string' ? approvalIn(normalizeSymptomInput(input)) : null;
}

function approvalIn(norm: NormalizedInput): SymptomMatch | null {
  if (findCode(norm) !== null) return null;
  const code = codeTokens(norm)
    .map((token) => token.code)
    .find(isApprovalCode);
  return code
    ? { category: null, code, message: null, step: approvalOutcomes[code], unknownOutcome: false, via: 'code' }
    : null;
}

// ---- the learned reading beside the rules ----------------------------------------------------------------

/** The input only asks about fees, payouts, procedures or how-to, with no word of trouble: the rules rejected it. */
export function asksOffTopic(input: string): boolean {
  return readByRules(input)?.offTopic() ?? false;
}

/** Housekeeping and entry readings: no money can have moved, so nothing learned adds the status check to them. */
const noPaymentPhase = new Set<string>(Object.values(housekeeping).map((reading) => reading.id));

/** Any code at all, known or not (what readTerminalInput would read after the rules): the learned reading stays out. */
const namesAnyCode = (norm: NormalizedInput) =>
  approvalIn(norm) !== null || namesSuccessCode(norm) || privateCodeIn(norm) !== null || namesOtherSystemCode(norm);

/**
 * The lookup with a learned reading beside the rules, conservatively: the rules' match stands; where they read nothing
 * (and the input names no code of any kind) a confident category fills in, opening the category's first step (balance
 * opens only its question, as words do; never a code); a reading from words in the payment phase may gain the
 * status check, never lose it; and one the learned reading calls off-topic at its veto odds, unless it gained the
 * check, matches nothing (README, the time split). A code or a screen message the rules read is never touched.
 */
export function withLearnedReading(reading: LearnedReading): (input: string) => SymptomMatch | null {
  const { fillOdds, unknownOdds, vetoOdds, minKnown } = reading.model;
  return (input) => {
    const rules = readByRules(input);
    const match = rules?.match ?? null;
    if (match !== null && (match.via !== 'words' || match.unknownOutcome || noPaymentPhase.has(match.concept ?? '')))
      return match;
    if (typeof input !== 'string') return match;
    const norm = rules === null ? normalizeSymptomInput(input) : normalizedFrom(rules.folded);
    if (match === null && namesAnyCode(norm)) return null;
    const read = reading.read(classifierTokens(norm));
    if (read.known < minKnown) return match;
    // With a retry told, outcome words ("换了一张卡成功了", "paid cash instead") are the retry's: nothing learned adds the check.
    const unknownOutcome = read.unknownOdds >= unknownOdds && rules?.retried !== true;
    if (match !== null && unknownOutcome) return { ...match, unknownOutcome };
    // Words the learned reading calls off-topic (a payout, a fee, a how-to) stay unmatched: the time split's veto.
    if (match !== null) return match.code === null && read.category === null && read.odds >= vetoOdds ? null : match;
    if (read.category === null || read.odds < fillOdds) return null;
    // A question the rules left out as off-topic stays out, unless what is learned says money may have moved.
    if (!unknownOutcome && rules?.offTopic() === true) return null;
    return {
      category: read.category,
      code: null,
      message: null,
      step: learnedStep[read.category],
      unknownOutcome,
      via: 'words',
    };
  };
}

/** The shipped model (npm run train writes it from the tuned rows; a unit test fails when it is stale). */
const shippedLookup = withLearnedReading(loadLearnedReading(learnedModel as LearnedModel));
