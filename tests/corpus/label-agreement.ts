/**
 * Label agreement on the tuned rows: a seeded sample of 200 tuned texts, labelled a second time blind (from the text
 * and the domain reference only, label-agreement.json), set against the corpus labels. What two careful labellers
 * agree on is a ceiling for any lookup scored against these labels. Never drawn from a held-out set.
 * Run: npx tsx tests/corpus/label-agreement.ts (the figures and every disagreement with its verdict), or --texts (the
 * sample's texts, no labels: what the blind labeller reads).
 */
import { pathToFileURL } from 'node:url';
import secondLabels from './label-agreement.json' with { type: 'json' };
import { addedChineseRows, addedTrainingRows, fieldPhrasings, isHeldOut, type FieldPhrasing } from './field-corpus.ts';
import type { Category } from '../../src/domain/lookup/categories.ts';
import { fnv1a } from '../../src/domain/lookup/learned-reading.ts';

/** Fixed so the sample never moves; different from the split's seed so it is not the held-out fifth's shape. */
export const sampleSeed = 2024;
export const sampleSize = 200;

/**
 * The tuned rows the sample was drawn from: the field corpus's tuned four fifths and the rows the two training files
 * held then. Rows appended to those files later stay out, so adding rows never moves the sample (it would need a new
 * blind labelling); a row moved, removed or reworded inside that population fails the coverage test.
 */
export const populationTrainingRows = 540;
export const populationChineseRows = 159;
export const samplePopulation: readonly FieldPhrasing[] = [
  ...fieldPhrasings.filter((row) => !isHeldOut(row)),
  ...addedTrainingRows.slice(0, populationTrainingRows),
  ...addedChineseRows.slice(0, populationChineseRows),
];

/**
 * A second label, made blind. `note` starts with the blind labeller's reason ("blind: …"); once compared, each field
 * that disagreed carries a verdict: "category (a)" both defensible, "(b)" the corpus label was wrong (and was fixed
 * in the training file), "(c)" the blind label was wrong. The same for "unknown" and "code".
 */
export interface SecondLabel {
  readonly text: string;
  readonly category: Category | null;
  readonly code: string | null;
  readonly unknownOutcome: boolean;
  readonly note?: string;
}

export const blindLabels = secondLabels as readonly SecondLabel[];

/** The sample: distinct tuned texts ordered by hash (then text), the first 200. */
export function drawSample(rows: readonly FieldPhrasing[] = samplePopulation): FieldPhrasing[] {
  const seen = new Set<string>();
  const distinct = rows.filter((row) => !seen.has(row.text) && seen.add(row.text));
  return distinct
    .map((row) => ({ row, hash: fnv1a(row.text, sampleSeed) }))
    .sort((a, b) => a.hash - b.hash || (a.row.text < b.row.text ? -1 : a.row.text > b.row.text ? 1 : 0))
    .slice(0, sampleSize)
    .map(({ row }) => row);
}

export type Field = 'category' | 'unknown' | 'code';
export type Verdict = 'a' | 'b' | 'c';

/** The verdicts a note records, per field ("category (b) was card_state: …; unknown (a) …"). */
export function verdictsOf(note: string | undefined): Partial<Record<Field, Verdict>> {
  const verdicts: Partial<Record<Field, Verdict>> = {};
  for (const [, field, verdict] of (note ?? '').matchAll(/\b(category|unknown|code) \(([abc])\)/g))
    verdicts[field as Field] = verdict as Verdict;
  return verdicts;
}

/** The corpus label a "(b) was …" verdict replaced, per field. */
function replacedOf(note: string | undefined): Partial<Record<Field, string>> {
  const replaced: Partial<Record<Field, string>> = {};
  for (const [, field, was] of (note ?? '').matchAll(/\b(category|unknown|code) \(b\) was ([\w-]+)/g))
    replaced[field as Field] = was;
  return replaced;
}

/** The sample as the corpus labelled it before the fixes the verdicts record: the agreement as first measured. */
export function sampleBeforeFixes(
  sample: readonly FieldPhrasing[] = drawSample(),
  labels: readonly SecondLabel[] = blindLabels,
): FieldPhrasing[] {
  const notes = new Map(labels.map((label) => [label.text, label.note]));
  return sample.map((row) => {
    const was = replacedOf(notes.get(row.text));
    return {
      ...row,
      ...(was.category === undefined
        ? {}
        : { category: was.category === 'off-topic' ? null : (was.category as Category) }),
      ...(was.unknown === undefined ? {} : { unknownOutcome: was.unknown === 'true' }),
      ...(was.code === undefined ? {} : { code: was.code === 'none' ? null : was.code }),
    };
  });
}

/** How many disagreeing fields got each verdict: ambiguous, corpus wrong (fixed), blind label wrong. */
export function verdictCounts(labels: readonly SecondLabel[] = blindLabels): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { a: 0, b: 0, c: 0 };
  for (const label of labels) for (const verdict of Object.values(verdictsOf(label.note))) counts[verdict] += 1;
  return counts;
}

export interface Disagreement {
  readonly text: string;
  readonly lang: FieldPhrasing['lang'];
  readonly field: Field;
  readonly corpus: string;
  readonly second: string;
  readonly verdict?: Verdict;
}

export interface AgreementFigures {
  readonly rows: number;
  /** Same category, off-topic (null) counted as a class of its own (%). */
  readonly category: number;
  readonly categoryEnglish: number;
  readonly categoryChinese: number;
  readonly categoryKappa: number;
  /** Over the rows the corpus calls on-topic, as the lookup's category figure is counted (%). */
  readonly categoryOnTopic: number;
  /**
   * The ceiling: on-topic rows whose corpus category is the one defensible reading (the labels agree, or the blind
   * label was judged wrong), so a lookup can be held to it; a row both readings fit counts as out of reach (%).
   */
  readonly categoryCeiling: number;
  readonly categoryEnglishCeiling: number;
  readonly unknownOutcome: number;
  readonly unknownKappa: number;
  /** The second labels read as a lookup against the corpus: unknown outcomes flagged (%), clear ones flagged (%). */
  readonly unknownRecall: number;
  readonly unknownFalseAlarms: number;
  /** Unknown-outcome rows whose flag is the one defensible reading, as the ceiling above (%). */
  readonly unknownRecallCeiling: number;
  readonly englishRows: number;
  readonly chineseRows: number;
  readonly onTopicRows: number;
  readonly englishOnTopicRows: number;
  readonly unknownRows: number;
  readonly clearRows: number;
  /** Same code or both none (%). */
  readonly code: number;
}

export interface Agreement {
  readonly figures: AgreementFigures;
  /** Corpus label → second label, with how many rows. */
  readonly confusions: readonly { readonly pair: string; readonly rows: number }[];
  readonly disagreements: readonly Disagreement[];
}

const pct = (part: number, whole: number) => (whole === 0 ? 100 : Number(((part / whole) * 100).toFixed(1)));

/** Cohen's kappa: agreement beyond what the two labellers' own class shares would give by chance. */
function kappa(pairs: readonly (readonly [string, string])[]): number {
  const count = pairs.length;
  if (count === 0) return 1;
  const observed = pairs.filter(([a, b]) => a === b).length / count;
  const classes = new Set(pairs.flat());
  let expected = 0;
  for (const label of classes) {
    const first = pairs.filter(([a]) => a === label).length / count;
    const second = pairs.filter(([, b]) => b === label).length / count;
    expected += first * second;
  }
  return expected === 1 ? 1 : Number(((observed - expected) / (1 - expected)).toFixed(3));
}

const categoryName = (category: Category | null) => category ?? 'off-topic';

/** Sets the second labels against the corpus rows of the same texts. */
export function compareLabels(
  sample: readonly FieldPhrasing[] = drawSample(),
  labels: readonly SecondLabel[] = blindLabels,
): Agreement {
  const byText = new Map(labels.map((label) => [label.text, label]));
  const pairs = sample.flatMap((row) => {
    const label = byText.get(row.text);
    return label ? [{ row, label }] : [];
  });
  const agreeOn = (rows: typeof pairs) =>
    pct(rows.filter((p) => p.row.category === p.label.category).length, rows.length);
  const onTopic = pairs.filter((p) => p.row.category !== null);
  const disagreements: Disagreement[] = [];
  const confusions = new Map<string, number>();
  for (const { row, label } of pairs) {
    const verdicts = verdictsOf(label.note);
    const differ = (field: Field, corpus: string, second: string) => {
      if (corpus !== second)
        disagreements.push({ text: row.text, lang: row.lang, field, corpus, second, verdict: verdicts[field] });
    };
    differ('category', categoryName(row.category), categoryName(label.category));
    differ('unknown', String(row.unknownOutcome), String(label.unknownOutcome));
    differ('code', row.code ?? 'none', label.code ?? 'none');
    if (row.category !== label.category) {
      const pair = `${categoryName(row.category)} → ${categoryName(label.category)}`;
      confusions.set(pair, (confusions.get(pair) ?? 0) + 1);
    }
  }
  const unknown = pairs.filter((p) => p.row.unknownOutcome);
  const clear = pairs.filter((p) => !p.row.unknownOutcome);
  const english = pairs.filter((p) => p.row.lang === 'en');
  const chinese = pairs.filter((p) => p.row.lang !== 'en');
  // A disagreement with no verdict yet counts as out of reach, as an ambiguous one does.
  const outOfReach = (p: (typeof pairs)[number], field: Field, differs: boolean) =>
    differs && verdictsOf(p.label.note)[field] !== 'c';
  const ceiling = (rows: typeof pairs) =>
    pct(rows.filter((p) => !outOfReach(p, 'category', p.row.category !== p.label.category)).length, rows.length);
  return {
    figures: {
      rows: pairs.length,
      category: agreeOn(pairs),
      categoryEnglish: agreeOn(english),
      categoryChinese: agreeOn(chinese),
      categoryKappa: kappa(pairs.map((p) => [categoryName(p.row.category), categoryName(p.label.category)])),
      categoryOnTopic: agreeOn(onTopic),
      categoryCeiling: ceiling(onTopic),
      categoryEnglishCeiling: ceiling(onTopic.filter((p) => p.row.lang === 'en')),
      unknownOutcome: pct(pairs.filter((p) => p.row.unknownOutcome === p.label.unknownOutcome).length, pairs.length),
      unknownKappa: kappa(pairs.map((p) => [String(p.row.unknownOutcome), String(p.label.unknownOutcome)])),
      unknownRecall: pct(unknown.filter((p) => p.label.unknownOutcome).length, unknown.length),
      unknownFalseAlarms: pct(clear.filter((p) => p.label.unknownOutcome).length, clear.length),
      unknownRecallCeiling: pct(
        unknown.filter((p) => !outOfReach(p, 'unknown', !p.label.unknownOutcome)).length,
        unknown.length,
      ),
      englishRows: english.length,
      chineseRows: chinese.length,
      onTopicRows: onTopic.length,
      englishOnTopicRows: onTopic.filter((p) => p.row.lang === 'en').length,
      unknownRows: unknown.length,
      clearRows: clear.length,
      code: pct(pairs.filter((p) => p.row.code === p.label.code).length, pairs.length),
    },
    confusions: [...confusions]
      .map(([pair, rows]) => ({ pair, rows }))
      .sort((a, b) => b.rows - a.rows || (a.pair < b.pair ? -1 : 1)),
    disagreements,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--texts')) {
    drawSample().forEach((row, index) => console.log(`${index + 1}\t${row.text}`));
  } else {
    const before = compareLabels(sampleBeforeFixes());
    const now = compareLabels();
    console.log(`before fixes\t${JSON.stringify(before.figures)}`);
    console.log(`after fixes\t${JSON.stringify(now.figures)}`);
    console.log(`verdicts\t${JSON.stringify(verdictCounts())} of ${before.disagreements.length} disagreeing fields`);
    for (const { pair, rows } of before.confusions) console.log(`confusion before fixes\t${rows}\t${pair}`);
    for (const d of now.disagreements)
      console.log(`${d.field}\t(${d.verdict ?? '?'})\tcorpus ${d.corpus}\tsecond ${d.second}\t${d.lang}\t${d.text}`);
  }
}
