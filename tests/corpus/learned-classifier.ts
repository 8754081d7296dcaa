/**
 * A learned reading of the lookup's input, tried and measured, not shipped (README: "The lookup reads evidence, it
 * does not search"): two naive Bayes text classifiers (wink-naive-bayes-text-classifier), one for the cause category
 * (or "none" for off-topic text), one for whether the outcome is unknown. They see the matcher's own folding (NFKC,
 * simplified, typos, negations, English stems): Chinese as character pairs, English as stemmed words and word pairs.
 * train-classifier.ts trains them on the tuned rows only; `npm run bench` prints what they would add.
 */
import naiveBayesTextClassifier from 'wink-naive-bayes-text-classifier';
import { categories, type Category } from '../../src/domain/lookup/categories.ts';
import type { StepId } from '../../src/domain/diagnosis/steps.ts';

/** The folded forms the tokens are taken from (as symptoms.ts folds them). */
export interface FoldedText {
  readonly spaced: string;
  readonly stemmed: string;
}

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
  return tokens;
}

/**
 * One classifier, packed: wink's export (config, samples, per-label token counts, words) with the counts as one row
 * of per-label numbers for each token of the shared vocabulary, so the file fits the lookup's byte budget.
 */
export interface NaiveBayesFile {
  readonly labels: readonly string[];
  readonly samples: readonly number[];
  readonly words: readonly number[];
  /** A row per vocabulary token, ";" between rows, "," between labels; an empty cell is 0. */
  readonly counts: string;
}

/** The model file: the vocabulary, both classifiers, and the thresholds cross-validation chose. */
export interface ClassifierModel {
  readonly config: { readonly considerOnlyPresence: boolean; readonly smoothingFactor: number };
  /** Tokens seen in at least two tuned rows, sorted. */
  readonly vocabulary: readonly string[];
  readonly category: NaiveBayesFile;
  readonly unknown: NaiveBayesFile;
  /** Log2 odds the category needs before it may stand for an input the rules did not read. */
  readonly fillOdds: number;
  /** Log2 odds of "unknown" that add the status check to a payment-phase reading. */
  readonly unknownOdds: number;
  /** In-vocabulary tokens an input needs before the classifier says anything. */
  readonly minKnown: number;
}

/** Packs wink's export (its JSON array) against a vocabulary. */
export function packNaiveBayes(exported: string, vocabulary: readonly string[]): NaiveBayesFile {
  const [, samples, count, words] = JSON.parse(exported) as [
    unknown,
    Record<string, number>,
    Record<string, Record<string, number>>,
    Record<string, number>,
  ];
  const labels = Object.keys(samples).sort();
  const counts = vocabulary.map((token) => labels.map((label) => count[label]?.[token] ?? '').join(',')).join(';');
  return {
    labels,
    samples: labels.map((label) => samples[label] ?? 0),
    words: labels.map((label) => words[label] ?? 0),
    counts,
  };
}

/** A wink classifier from its packed file. */
function imported(file: NaiveBayesFile, model: ClassifierModel) {
  const count: Record<string, Record<string, number>> = Object.fromEntries(file.labels.map((label) => [label, {}]));
  file.counts.split(';').forEach((row, index) => {
    const token = model.vocabulary[index] ?? '';
    row.split(',').forEach((cell, at) => {
      const label = file.labels[at];
      if (cell !== '' && label !== undefined && count[label]) count[label][token] = Number(cell);
    });
  });
  const perLabel = (values: readonly number[]) =>
    Object.fromEntries(file.labels.map((label, at) => [label, values[at]]));
  const classifier = naiveBayesTextClassifier();
  classifier.importJSON(
    JSON.stringify([model.config, perLabel(file.samples), count, perLabel(file.words), model.vocabulary]),
  );
  classifier.consolidate();
  return classifier;
}

export interface LearnedReading {
  /** The best category, or null when "none" (off-topic) wins or too little of the text is known. */
  readonly category: Category | null;
  /** Log2 odds of that category against the others. */
  readonly odds: number;
  /** Log2 odds that the outcome is unknown. */
  readonly unknownOdds: number;
  /** The text's tokens the model has seen. */
  readonly known: number;
  /** Log2 odds of every label (categories and "none"). */
  readonly all: ReadonlyMap<string, number>;
}

export interface Classifier {
  readonly model: ClassifierModel;
  read(tokens: readonly string[]): LearnedReading;
}

const isCategory = (label: string): label is Category => (categories as readonly string[]).includes(label);

/** A classifier from a model file's contents. */
export function loadClassifier(file: ClassifierModel): Classifier {
  const byCategory = imported(file.category, file);
  const byOutcome = imported(file.unknown, file);
  const vocabulary = new Set(file.vocabulary);
  return {
    model: file,
    read(tokens) {
      const known = new Set(tokens.filter((token) => vocabulary.has(token))).size;
      if (known < file.minKnown) return { category: null, odds: 0, unknownOdds: 0, known, all: new Map() };
      const odds = byCategory.computeOdds(tokens);
      const [best] = odds;
      const unknown = byOutcome.computeOdds(tokens).find(([label]) => label === 'unknown');
      const label = best?.[0] ?? 'none';
      return {
        category: isCategory(label) ? label : null,
        odds: best?.[1] ?? 0,
        unknownOdds: unknown?.[1] ?? 0,
        known,
        all: new Map(odds),
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
