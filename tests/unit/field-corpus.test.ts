import { describe, expect, it } from 'vitest';
import { expectWellFormedLabel } from '../support/labels.ts';
import { categories } from '../../src/domain/lookup/categories.ts';
import { matchSymptom } from '../../src/domain/lookup/symptoms.ts';
import {
  addedChineseRows,
  addedEnglishRows,
  addedTrainingRows,
  eighthRoundStart,
  fieldPhrasings,
  fourthHeldOutRows,
  freshHeldOutRows,
  heldOutRows,
  ninthRoundMixedRows,
  roundNineHeldOutRows,
  ninthRoundChineseRows,
  ninthRoundChineseRows2,
  ninthRoundChineseStart,
  ninthRoundEnglishRows,
  ninthRoundEnglishRows2,
  scoreCorpus,
  thirdHeldOutRows,
  tunedRows,
  type FieldPhrasing,
} from '../corpus/field-corpus.ts';

/** A site, or a repository. */
const sourceOf = ({ source }: FieldPhrasing) =>
  /^https?:/.test(source) ? new URL(source).hostname : source.split('/').slice(0, 2).join('/');

/** Every row has text, a source, a known category (or null: off-topic, no code, no unknown outcome) and a code of it. */
function expectLabelled(rows: readonly FieldPhrasing[]) {
  for (const row of rows) {
    expect(row.text.trim(), row.source).not.toBe('');
    expect(/^https?:\/\/\S+$/.test(row.source) || /^[\w.-]+\/[\w.-]+\/\S+$/.test(row.source), row.source).toBe(true);
    expect(['zh', 'zh-Hant', 'en'], row.text).toContain(row.lang);
    expect(typeof row.unknownOutcome, row.text).toBe('boolean');
    expectWellFormedLabel(row);
    expect(row.text, row.source).not.toMatch(/\d{12,}/);
  }
  expect(new Set(rows.map((row) => row.text)).size).toBe(rows.length);
}

/** No row of `rows` shares its text or its page with `others`: a page on both sides would leak into what is held out. */
function expectApart(rows: readonly FieldPhrasing[], others: readonly FieldPhrasing[]) {
  const texts = new Set(others.map((row) => row.text));
  const pages = new Set(others.map((row) => row.source));
  for (const row of rows) {
    expect(texts.has(row.text), row.text).toBe(false);
    expect(pages.has(row.source), row.source).toBe(false);
  }
}

/** Shares a part must keep (percent; false alarms at most, the others at least); codes always exact, none made up. */
interface Floor {
  readonly category?: number;
  readonly english?: number;
  readonly chinese?: number;
  readonly unknownRecall: number;
  readonly falseAlarms: number;
  readonly offTopicRejected: number;
}

function expectAtFloor(rows: readonly FieldPhrasing[], floor: Floor) {
  const score = scoreCorpus(matchSymptom, rows);
  for (const share of ['category', 'english', 'chinese', 'unknownRecall', 'offTopicRejected'] as const) {
    const least = floor[share];
    if (least !== undefined) expect(score[share], share).toBeGreaterThanOrEqual(least);
  }
  expect(score.falseAlarms, 'falseAlarms').toBeLessThanOrEqual(floor.falseAlarms);
  expect(score.code, 'code').toBe(100);
  expect(score.spuriousCodes, 'spuriousCodes').toBe(0);
}

/** What a batch must hold some of: off-topic rows, unknown outcomes, on-topic rows with a clear outcome. */
const kinds = {
  offTopic: (row: FieldPhrasing) => row.category === null,
  unknown: (row: FieldPhrasing) => row.unknownOutcome,
  clear: (row: FieldPhrasing) => row.category !== null && !row.unknownOutcome,
};
type Kind = keyof typeof kinds;

/** A corpus file, or a round's batch of one, with what it must hold (at least). */
interface Batch {
  readonly name: string;
  readonly rows: readonly FieldPhrasing[];
  /** Rows at least. */
  readonly size: number;
  readonly pages: number;
  /** Distinct sites (or repositories), where the batch was collected to a count of them. */
  readonly sites?: number;
  readonly langs?: Partial<Record<FieldPhrasing['lang'], number>>;
  readonly only?: readonly FieldPhrasing['lang'][];
  readonly kinds: Partial<Record<Kind, number>>;
  /**
   * A training batch's floor: it was scored as unseen text before anything was tuned on it, then read again with its
   * gaps closed as capabilities and the model retrained. A floor against losing that, not a target.
   */
  readonly floor?: Floor;
}

/** Every held-out set and training batch after the field corpus, in the order they were collected. */
const batches: readonly Batch[] = [
  { name: 'the second held-out set', rows: freshHeldOutRows, size: 150, pages: 50, sites: 50, kinds: { offTopic: 1 } },
  {
    name: 'the third held-out set',
    rows: thirdHeldOutRows,
    size: 120,
    pages: 50,
    sites: 50,
    kinds: { offTopic: 1, unknown: 1 },
  },
  {
    name: 'the first English training batch',
    rows: addedTrainingRows.slice(0, eighthRoundStart),
    size: 400,
    pages: 100,
    kinds: { offTopic: 1, unknown: 1 },
  },
  {
    name: 'the first Chinese training batches',
    rows: addedChineseRows.slice(0, ninthRoundChineseStart),
    size: 150,
    pages: 50,
    sites: 50,
    langs: { 'zh-Hant': 30 },
    only: ['zh', 'zh-Hant'],
    kinds: { offTopic: 1, unknown: 1 },
    // Unseen 65.8 %, unknown outcomes 61.3 %, off-topic unmatched 61.5 %; closed (seventh round) 95.0 %, 100 %, 84.6 %.
    // A second batch (124 rows, 67 zh-Hant) unseen 64.9 %, 58.3 %, 46.7 %; all 283 closed (eighth round) 95.3 %, 100 %,
    // 84.1 %. 94.9 % with the model pruned to fit the bytes; off-topic 87.0 → 89.9 % with the learned off-topic veto.
    floor: { chinese: 94.5, unknownRecall: 100, falseAlarms: 2, offTopicRejected: 89 },
  },
  {
    name: 'the fourth held-out set',
    rows: fourthHeldOutRows,
    size: 130,
    pages: 60,
    langs: { en: 50, 'zh-Hant': 25 },
    kinds: { offTopic: 1, unknown: 1 },
  },
  {
    name: "the eighth round's English rows",
    rows: addedEnglishRows,
    size: 120,
    pages: 40,
    only: ['en'],
    kinds: { offTopic: 1, unknown: 1 },
    // Unseen 71.6 %, unknown outcomes 75 %, false alarms 7.3 %, off-topic unmatched 53.8 %; closed 84.3 %, 90 %, 4.9 %,
    // 76.9 %. 83.3 % once the model was pruned to fit the bytes; 85.3 % with the ninth round's rules (signatures).
    floor: { english: 85, unknownRecall: 90, falseAlarms: 5, offTopicRejected: 76 },
  },
  {
    name: 'the round-nine held-out set',
    rows: roundNineHeldOutRows,
    size: 140,
    pages: 70,
    langs: { en: 50, 'zh-Hant': 25 },
    kinds: { offTopic: 1, unknown: 1 },
  },
  {
    name: "the ninth round's English rows",
    rows: ninthRoundEnglishRows,
    size: 120,
    pages: 40,
    only: ['en'],
    kinds: { offTopic: 1, unknown: 1 },
    // Unseen 68.4 %, unknown outcomes 64 %, false alarms 5.7 %, off-topic unmatched 44.8 %; closed 89.5 %, 96 %, 1.4 %,
    // 51.7 %. Unknown outcomes 92 % once the model learns the round's other rows (its status-check odds 7 → 10);
    // off-topic 69.0 % with the learned off-topic veto (README, the time split).
    floor: { english: 89, unknownRecall: 92, falseAlarms: 2, offTopicRejected: 69 },
  },
  {
    name: "the ninth round's second English rows",
    rows: ninthRoundEnglishRows2,
    size: 120,
    pages: 45,
    sites: 45,
    only: ['en'],
    kinds: { offTopic: 20, unknown: 20 },
    // Unseen on main after the round's rules 51.0 %, unknown outcomes 47.8 %, false alarms 7.8 %, off-topic unmatched
    // 64.0 %, two amounts read as codes; closed 64.0 %, 65.2 %, 6.5 %, 72.0 % (84.0 % with the veto), codes exact.
    floor: { english: 64, unknownRecall: 65, falseAlarms: 6.5, offTopicRejected: 84 },
  },
  {
    name: "the ninth round's Chinese rows",
    rows: ninthRoundChineseRows,
    size: 120,
    pages: 40,
    langs: { 'zh-Hant': 40 },
    only: ['zh', 'zh-Hant'],
    kinds: { offTopic: 1, unknown: 1 },
    // Unseen 60.9 % (zh-Hant 32.0 %), unknown outcomes 76 %, false alarms 3.2 %, off-topic unmatched 54.5 % (as labelled
    // now); closed 73.6 % (zh-Hant 56.0 %), 92 %, 3.2 %, 60.6 % (69.7 % with the veto).
    floor: { chinese: 73.5, unknownRecall: 91, falseAlarms: 3.5, offTopicRejected: 69 },
  },
  {
    name: "the ninth round's second Chinese rows",
    rows: ninthRoundChineseRows2,
    size: 100,
    pages: 40,
    langs: { 'zh-Hant': 35 },
    only: ['zh', 'zh-Hant'],
    kinds: { offTopic: 20, unknown: 19 },
    // Unseen on main after the round's rules 67.9 % (zh 78.6 %, zh-Hant 56.4 %), unknown outcomes 68.4 %, false alarms
    // 3.2 %, off-topic unmatched 50.0 %; unknown outcomes 78.9 % once learned, 89.5 % with two general readings (倒扣;
    // "if you have already paid, do not retry"); category and off-topic unchanged.
    floor: { chinese: 67.5, unknownRecall: 89, falseAlarms: 3.5, offTopicRejected: 50 },
  },
  {
    name: "the ninth round's off-topic and clear-outcome rows",
    rows: ninthRoundMixedRows,
    size: 100,
    pages: 40,
    langs: { en: 1, zh: 1, 'zh-Hant': 1 },
    kinds: { offTopic: 10, unknown: 10, clear: 10 },
    // Unseen 70.8 %, unknown outcomes 75 %, false alarms 6.3 %, off-topic unmatched 43.4 %; closed (business questions
    // that match nothing, a failure to avoid read as advice, a refusal during the sale kept clear, a pending status
    // left open) 70.8 %, 81.3 %, 3.1 %, 75.5 % (77.4 % with the veto).
    floor: { category: 70, unknownRecall: 81, falseAlarms: 4, offTopicRejected: 77 },
  },
];

/** The field corpus and every batch: what a batch must share no page with is all of it but itself. */
const everyRow = [...fieldPhrasings, ...batches.flatMap((batch) => batch.rows)];

describe('the field corpus', () => {
  it('holds at least 400 real phrasings from at least 15 public sources, each fully labelled', () => {
    expect(fieldPhrasings.length).toBeGreaterThanOrEqual(400);
    expect(new Set(fieldPhrasings.map(sourceOf)).size).toBeGreaterThanOrEqual(15);
    expectLabelled(fieldPhrasings);
  });

  it('covers both languages and every category, and holds no card number', () => {
    expect(fieldPhrasings.filter((row) => row.lang === 'en').length).toBeGreaterThanOrEqual(100);
    expect(fieldPhrasings.filter((row) => row.lang !== 'en').length).toBeGreaterThanOrEqual(100);
    for (const category of categories)
      expect(
        fieldPhrasings.some((row) => row.category === category),
        category,
      ).toBe(true);
  });

  it('is split once, about one fifth held out', () => {
    expect(heldOutRows.length + tunedRows.length).toBe(
      fieldPhrasings.length + addedTrainingRows.length + addedChineseRows.length + ninthRoundMixedRows.length,
    );
    expect(heldOutRows.length / fieldPhrasings.length).toBeGreaterThan(0.15);
    expect(heldOutRows.length / fieldPhrasings.length).toBeLessThan(0.25);
  });

  // Every batch comes from pages no other corpus file or batch holds: tuning on a page's rows would leak that page into
  // whatever a held-out set says about it, and a batch scored as unseen text must have been unseen.
  it.each(batches)('takes $name from pages no other corpus file or batch holds, labelled the same way', (batch) => {
    const { rows } = batch;
    expect(rows.length).toBeGreaterThanOrEqual(batch.size);
    expect(new Set(rows.map((row) => row.source)).size).toBeGreaterThanOrEqual(batch.pages);
    if (batch.sites !== undefined) expect(new Set(rows.map(sourceOf)).size).toBeGreaterThanOrEqual(batch.sites);
    expectLabelled(rows);
    const own = new Set(rows);
    expectApart(
      rows,
      everyRow.filter((row) => !own.has(row)),
    );
    for (const [lang, least] of Object.entries(batch.langs ?? {}))
      expect(rows.filter((row) => row.lang === lang).length, lang).toBeGreaterThanOrEqual(least);
    if (batch.only) expect(rows.every((row) => batch.only?.includes(row.lang))).toBe(true);
    for (const [kind, least] of Object.entries(batch.kinds))
      expect(rows.filter(kinds[kind as Kind]).length, kind).toBeGreaterThanOrEqual(least);
  });

  it('has every corpus row in exactly one batch or the field corpus', () => {
    expect(everyRow.length).toBe(new Set(everyRow).size);
    expect(everyRow.length).toBe(
      fieldPhrasings.length +
        freshHeldOutRows.length +
        thirdHeldOutRows.length +
        fourthHeldOutRows.length +
        roundNineHeldOutRows.length +
        addedTrainingRows.length +
        addedChineseRows.length +
        ninthRoundMixedRows.length,
    );
  });

  // A floor on the tuned four fifths only: the held-out fifth is reported by `npm run bench`, never asserted.
  it('keeps the tuned part at its floor', () => {
    // The later batches have floors of their own (the table), as they were scored unseen before anything was tuned on them.
    const later = new Set(batches.filter((batch) => batch.floor !== undefined).flatMap((batch) => batch.rows));
    // With the learned reading beside the rules: 94.3 % and 91.9 % today on the older rows and their English. These rows
    // are read by a model trained on them, so the figure follows how the model is pruned: 94.7 % with tokens in ≥ 4 rows,
    // 94.4 % with ≥ 5 (eighth round), 94.3 % with the 750 most informative (ninth round: ~1.6 KB smaller, and better by
    // cross-validation; the row it no longer fills is an English balance row only a model trained on it filled).
    // Unknown outcomes 99.1 % since the model also learns the ninth round's rows: cross-validation raises the odds it
    // needs to add the status check (7 → 10), and one hypothetical-worded receipt-vs-record row is no longer flagged.
    expectAtFloor(
      tunedRows.filter((row) => !later.has(row)),
      { category: 94.3, english: 91.9, chinese: 98, unknownRecall: 99, falseAlarms: 5, offTopicRejected: 90 },
    );
  });

  it.each(batches.filter((batch) => batch.floor !== undefined))('keeps $name at their floor', ({ rows, floor }) => {
    if (floor) expectAtFloor(rows, floor);
  });
});
