import { matchSymptomWith, matchSymptom } from '../../src/domain/lookup/symptoms.ts';
import { freshHeldOutRows, heldOutRows, scoreCorpus, tunedRows } from './field-corpus.ts';
const keys = ['category', 'english', 'code', 'spuriousCodes', 'unknownRecall', 'falseAlarms', 'noMatch', 'offTopicRejected', 'step'] as const;
for (const [part, rows] of Object.entries({ tuned: tunedRows, heldout: heldOutRows, fresh: freshHeldOutRows })) {
  const a = scoreCorpus((t) => matchSymptomWith(t, null), rows);
  const b = scoreCorpus(matchSymptom, rows);
  console.log(part, keys.map((k) => `${k} ${a[k]}→${b[k]}`).join(' | '));
}
