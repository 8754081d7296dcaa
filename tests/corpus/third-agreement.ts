/**
 * Label agreement on the third held-out set: all 123 texts labelled a second time blind (from the text and the domain
 * reference only, third-agreement.json, committed before the comparison), set against the set's own labels. The set's
 * labels are never edited here (the set is measured on, so the team decides); a "(b)" verdict only records which of
 * its labels the comparison judged wrong, and `thirdWithVerdicts` gives the set as it would read with those fixed, for
 * a rescore. Run: npx tsx tests/corpus/third-agreement.ts (figures, confusions, every disagreement with its verdict),
 * --texts (the set's texts, no labels: what the blind labeller reads), or --rescore (the lookup scored on the set as
 * labelled and as the verdicts would label it: the lead's step, never the blind labeller's).
 */
import { pathToFileURL } from 'node:url';
import thirdLabelsFile from './third-agreement.json' with { type: 'json' };
import { thirdHeldOutRows, type FieldPhrasing } from './field-corpus.ts';
import { compareLabels, verdictsOf, type Field, type SecondLabel, type Verdict } from './label-agreement.ts';

export const thirdLabels = thirdLabelsFile as readonly SecondLabel[];

/** How many disagreeing fields got each verdict: ambiguous, the set's label wrong, the blind label wrong. */
export function thirdVerdictCounts(labels: readonly SecondLabel[] = thirdLabels): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { a: 0, b: 0, c: 0 };
  for (const label of labels) for (const verdict of Object.values(verdictsOf(label.note))) counts[verdict] += 1;
  return counts;
}

/** The set with each "(b)" field carrying the blind label: what a rescore would hold the lookup to. Never written. */
export function thirdWithVerdicts(
  rows: readonly FieldPhrasing[] = thirdHeldOutRows,
  labels: readonly SecondLabel[] = thirdLabels,
): FieldPhrasing[] {
  const byText = new Map(labels.map((label) => [label.text, label]));
  return rows.map((row) => {
    const label = byText.get(row.text);
    if (!label) return row;
    const verdicts = verdictsOf(label.note);
    const fixed = (field: Field) => verdicts[field] === 'b';
    return {
      ...row,
      ...(fixed('category') ? { category: label.category } : {}),
      ...(fixed('unknown') ? { unknownOutcome: label.unknownOutcome } : {}),
      ...(fixed('code') ? { code: label.code } : {}),
    };
  });
}

/** The set's rows whose label a "(b)" verdict judged wrong, per field. */
export function thirdWrongByField(labels: readonly SecondLabel[] = thirdLabels): Record<Field, number> {
  const counts: Record<Field, number> = { category: 0, unknown: 0, code: 0 };
  for (const label of labels)
    for (const [field, verdict] of Object.entries(verdictsOf(label.note)))
      if (verdict === 'b') counts[field as Field] += 1;
  return counts;
}

export const compareThird = () => compareLabels(thirdHeldOutRows, thirdLabels);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--texts')) {
    thirdHeldOutRows.forEach((row, index) => console.log(`${index + 1}\t${row.text}`));
  } else if (process.argv.includes('--rescore')) {
    // Loaded only here, so the other modes never run the lookup on the set.
    const { matchSymptom } = await import('../../src/domain/lookup/symptoms.ts');
    const { scoreCorpus } = await import('./field-corpus.ts');
    for (const [name, rows] of [
      ['as labelled', thirdHeldOutRows],
      ['with the (b) verdicts', thirdWithVerdicts()],
    ] as const) {
      const score = scoreCorpus(matchSymptom, rows);
      console.log(`${name}\t${JSON.stringify({ ...score, misses: score.misses.length })}`);
    }
  } else {
    const { figures, confusions, disagreements } = compareThird();
    console.log(`agreement\t${JSON.stringify(figures)}`);
    console.log(`verdicts\t${JSON.stringify(thirdVerdictCounts())} of ${disagreements.length} disagreeing fields`);
    console.log(`set labels judged wrong\t${JSON.stringify(thirdWrongByField())}`);
    for (const { pair, rows } of confusions) console.log(`confusion\t${rows}\t${pair}`);
    for (const d of disagreements)
      console.log(`${d.field}\t(${d.verdict ?? '?'})\tset ${d.corpus}\tsecond ${d.second}\t${d.lang}\t${d.text}`);
  }
}
