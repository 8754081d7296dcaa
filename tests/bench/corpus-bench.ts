// Lookup accuracy on the field corpus (tests/corpus): the tuned four fifths and the held-out fifth, one figure
// per line. Accuracy is never a timing: these are counts and shares. Run alone: npx tsx tests/bench/corpus-bench.ts
import { pathToFileURL } from 'node:url';
import { matchSymptom } from '../../src/domain/lookup/symptoms.ts';
import { fieldPhrasings, heldOutRows, scoreCorpus, tunedRows, type CorpusScore } from '../corpus/field-corpus.ts';

export interface CorpusFigure {
  metric: string;
  value: number;
  unit: string;
  [detail: string]: unknown;
}

const shares = ['category', 'english', 'code', 'unknownRecall', 'falseAlarms', 'noMatch'] as const;

function figuresOf(part: 'tuned' | 'heldout', score: CorpusScore): CorpusFigure[] {
  return [
    ...shares.map((name) => ({ metric: `corpus_${part}_${name}`, value: score[name], unit: '%', rows: score.rows })),
    { metric: `corpus_${part}_spurious_codes`, value: score.spuriousCodes, unit: 'count', rows: score.rows },
  ];
}

/** The corpus figures, tuned part first; the held-out fifth is reported, never tuned on. */
export function benchCorpus(): CorpusFigure[] {
  return [
    { metric: 'corpus_rows', value: fieldPhrasings.length, unit: 'count', sources: sourceCount() },
    ...figuresOf('tuned', scoreCorpus(matchSymptom, tunedRows)),
    ...figuresOf('heldout', scoreCorpus(matchSymptom, heldOutRows)),
  ];
}

/** Distinct public sources: a site, or a repository. */
function sourceCount(): number {
  const hosts = fieldPhrasings.map(({ source }) =>
    /^https?:/.test(source) ? new URL(source).hostname : source.split('/').slice(0, 2).join('/'),
  );
  return new Set(hosts).size;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const figure of benchCorpus()) console.log(JSON.stringify(figure));
}
