// Lookup accuracy on the field corpus (tests/corpus): the tuned four fifths, the held-out fifth and the second
// held-out set frozen before the last tuning, one figure per line. Accuracy is never a timing: these are counts and
// shares. Run alone: npx tsx tests/bench/corpus-bench.ts (--misses lists what the tuned part gets wrong).
import { pathToFileURL } from 'node:url';
import { matchSymptom } from '../../src/domain/lookup/symptoms.ts';
import {
  fieldPhrasings,
  freshHeldOutRows,
  heldOutRows,
  scoreCorpus,
  tunedRows,
  type CorpusScore,
} from '../corpus/field-corpus.ts';

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

function figuresOf(part: 'tuned' | 'heldout' | 'fresh', score: CorpusScore): CorpusFigure[] {
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

/** The corpus figures, tuned part first; both held-out sets are reported, never tuned on. */
export function benchCorpus(): CorpusFigure[] {
  return [
    { metric: 'corpus_rows', value: fieldPhrasings.length, unit: 'count', sources: sourceCount(fieldPhrasings) },
    {
      metric: 'corpus_fresh_rows',
      value: freshHeldOutRows.length,
      unit: 'count',
      sources: sourceCount(freshHeldOutRows),
    },
    ...figuresOf('tuned', scoreCorpus(matchSymptom, tunedRows)),
    ...figuresOf('heldout', scoreCorpus(matchSymptom, heldOutRows)),
    ...figuresOf('fresh', scoreCorpus(matchSymptom, freshHeldOutRows)),
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
  for (const figure of benchCorpus()) console.log(JSON.stringify(figure));
  // Tuning looks at the tuned part only; the held-out misses are for the report once tuning is done.
  const parts = process.argv.includes('--heldout-misses')
    ? { heldout: heldOutRows, fresh: freshHeldOutRows }
    : process.argv.includes('--misses')
      ? { tuned: tunedRows }
      : {};
  for (const [part, rows] of Object.entries(parts)) {
    for (const miss of scoreCorpus(matchSymptom, rows).misses)
      console.log(`${part}\t${miss.want}\t${miss.got}\t${miss.text}`);
  }
}
