// Trains the lookup's classifiers (src/domain/lookup/classifier.ts) on the tuned corpus rows only — the tuned four
// fifths of field-phrasings.json and training-phrasings.json, never either held-out set — and chooses their
// thresholds by 5-fold cross-validation on those same rows. Deterministic: the same rows give the same file.
// Write the model: npm run train. The unit test lookup-classifier.test.ts fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import naiveBayesTextClassifier from 'wink-naive-bayes-text-classifier';
import { tunedRows, type FieldPhrasing } from './field-corpus.ts';
import {
  classifierTokens,
  loadClassifier,
  packNaiveBayes,
  type ClassifierModel,
} from '../../src/domain/lookup/classifier.ts';
import { foldForClassifier, matchSymptomWith } from '../../src/domain/lookup/symptoms.ts';

export const modelPath = new URL('../../src/domain/lookup/classifier-model.json', import.meta.url);

/** Smoothing and presence-only counting: chosen by cross-validated accuracy on the tuned rows. */
const config = { considerOnlyPresence: true, smoothingFactor: 0.3 };
const folds = 5;
/** Fewer known tokens than this and the classifier says nothing (random text, a stray word). */
const minKnown = 3;
/** The share of clear outcomes the learned unknown-outcome signal may flag in cross-validation. */
const maxFalseAlarms = 0.01;
/** The precision a learned category needs in cross-validation before it may stand for an unread input. */
const minPrecision = 0.9;

const tokensOf = (row: FieldPhrasing) => classifierTokens(foldForClassifier(row.text));

type Trained = Pick<ClassifierModel, 'config' | 'vocabulary' | 'category' | 'unknown'>;

/** Tokens in at least this many rows make the vocabulary: rarer ones cost bytes and cross-validated accuracy. */
const minRows = 2;

function train(rows: readonly FieldPhrasing[]): Trained {
  const tokens = rows.map((row) => [...new Set(tokensOf(row))]);
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
function foldOf(text: string): number {
  let h = 0x811c9dc5;
  for (const char of text) h = Math.imul(h ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return h % folds;
}

export interface CrossValidated {
  row: FieldPhrasing;
  category: string | null;
  odds: number;
  unknownOdds: number;
  known: number;
  /** The category the whole matcher gives with this fold's model, for each tie margin tried. */
  combined: ReadonlyMap<number, string | null>;
}

/** Tie margins tried (log2 odds); 99 = the classifier never breaks a tie. */
const tieMargins = [0, 2, 4, 6, 8, 10, 15, 20, 99];

/** Every tuned row read by a model trained on the other folds. */
export function crossValidate(rows: readonly FieldPhrasing[] = tunedRows): CrossValidated[] {
  const read: CrossValidated[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const trained = train(rows.filter((row) => foldOf(row.text) !== fold));
    const classifier = loadClassifier({ ...trained, fillOdds: 99, unknownOdds: 99, minKnown, tieOdds: 99 });
    const withTie = new Map(
      tieMargins.map((tieOdds) => [tieOdds, loadClassifier({ ...classifier.model, tieOdds })] as const),
    );
    for (const row of rows.filter((candidate) => foldOf(candidate.text) === fold)) {
      const combined = new Map(
        [...withTie].map(([tie, model]) => [tie, matchSymptomWith(row.text, () => model)?.category ?? null] as const),
      );
      read.push({ row, ...classifier.read(tokensOf(row)), combined });
    }
  }
  return read;
}

/** The lowest whole-number odds at which cross-validation meets the bar, or 99 (never) when none does. */
function threshold(meets: (odds: number) => boolean): number {
  for (let odds = 0; odds <= 40; odds += 1) if (meets(odds)) return odds;
  return 99;
}

export function trainModel(): ClassifierModel {
  const read = crossValidate();
  const onTopic = read.filter(({ row }) => row.category !== null);
  const offTopic = read.filter(({ row }) => row.category === null);
  // A category may fill in only where no off-topic row reached it and it was right at least minPrecision of the time.
  const fillOdds = threshold((odds) => {
    if (offTopic.some((item) => item.category !== null && item.odds >= odds)) return false;
    const chosen = onTopic.filter((item) => item.category !== null && item.odds >= odds);
    const right = chosen.filter((item) => item.category === item.row.category).length;
    return chosen.length > 0 && right / chosen.length >= minPrecision;
  });
  const clear = onTopic.filter(({ row }) => !row.unknownOutcome);
  const unknownOdds = threshold(
    (odds) => clear.filter((item) => item.known >= minKnown && item.unknownOdds >= odds).length <= maxFalseAlarms * clear.length,
  );
  // The tie margin that gets the most categories right across the folds; on a draw, the more cautious one.
  const rightWith = (tie: number) => onTopic.filter((item) => item.combined.get(tie) === item.row.category).length;
  const tieOdds = tieMargins.reduce((chosen, tie) => (rightWith(tie) >= rightWith(chosen) ? tie : chosen), 99);
  return { ...train(tunedRows), fillOdds, unknownOdds, minKnown, tieOdds };
}

/** The file as committed: one line per part, so a retrained model diffs by part. */
export const serialise = (model: ClassifierModel) =>
  `{\n${Object.entries(model)
    .map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join(',\n')}\n}\n`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const model = trainModel();
  writeFileSync(modelPath, serialise(model));
  console.log(
    `fillOdds ${model.fillOdds}, unknownOdds ${model.unknownOdds}, minKnown ${model.minKnown}, tieOdds ${model.tieOdds}`,
  );
}
