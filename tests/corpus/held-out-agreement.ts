/**
 * Label agreement on the held-out sets: all texts of a set labelled a second time blind (from the text and the domain
 * reference only; second-agreement.json for the second set, third-agreement.json for the third, r9-agreement.json for
 * the round-nine set, each committed before its comparison), set against the set's own labels. The sets' labels are never edited here (they are measured on, so
 * the team decides); a "(b)" verdict only records which of its labels the comparison judged wrong, and `withVerdicts`
 * gives the set as it would read with those fixed, for a rescore. Run: npx tsx tests/corpus/held-out-agreement.ts
 * <second|third|r9> (figures, confusions, every disagreement with its verdict), with --texts (the set's texts, no labels:
 * what the blind labeller reads), or with --rescore (the lookup scored on the set as labelled and as the verdicts would
 * label it: the lead's step, never the blind labeller's).
 */
import { pathToFileURL } from 'node:url';
import secondLabelsFile from './second-agreement.json' with { type: 'json' };
import thirdLabelsFile from './third-agreement.json' with { type: 'json' };
import roundNineLabelsFile from './r9-agreement.json' with { type: 'json' };
import { freshHeldOutRows, roundNineHeldOutRows, thirdHeldOutRows, type FieldPhrasing } from './field-corpus.ts';
import {
  compareLabels,
  verdictCounts,
  verdictsOf,
  type Agreement,
  type Field,
  type SecondLabel,
  type Verdict,
} from './label-agreement.ts';

/** A held-out set and its blind second labelling, in the set's order. */
export interface HeldOutLabelling {
  readonly rows: readonly FieldPhrasing[];
  readonly labels: readonly SecondLabel[];
}

export const heldOutLabellings = {
  second: { rows: freshHeldOutRows, labels: secondLabelsFile as readonly SecondLabel[] },
  third: { rows: thirdHeldOutRows, labels: thirdLabelsFile as readonly SecondLabel[] },
  r9: { rows: roundNineHeldOutRows, labels: roundNineLabelsFile as readonly SecondLabel[] },
} as const satisfies Record<string, HeldOutLabelling>;

export type HeldOutSet = keyof typeof heldOutLabellings;

/** The set with each "(b)" field carrying the blind label: what a rescore would hold the lookup to. Never written. */
export function withVerdicts({ rows, labels }: HeldOutLabelling): FieldPhrasing[] {
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
export function wrongByField(labels: readonly SecondLabel[]): Record<Field, number> {
  const counts: Record<Field, number> = { category: 0, unknown: 0, code: 0 };
  for (const label of labels)
    for (const [field, verdict] of Object.entries(verdictsOf(label.note)))
      if (verdict === 'b') counts[field as Field] += 1;
  return counts;
}

/** The comparison of one set with its blind labels, with the verdict counts and the set's labels judged wrong. */
export function compareHeldOut(labelling: HeldOutLabelling): Agreement & {
  readonly verdicts: Record<Verdict, number>;
  readonly setWrong: Record<Field, number>;
} {
  return {
    ...compareLabels(labelling.rows, labelling.labels),
    verdicts: verdictCounts(labelling.labels),
    setWrong: wrongByField(labelling.labels),
  };
}

const isHeldOutSet = (name: string | undefined): name is HeldOutSet =>
  name !== undefined && Object.hasOwn(heldOutLabellings, name);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const name = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  if (!isHeldOutSet(name)) {
    console.error(`usage: held-out-agreement.ts <${Object.keys(heldOutLabellings).join('|')}> [--texts|--rescore]`);
    process.exit(1);
  }
  const labelling = heldOutLabellings[name];
  if (process.argv.includes('--texts')) {
    labelling.rows.forEach((row, index) => console.log(`${index + 1}\t${row.text}`));
  } else if (process.argv.includes('--rescore')) {
    // Loaded only here, so the other modes never run the lookup on the set.
    const { matchSymptom } = await import('../../src/domain/lookup/symptoms.ts');
    const { scoreCorpus } = await import('./field-corpus.ts');
    for (const [reading, rows] of [
      ['as labelled', labelling.rows],
      ['with the (b) verdicts', withVerdicts(labelling)],
    ] as const) {
      const score = scoreCorpus(matchSymptom, rows);
      console.log(`${reading}\t${JSON.stringify({ ...score, misses: score.misses.length })}`);
    }
  } else {
    const { figures, confusions, disagreements, verdicts, setWrong } = compareHeldOut(labelling);
    console.log(`agreement\t${JSON.stringify(figures)}`);
    console.log(`verdicts\t${JSON.stringify(verdicts)} of ${disagreements.length} disagreeing fields`);
    console.log(`set labels judged wrong\t${JSON.stringify(setWrong)}`);
    // The set's own make-up, as labelled and as the verdicts would label it (label counts only, no lookup).
    for (const [reading, rows] of [
      ['set as labelled', labelling.rows],
      ['set with the (b) verdicts', withVerdicts(labelling)],
    ] as const) {
      const onTopic = rows.filter((row) => row.category !== null);
      const unknown = onTopic.filter((row) => row.unknownOutcome).length;
      console.log(
        `${reading}\t${JSON.stringify({ onTopic: onTopic.length, offTopic: rows.length - onTopic.length, unknown })}`,
      );
    }
    for (const { pair, rows } of confusions) console.log(`confusion\t${rows}\t${pair}`);
    for (const d of disagreements)
      console.log(`${d.field}\t(${d.verdict ?? '?'})\tset ${d.corpus}\tsecond ${d.second}\t${d.lang}\t${d.text}`);
  }
}
