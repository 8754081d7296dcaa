// A time-split test of how the rules and the learned reading combine (issue 15): the lookup as it stood before a round
// (its rules, its training rows, its model) reads that round's training batches, which it never saw, and each candidate
// policy is measured against what it shipped. Cross-validation on the tuned rows cannot do this honestly: the rules were
// written on those very rows. Run against an older checkout of the repository (e.g. `git worktree add ../old <commit>`
// with node_modules linked in): npx tsx tests/corpus/time-split.ts ../old [round]
// The batches read are this checkout's (`rounds`: the ninth by default); the old checkout's rules and rows read them.
// Its figures for rounds 8 and 9: tests/corpus/time-split-results.md.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Category } from '../../src/domain/lookup/categories.ts';
import type * as learnedHere from '../../src/domain/lookup/learned-reading.ts';
import type { LearnedModel, LearnedReading, LearnedVerdict } from '../../src/domain/lookup/learned-reading.ts';
import type { SymptomMatch } from '../../src/domain/lookup/symptom-match.ts';
import type * as symptomsHere from '../../src/domain/lookup/symptoms.ts';
import type * as corpusHere from './field-corpus.ts';
import type * as trainingHere from './train-classifier.ts';
import {
  addedChineseRows,
  addedEnglishRows,
  ninthRoundChineseRows,
  ninthRoundChineseStart,
  ninthRoundEnglishRows,
  ninthRoundEnglishRows2,
  ninthRoundMixedRows,
  scoreCorpus,
  type FieldPhrasing,
} from './field-corpus.ts';
import { fillBar, unknownBar, vetoBar } from './train-classifier.ts';

// The older checkout's modules are loaded at run time; they are typed as this checkout's (the parts used are the same).
type Symptoms = typeof symptomsHere;
type Learned = typeof learnedHere;
type Training = typeof trainingHere;
type Corpus = typeof corpusHere;

/** What one row gives a policy to decide on: the rules alone, the shipped combination, the learned verdict. */
export interface RowReading {
  readonly row: FieldPhrasing;
  readonly rules: SymptomMatch | null;
  readonly shipped: SymptomMatch | null;
  readonly verdict: LearnedVerdict;
}

/** A way of combining: from a row's readings, the answer the lookup gives. */
export type Policy = (reading: RowReading) => SymptomMatch | null;

/** Readings the rules make outside the payment (sign-on, settlement, PIN or card entry): nothing learned touches them. */
const noPaymentPhase = new Set(['signOn', 'settle', 'pinEntry', 'cardEntry']);

/** A rules reading from words only: no code, no screen message, no unknown outcome, in the payment phase. */
export const wordsOnly = (rules: SymptomMatch | null): rules is SymptomMatch =>
  rules !== null &&
  rules.via === 'words' &&
  rules.code === null &&
  rules.message === null &&
  !rules.unknownOutcome &&
  !noPaymentPhase.has(rules.concept ?? '');

/**
 * (a) A learned off-topic veto: a words-only reading the classifier calls off-topic at odds ≥ k matches nothing,
 * unless what is learned added the status check (nothing learned removes it).
 */
export const offTopicVeto =
  (k: number, minKnown: number): Policy =>
  ({ rules, shipped, verdict }) =>
    wordsOnly(rules) &&
    shipped !== null &&
    !shipped.unknownOutcome &&
    verdict.known >= minKnown &&
    verdict.category === null &&
    verdict.odds >= k
      ? null
      : shipped;

/** (b) Another category replaces a words-only reading at odds ≥ k (the status check, when added, stays). */
export const replaceCategory =
  (k: number, minKnown: number, steps: Record<Category, SymptomMatch['step']>): Policy =>
  ({ rules, shipped, verdict }) =>
    wordsOnly(rules) &&
    shipped !== null &&
    verdict.known >= minKnown &&
    verdict.category !== null &&
    verdict.category !== rules.category &&
    verdict.odds >= k
      ? { ...shipped, category: verdict.category, step: steps[verdict.category], concept: undefined }
      : shipped;

const combine =
  (...policies: Policy[]): Policy =>
  (reading) =>
    policies.reduce<SymptomMatch | null>((answer, policy) => policy({ ...reading, shipped: answer }), reading.shipped);

/**
 * The rows read, by round: the ninth round's English (two), Chinese and mixed (off-topic-heavy) batches, against the lookup
 * before it (commit cf8de7c); the eighth round's English and Chinese batches, against the lookup before it (f08eb0e).
 */
export const rounds: Record<string, Record<string, readonly FieldPhrasing[]>> = {
  '9': {
    english: ninthRoundEnglishRows,
    chinese: ninthRoundChineseRows,
    mixed: ninthRoundMixedRows,
    // Collected later in the round, after its first changes; the lookup before the round never saw it either.
    english2: ninthRoundEnglishRows2,
  },
  // The eighth round's Chinese batch: the 124 rows before the ninth round's in training-phrasings-2.json.
  '8': {
    english: addedEnglishRows,
    chinese: addedChineseRows.slice(ninthRoundChineseStart - 124, ninthRoundChineseStart),
  },
};

const right = (row: FieldPhrasing, answer: SymptomMatch | null) => (answer?.category ?? null) === row.category;

interface PolicyFigures {
  readonly policy: string;
  readonly gained: number;
  readonly lost: number;
  readonly byCategory: string;
  readonly perLanguage: Record<string, ReturnType<typeof scoreCorpus>>;
}

/** A policy's rows gained and lost against the shipped combination, and its scores per language and overall. */
function measure(name: string, policy: Policy, readings: readonly RowReading[]): PolicyFigures {
  let gained = 0;
  let lost = 0;
  const moved = new Map<string, [number, number]>();
  const answers = new Map<string, SymptomMatch | null>();
  for (const reading of readings) {
    const answer = policy(reading);
    answers.set(reading.row.text, answer);
    const before = right(reading.row, reading.shipped);
    const after = right(reading.row, answer);
    if (before === after) continue;
    const key = reading.row.category ?? 'none';
    const counts = moved.get(key) ?? [0, 0];
    counts[after ? 0 : 1] += 1;
    moved.set(key, counts);
    if (after) gained += 1;
    else lost += 1;
  }
  const byCategory = [...moved]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([category, [plus, minus]]) => `${category} +${plus}/−${minus}`)
    .join(', ');
  const rows = readings.map((reading) => reading.row);
  const score = (subset: readonly FieldPhrasing[]) => scoreCorpus((text) => answers.get(text) ?? null, subset);
  return {
    policy: name,
    gained,
    lost,
    byCategory,
    perLanguage: {
      all: score(rows),
      en: score(rows.filter((row) => row.lang === 'en')),
      zh: score(rows.filter((row) => row.lang !== 'en')),
    },
  };
}

export async function timeSplit(oldRoot: string, round = '9') {
  const load = <T>(path: string) => import(pathToFileURL(resolve(oldRoot, path)).href) as Promise<T>;
  const symptoms = await load<Symptoms>('src/domain/lookup/symptoms.ts');
  const learned = await load<Learned>('src/domain/lookup/learned-reading.ts');
  const training = await load<Training>('tests/corpus/train-classifier.ts');
  const corpus = await load<Corpus>('tests/corpus/field-corpus.ts');
  const seen = new Set(corpus.tunedRows.map((row) => row.text));
  const rows = Object.values(rounds[round] ?? {}).flat();
  const overlap = rows.filter((row) => seen.has(row.text)).length;
  // The old model as it shipped (trained on the old tuned rows, thresholds by its cross-validation).
  const model: LearnedModel = training.trainModel();
  const reading: LearnedReading = learned.loadLearnedReading(model);
  const lookup = symptoms.withLearnedReading(reading);
  const readings: RowReading[] = rows.map((row) => ({
    row,
    rules: symptoms.matchByRules(row.text),
    shipped: lookup(row.text),
    verdict: reading.read(learned.classifierTokens(symptoms.normalizeSymptomInput(row.text))),
  }));
  const { minKnown } = model;
  const figures: PolicyFigures[] = [measure('shipped', (r) => r.shipped, readings)];
  figures.push(measure('rules only', (r) => r.rules, readings));
  const odds = [0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20];
  for (const k of odds) figures.push(measure(`veto ≥ ${k}`, offTopicVeto(k, minKnown), readings));
  for (const k of odds)
    figures.push(measure(`replace ≥ ${k}`, replaceCategory(k, minKnown, learned.learnedStep), readings));
  for (const k of [4, 6, 8, 10])
    for (const j of [4, 8, 12])
      figures.push(
        measure(
          `veto ≥ ${k} + replace ≥ ${j}`,
          combine(offTopicVeto(k, minKnown), replaceCategory(j, minKnown, learned.learnedStep)),
          readings,
        ),
      );
  const crossValidated = training.crossValidate();
  // (a) with its bar set as training would set it: the odds at which cross-validation calls a share of on-topic rows off-topic.
  for (const share of [0.006, 0.008, 0.009, 0.01, 0.015, 0.02, 0.03]) {
    const k = vetoBar(crossValidated, share, minKnown);
    figures.push(
      measure(
        `veto, on-topic ≤ ${Number((share * 100).toFixed(1))} % (odds ${k})`,
        offTopicVeto(k, minKnown),
        readings,
      ),
    );
  }
  // (c) The learned unknown-outcome bar at other shares of false alarms, (d) fills at lower odds: the model re-read.
  const variants: [string, Partial<LearnedModel>][] = [0.01, 0.02, 0.03, 0.05].map((share) => {
    const bar = unknownBar(crossValidated, share, minKnown);
    return [`unknown ≤ ${share * 100} % (odds ${bar})`, { unknownOdds: bar }];
  });
  for (const fill of [0, 2, 4, 6, 8, 10, 12]) variants.push([`fill ≥ ${fill}`, { fillOdds: fill }]);
  // (d) with its bar set as training would: at most a share of the off-topic rows reached, precision ≥ 90 %.
  for (const share of [0.01, 0.02, 0.03]) {
    const fill = fillBar(crossValidated, share, minKnown);
    variants.push([`fill, off-topic ≤ ${Number((share * 100).toFixed(1))} % (odds ${fill})`, { fillOdds: fill }]);
  }
  for (const [name, change] of variants) {
    const changed = symptoms.withLearnedReading(learned.loadLearnedReading({ ...model, ...change }));
    figures.push(measure(name, (r) => changed(r.row.text), readings));
  }
  // What training now chooses (train-classifier.ts): the veto at ≤ 0.9 % of on-topic rows, fills at ≤ 1 % of off-topic ones.
  const [veto, fill] = [vetoBar(crossValidated, 0.009, minKnown), fillBar(crossValidated, 0.01, minKnown)];
  const filled = symptoms.withLearnedReading(learned.loadLearnedReading({ ...model, fillOdds: fill }));
  figures.push(
    measure(
      `as trained now: veto ≥ ${veto}, fill ≥ ${fill}`,
      (r) => offTopicVeto(veto, minKnown)({ ...r, shipped: filled(r.row.text) }),
      readings,
    ),
  );
  return {
    rows: rows.length,
    overlap,
    model: { fillOdds: model.fillOdds, unknownOdds: model.unknownOdds },
    figures,
    readings,
    learnedStep: learned.learnedStep,
  };
}

const table = (figures: readonly PolicyFigures[]) =>
  figures.map(({ policy, gained, lost, byCategory, perLanguage }) => {
    const part = (lang: string) => {
      const s = perLanguage[lang];
      return s === undefined
        ? ''
        : `${s.category} % cat, unk ${s.unknownRecall} %, fa ${s.falseAlarms} %, off ${s.offTopicRejected} %`;
    };
    return `| ${policy} | +${gained} / −${lost} | ${part('all')} | ${part('en')} | ${part('zh')} | ${byCategory} |`;
  });

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [oldRoot, round = '9'] = process.argv.slice(2);
  if (oldRoot === undefined)
    throw new Error('usage: npx tsx tests/corpus/time-split.ts <older checkout> [round: 9 | 8]');
  const result = await timeSplit(oldRoot, round);
  console.log(`${result.rows} rows, ${result.overlap} already in the old tuned rows; old model`, result.model);
  console.log('| policy | rows gained / lost | all | English | Chinese | by category (+gained/−lost) |');
  console.log('|---|---|---|---|---|---|');
  console.log(table(result.figures).join('\n'));
}
