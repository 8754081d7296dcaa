// Trains the learned reading (learned-classifier.ts) on the tuned corpus rows only — the tuned four fifths of
// field-phrasings.json and training-phrasings.json, never either held-out set — and chooses its thresholds by 5-fold
// cross-validation on those same rows. Deterministic: the same rows give the same model. Nothing here is shipped:
// the bench (corpus-bench.ts) trains it in memory and prints what it would add to the lookup on every part.
import naiveBayesTextClassifier from 'wink-naive-bayes-text-classifier';
import { tunedRows, type FieldPhrasing } from './field-corpus.ts';
import {
  classifierTokens,
  learnedStep,
  loadClassifier,
  packNaiveBayes,
  type Classifier,
  type ClassifierModel,
} from './learned-classifier.ts';
import type { SymptomMatch } from '../../src/domain/lookup/symptom-match.ts';
import { matchSymptom, normalizeSymptomInput } from '../../src/domain/lookup/symptoms.ts';
import { readTerminalInput } from '../../src/domain/lookup/terminal-input.ts';

/** Smoothing and presence-only counting: chosen by cross-validated accuracy on the tuned rows. */
const config = { considerOnlyPresence: true, smoothingFactor: 0.3 };
const folds = 5;
/** Fewer known tokens than this and the classifier says nothing (random text, a stray word). */
const minKnown = 3;
/** The share of clear outcomes the learned unknown-outcome signal may flag in cross-validation. */
const maxFalseAlarms = 0.01;
/** The precision a learned category needs in cross-validation before it may stand for an unread input. */
const minPrecision = 0.9;
/** Tokens in at least this many rows make the vocabulary: rarer ones cost bytes (10 KB gzip at 2, 26 KB at 1). */
const minRows = 2;

export const tokensOf = (text: string) => classifierTokens(normalizeSymptomInput(text));

type Trained = Pick<ClassifierModel, 'config' | 'vocabulary' | 'category' | 'unknown'>;

function train(rows: readonly FieldPhrasing[]): Trained {
  const tokens = rows.map((row) => [...new Set(tokensOf(row.text))]);
  const rowsWith = new Map<string, number>();
  for (const list of tokens) for (const token of list) rowsWith.set(token, (rowsWith.get(token) ?? 0) + 1);
  const vocabulary = [...rowsWith]
    .filter(([, count]) => count >= minRows)
    .map(([token]) => token)
    .sort();
  const known = new Set(vocabulary);
  const byCategory = naiveBayesTextClassifier();
  byCategory.defineConfig(config);
  const byOutcome = naiveBayesTextClassifier();
  byOutcome.defineConfig(config);
  rows.forEach((row, index) => {
    const kept = (tokens[index] ?? []).filter((token) => known.has(token));
    byCategory.learn(kept, row.category ?? 'none');
    if (row.category !== null) byOutcome.learn(kept, row.unknownOutcome ? 'unknown' : 'clear');
  });
  return {
    config,
    vocabulary,
    category: packNaiveBayes(byCategory.exportJSON(), vocabulary),
    unknown: packNaiveBayes(byOutcome.exportJSON(), vocabulary),
  };
}

/** FNV-1a of the text: a row's fold does not depend on the order of the files. */
export function foldOf(text: string): number {
  let h = 0x811c9dc5;
  for (const char of text) h = Math.imul(h ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return h % folds;
}

export interface CrossValidated {
  readonly row: FieldPhrasing;
  readonly category: string | null;
  readonly odds: number;
  readonly unknownOdds: number;
  readonly known: number;
  /** The lookup with this fold's model, as learnedLookup combines them. */
  readonly combined: SymptomMatch | null;
}

/** Every tuned row read by a model trained on the other folds (thresholds as given). */
export function crossValidate(
  thresholds: Pick<ClassifierModel, 'fillOdds' | 'unknownOdds'> = { fillOdds: 99, unknownOdds: 99 },
  rows: readonly FieldPhrasing[] = tunedRows,
): CrossValidated[] {
  const read: CrossValidated[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const classifier = loadClassifier({
      ...train(rows.filter((row) => foldOf(row.text) !== fold)),
      ...thresholds,
      minKnown,
    });
    for (const row of rows.filter((candidate) => foldOf(candidate.text) === fold)) {
      read.push({ row, ...classifier.read(tokensOf(row.text)), combined: learnedLookup(classifier)(row.text) });
    }
  }
  return read;
}

/** The lowest whole-number odds at which cross-validation meets the bar, or 99 (never) when none does. */
function threshold(meets: (odds: number) => boolean): number {
  for (let odds = 0; odds <= 40; odds += 1) if (meets(odds)) return odds;
  return 99;
}

/** The rows the classifier learns from and is cross-validated on: the tuned part, never a held-out row. */
export const learnedFrom: readonly FieldPhrasing[] = tunedRows;

/** The model trained on every tuned row, with the thresholds 5-fold cross-validation on them chose. */
export function trainModel(): ClassifierModel {
  const read = crossValidate(undefined, learnedFrom);
  const onTopic = read.filter(({ row }) => row.category !== null);
  const offTopic = read.filter(({ row }) => row.category === null);
  // A category may fill in only where no off-topic row reached it and it was right at least minPrecision of the time.
  const fillOdds = threshold((odds) => {
    if (offTopic.some((item) => item.category !== null && item.known >= minKnown && item.odds >= odds)) return false;
    const chosen = onTopic.filter((item) => item.category !== null && item.known >= minKnown && item.odds >= odds);
    const right = chosen.filter((item) => item.category === item.row.category).length;
    return chosen.length > 0 && right / chosen.length >= minPrecision;
  });
  const clear = onTopic.filter(({ row }) => !row.unknownOutcome);
  const unknownOdds = threshold(
    (odds) =>
      clear.filter((item) => item.known >= minKnown && item.unknownOdds >= odds).length <=
      maxFalseAlarms * clear.length,
  );
  return { ...train(learnedFrom), fillOdds, unknownOdds, minKnown };
}

/** Housekeeping and entry readings: no money can have moved, so nothing learned adds the status check to them. */
const noPaymentPhase = new Set(['signOn', 'settle', 'pinEntry', 'cardEntry']);

/**
 * The lookup with the classifier beside it, conservatively: the rules' match stands; where they read nothing (and
 * the input names no code of any kind) a confident category fills in, opening the category's first step (balance
 * opens only its question, as words do; never a code); and a reading from words in the payment phase may gain the
 * status check, never lose it. Off-topic text the rules leave alone stays alone unless the classifier, which learned
 * "none" from the off-topic rows, is confident it is a payment problem.
 */
export function learnedLookup(classifier: Classifier): (text: string) => SymptomMatch | null {
  const { fillOdds, unknownOdds, minKnown: needed } = classifier.model;
  return (text) => {
    const match = matchSymptom(text);
    if (match !== null && (match.via !== 'words' || match.unknownOutcome || noPaymentPhase.has(match.concept ?? '')))
      return match;
    if (match === null && readTerminalInput(text).kind !== 'none') return match;
    const read = classifier.read(tokensOf(text));
    if (read.known < needed) return match;
    const unknownOutcome = read.unknownOdds >= unknownOdds;
    if (match !== null) return unknownOutcome ? { ...match, unknownOutcome } : match;
    if (read.category === null || read.odds < fillOdds) return null;
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
