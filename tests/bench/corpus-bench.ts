// Lookup accuracy on the field corpus (tests/corpus): the tuned four fifths, the held-out fifth, the second held-out
// set frozen before a later tuning and the third frozen after round 4, one figure per line. Accuracy is never a
// timing: these are counts and shares. Run alone: npx tsx tests/bench/corpus-bench.ts (--misses lists what the tuned
// part gets wrong).
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { matchSymptom } from '../../src/domain/lookup/symptoms.ts';
import {
  fieldPhrasings,
  freshHeldOutRows,
  heldOutRows,
  scoreCorpus,
  thirdHeldOutRows,
  tunedRows,
  type CorpusScore,
} from '../corpus/field-corpus.ts';
import { loadClassifier, type Classifier } from '../corpus/learned-classifier.ts';
import { crossValidate, learnedLookup, tokensOf, trainModel } from '../corpus/train-classifier.ts';
import type { FieldPhrasing } from '../corpus/field-corpus.ts';

export interface CorpusFigure {
  metric: string;
  value: number;
  unit: string;
  [detail: string]: unknown;
}

const shares = [
  'category',
  'english',
  'chinese',
  'code',
  'unknownRecall',
  'falseAlarms',
  'noMatch',
  'offTopicRejected',
  // Rows about the issue-14 causes, labelled with the step they should open.
  'step',
] as const;

function figuresOf(part: 'tuned' | 'heldout' | 'fresh' | 'third', score: CorpusScore): CorpusFigure[] {
  // A part without off-topic rows has no off-topic figure (it would read 100 % of nothing).
  const measured = shares.filter((name) => name !== 'offTopicRejected' || score.offTopicRows > 0);
  const rowsOf = (name: (typeof shares)[number]) =>
    name === 'offTopicRejected' ? score.offTopicRows : name === 'step' ? score.stepRows : score.rows;
  return [
    ...measured.map((name) => ({
      metric: `corpus_${part}_${name}`,
      value: score[name],
      unit: '%',
      rows: rowsOf(name),
    })),
    { metric: `corpus_${part}_spurious_codes`, value: score.spuriousCodes, unit: 'count', rows: score.rows },
  ];
}

/** The corpus figures, tuned part first; the three held-out sets are reported, never tuned on. */
export function benchCorpus(): CorpusFigure[] {
  return [
    { metric: 'corpus_rows', value: fieldPhrasings.length, unit: 'count', sources: sourceCount(fieldPhrasings) },
    {
      metric: 'corpus_fresh_rows',
      value: freshHeldOutRows.length,
      unit: 'count',
      sources: sourceCount(freshHeldOutRows),
    },
    {
      metric: 'corpus_third_rows',
      value: thirdHeldOutRows.length,
      unit: 'count',
      sources: sourceCount(thirdHeldOutRows),
    },
    ...figuresOf('tuned', scoreCorpus(matchSymptom, tunedRows)),
    ...figuresOf('heldout', scoreCorpus(matchSymptom, heldOutRows)),
    ...figuresOf('fresh', scoreCorpus(matchSymptom, freshHeldOutRows)),
    ...figuresOf('third', scoreCorpus(matchSymptom, thirdHeldOutRows)),
  ];
}

/**
 * The learned reading tried beside the rules (tests/corpus/train-classifier.ts; not shipped): trained on the tuned
 * rows only, thresholds by 5-fold cross-validation there. The tuned part is scored by cross-validation (each row read
 * by a model that never saw it); the held-out sets by the model trained on every tuned row. `classifier_*` is the
 * classifier alone, `learned_*` the lookup with it beside the rules.
 */
export function benchLearned(): CorpusFigure[] {
  const model = trainModel();
  const classifier = loadClassifier(model);
  const validated = crossValidate({ fillOdds: model.fillOdds, unknownOdds: model.unknownOdds });
  const byText = new Map(validated.map((item) => [item.row.text, item] as const));
  const alone = (rows: readonly FieldPhrasing[], read: (row: FieldPhrasing) => string | null) => {
    const onTopic = rows.filter((row) => row.category !== null);
    const english = onTopic.filter((row) => row.lang === 'en');
    const share = (list: readonly FieldPhrasing[]) =>
      list.length === 0
        ? 100
        : Number(((list.filter((row) => read(row) === row.category).length / list.length) * 100).toFixed(1));
    return { category: share(onTopic), english: share(english) };
  };
  const readBy = (c: Classifier) => (row: FieldPhrasing) => c.read(tokensOf(row.text)).category;
  const parts = [
    [
      'tuned',
      tunedRows,
      (row: FieldPhrasing) => byText.get(row.text)?.category ?? null,
      (text: string) => byText.get(text)?.combined ?? null,
    ],
    ['heldout', heldOutRows, readBy(classifier), learnedLookup(classifier)],
    ['fresh', freshHeldOutRows, readBy(classifier), learnedLookup(classifier)],
    ['third', thirdHeldOutRows, readBy(classifier), learnedLookup(classifier)],
  ] as const;
  return [
    {
      metric: 'learned_model_gzip',
      value: gzipSync(JSON.stringify(model), { level: 9 }).length,
      unit: 'bytes',
      vocabulary: model.vocabulary.length,
      fillOdds: model.fillOdds,
      unknownOdds: model.unknownOdds,
    },
    ...parts.flatMap(([part, rows, read, lookup]) => {
      const own = alone(rows, read);
      return [
        { metric: `classifier_${part}_category`, value: own.category, unit: '%', rows: rows.length },
        { metric: `classifier_${part}_english`, value: own.english, unit: '%', rows: rows.length },
        ...figuresOf(part, scoreCorpus(lookup, rows)).map((figure) => ({
          ...figure,
          metric: figure.metric.replace(/^corpus_/, 'learned_'),
        })),
      ];
    }),
  ];
}

/** Distinct public sources: a site, or a repository. */
function sourceCount(rows: readonly { source: string }[]): number {
  const hosts = rows.map(({ source }) =>
    /^https?:/.test(source) ? new URL(source).hostname : source.split('/').slice(0, 2).join('/'),
  );
  return new Set(hosts).size;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const figure of [...benchCorpus(), ...benchLearned()]) console.log(JSON.stringify(figure));
  // Tuning looks at the tuned part only; the held-out misses are for the report once tuning is done.
  const parts = process.argv.includes('--heldout-misses')
    ? { heldout: heldOutRows, fresh: freshHeldOutRows, third: thirdHeldOutRows }
    : process.argv.includes('--misses')
      ? { tuned: tunedRows }
      : {};
  for (const [part, rows] of Object.entries(parts)) {
    for (const miss of scoreCorpus(matchSymptom, rows).misses)
      console.log(`${part}\t${miss.want}\t${miss.got}\t${miss.text}`);
  }
}
