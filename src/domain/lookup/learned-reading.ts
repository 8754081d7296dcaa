/**
 * The learned reading beside the rules (README: "The lookup reads evidence, it does not search"): naive Bayes text
 * classifiers (wink-naive-bayes-text-classifier) trained on the tuned corpus rows only by tests/corpus/train-classifier.ts
 * (`npm run train` writes learned-model.json). One says whether the outcome is unknown; the other, when the model
 * carries it, the cause category (or "none" for off-topic text). They see the matcher's own folding (NFKC, simplified,
 * typos, negations, English stems): Chinese as character pairs, English as stemmed words and word pairs.
 */
import naiveBayesTextClassifier from 'wink-naive-bayes-text-classifier';
import { categories, type Category } from './categories.ts';
import type { StepId } from '../diagnosis/steps.ts';

/** The folded forms the tokens are taken from (as symptoms.ts folds them). */
export interface FoldedText {
  readonly spaced: string;
  readonly stemmed: string;
}

/**
 * At most this many tokens are read (no corpus row has more than 61): the classifiers' work grows with the tokens times
 * the labels squared, so a 1,000-character story costs no more than a long sentence (matchSymptom p99 < 1 ms).
 */
export const maxTokens = 64;

/** Chinese as character pairs, English as stemmed words and word pairs; digits never (codes are the rules'). */
export function classifierTokens({ spaced, stemmed }: FoldedText): string[] {
  const tokens: string[] = [];
  const words = stemmed.split(' ').filter((word) => /^[a-z]{2,}$/.test(word));
  tokens.push(...words);
  for (let i = 0; i + 1 < words.length; i += 1) tokens.push(`${words[i]}_${words[i + 1]}`);
  for (const run of spaced.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i += 1) tokens.push(`${chars[i]}${chars[i + 1]}`);
  }
  return tokens.length > maxTokens ? tokens.slice(0, maxTokens) : tokens;
}

/**
 * Tokens are known by a 16-bit hash (FNV-1a's top bits), not by their text: a key costs about 1.2 bytes (gzip)
 * against a token's 3.8 (the seventh round's ≥ 4-row model: 8.4 → ~6.1 KB). A random token hits one of ~900
 * keys about once in 72, and then it still has to outweigh the rest: in 4,000 random texts the learned reading changed
 * no answer of the rules, and the unit test reads 2,000 more. One bit more costs ~290 bytes of the lookup's budget.
 */
export const hashBits = 16;

/** FNV-1a (32 bits) over a text's code points, from an offset basis changed by `seed` (the corpus tools' splits). */
export function fnv1a(text: string, seed = 0): number {
  let h = 0x811c9dc5 ^ seed;
  for (const char of text) h = Math.imul(h ^ (char.codePointAt(0) ?? 0), 0x01000193);
  return h >>> 0;
}

/** A token's key: FNV-1a's top `hashBits` bits in base 36 (the word the classifiers see). */
export const tokenKey = (token: string) => (fnv1a(token) >>> (32 - hashBits)).toString(36);

/**
 * One classifier, packed: wink's export (config, samples, per-label token counts, words) with the counts as one row
 * of per-label numbers for each token of the shared vocabulary, so the file fits the lookup's byte budget.
 */
export interface NaiveBayesFile {
  readonly labels: readonly string[];
  readonly samples: readonly number[];
  readonly words: readonly number[];
  /**
   * A cell per vocabulary token and stored label (token by token), each the character 48 + its count ("0" is none).
   * Every label is stored, except where a label's counts follow from the rest (LearnedModel's `unknown`).
   */
  readonly counts: string;
}

/** The model file: the vocabulary, the classifiers, and the thresholds cross-validation chose. */
export interface LearnedModel {
  readonly config: { readonly considerOnlyPresence: boolean; readonly smoothingFactor: number };
  /** The keys (tokenKey) the classifiers know, ascending, as packKeys writes them. */
  readonly keys: string;
  /** The category classifier, or null when the model carries only the unknown-outcome one. */
  readonly category: NaiveBayesFile | null;
  /**
   * The unknown-outcome classifier (labels clear, unknown). Beside the category classifier it stores the unknown
   * counts only: both learn from the same rows and count presence, so a token's clear count is its on-topic rows (the
   * category counts but "none") less its unknown ones (~0.6 KB gzip saved).
   */
  readonly unknown: NaiveBayesFile;
  /** Log2 odds the category needs before it may stand for an input the rules did not read (99: never). */
  readonly fillOdds: number;
  /** Log2 odds of "unknown" that add the status check to a payment-phase reading. */
  readonly unknownOdds: number;
  /**
   * Log2 odds of off-topic ("none") that set aside a rules reading from words alone (no code, no screen message, no
   * unknown outcome), so it matches nothing: chosen on a time split, not on rows the rules were written on (99: never).
   */
  readonly vetoOdds: number;
  /** In-vocabulary tokens an input needs before the classifier says anything. */
  readonly minKnown: number;
}

/** A count's cell is one character from "0" up: about a fifth fewer bytes (gzip) than numbers with separators. */
const cellBase = 48;

/** Keys ascending by value: the order packKeys writes and unpackKeys reads. */
export const byKeyValue = (a: string, b: string) => parseInt(a, 36) - parseInt(b, 36);

/** A distance of a span or more starts with this character (add a span, read on); no lone surrogate reaches JSON. */
const longStep = 0xd7ff;
const span = longStep - cellBase;

/** The known keys (distinct, ascending) as distances, one character each (~72 apart: the long step is for tests). */
export function packKeys(vocabulary: readonly string[]): string {
  let previous = 0;
  let packed = '';
  for (const key of vocabulary) {
    const value = parseInt(key, 36);
    if (value < previous || (value === previous && packed !== '')) throw new Error('keys must be distinct, ascending');
    let distance = value - previous;
    for (; distance >= span; distance -= span) packed += String.fromCharCode(longStep);
    packed += String.fromCharCode(cellBase + distance);
    previous = value;
  }
  return packed;
}

/** The known keys, in the order packKeys wrote them. */
export function unpackKeys(keys: string): string[] {
  const unpacked: string[] = [];
  let value = 0;
  for (const cell of keys) {
    const code = cell.charCodeAt(0);
    value += code === longStep ? span : code - cellBase;
    if (code !== longStep) unpacked.push(value.toString(36));
  }
  return unpacked;
}

/** The label whose counts the unknown-outcome classifier stores beside the category one (the rest follow). */
const storedOutcome = 'unknown';
/** The category classifier's label for off-topic rows, which the unknown-outcome classifier never learns from. */
const offTopic = 'none';

/** Packs wink's export (its JSON array) against a vocabulary: every label's counts, or only `stored`'s. */
export function packNaiveBayes(exported: string, vocabulary: readonly string[], stored?: string): NaiveBayesFile {
  const [, samples, count, words] = JSON.parse(exported) as [
    unknown,
    Record<string, number>,
    Record<string, Record<string, number>>,
    Record<string, number>,
  ];
  const labels = Object.keys(samples).sort();
  const packed = stored === undefined ? labels : [stored];
  const counts = vocabulary
    .map((token) => packed.map((label) => String.fromCharCode(cellBase + (count[label]?.[token] ?? 0))).join(''))
    .join('');
  return {
    labels,
    samples: labels.map((label) => samples[label] ?? 0),
    words: labels.map((label) => words[label] ?? 0),
    counts,
  };
}

type Counts = Record<string, Record<string, number>>;

/** A packed file's counts, label by label (only the labels it stores). */
function countsOf(file: NaiveBayesFile, vocabulary: readonly string[], labels: readonly string[]): Counts {
  const count: Counts = Object.fromEntries(file.labels.map((label) => [label, {}]));
  vocabulary.forEach((token, index) => {
    labels.forEach((label, at) => {
      const cell = file.counts.charCodeAt(index * labels.length + at) - cellBase;
      if (cell > 0 && count[label]) count[label][token] = cell;
    });
  });
  return count;
}

/** The outcome counts beside the category ones: clear is a token's on-topic rows less its unknown ones. */
function outcomeCounts(file: NaiveBayesFile, byCategory: Counts, vocabulary: readonly string[]): Counts {
  const count = countsOf(file, vocabulary, [storedOutcome]);
  const derived = file.labels.find((label) => label !== storedOutcome) ?? '';
  count[derived] = {};
  for (const token of vocabulary) {
    let onTopic = 0;
    for (const [label, counts] of Object.entries(byCategory)) if (label !== offTopic) onTopic += counts[token] ?? 0;
    const cell = onTopic - (count[storedOutcome]?.[token] ?? 0);
    if (cell > 0) count[derived][token] = cell;
  }
  return count;
}

/** A wink classifier from a packed file and its counts. */
function imported(file: NaiveBayesFile, count: Counts, model: LearnedModel, vocabulary: readonly string[]) {
  const perLabel = (values: readonly number[]) =>
    Object.fromEntries(file.labels.map((label, at) => [label, values[at]]));
  const classifier = naiveBayesTextClassifier();
  classifier.importJSON(
    JSON.stringify([model.config, perLabel(file.samples), count, perLabel(file.words), vocabulary]),
  );
  classifier.consolidate();
  return classifier;
}

export interface LearnedVerdict {
  /** The best category, or null when "none" (off-topic) wins, the model has no category part, or too little is known. */
  readonly category: Category | null;
  /** Log2 odds of that category against the others. */
  readonly odds: number;
  /** Log2 odds that the outcome is unknown. */
  readonly unknownOdds: number;
  /** The text's tokens the model has seen. */
  readonly known: number;
}

export interface LearnedReading {
  readonly model: LearnedModel;
  /** Reads classifierTokens' tokens (it keys them itself). */
  read(tokens: readonly string[]): LearnedVerdict;
}

const isCategory = (label: string): label is Category => (categories as readonly string[]).includes(label);

/** A learned reading from a model file's contents. */
export function loadLearnedReading(file: LearnedModel): LearnedReading {
  const keys = unpackKeys(file.keys);
  const { category, unknown } = file;
  const categoryCounts = category === null ? null : countsOf(category, keys, category.labels);
  const byCategory =
    category === null || categoryCounts === null ? null : imported(category, categoryCounts, file, keys);
  // A cell per token and label: every label stored; one per token: the clear counts follow from the category's.
  const everyLabel = unknown.counts.length === keys.length * unknown.labels.length;
  const byOutcome = imported(
    unknown,
    everyLabel || categoryCounts === null
      ? countsOf(unknown, keys, unknown.labels)
      : outcomeCounts(unknown, categoryCounts, keys),
    file,
    keys,
  );
  const vocabulary = new Set(keys);
  return {
    model: file,
    read(tokens) {
      const inVocabulary = tokens.map(tokenKey).filter((key) => vocabulary.has(key));
      const known = new Set(inVocabulary).size;
      if (known < file.minKnown) return { category: null, odds: 0, unknownOdds: 0, known };
      const [best] = byCategory?.computeOdds(inVocabulary) ?? [];
      const unknown = byOutcome.computeOdds(inVocabulary).find(([label]) => label === 'unknown');
      const label = best?.[0] ?? 'none';
      return {
        category: isCategory(label) ? label : null,
        odds: best?.[1] ?? 0,
        unknownOdds: unknown?.[1] ?? 0,
        known,
      };
    },
  };
}

/** Where a category the classifier read opens the diagnosis: the category's general first step. */
export const learnedStep: Record<Category, StepId> = {
  network: 'network.signal',
  terminal_setup: 'setup.signOn',
  amount_limit: 'limit.check',
  balance_account: 'balance.check',
  card_state: 'card.status',
  phone_wallet: 'wallet.unlock',
  reading_physical: 'reading.placement',
  cardholder_verification: 'pin.retry',
  operator_error: 'operator.check',
  issuer_acquirer_host: 'card.other',
};
