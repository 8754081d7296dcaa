import { describe, expect, it } from 'vitest';
import { expectWellFormedLabel } from '../support/labels.ts';
import { categories } from '../../src/domain/lookup/categories.ts';
import { matchSymptom } from '../../src/domain/lookup/symptoms.ts';
import {
  addedChineseRows,
  addedEnglishRows,
  addedTrainingRows,
  fieldPhrasings,
  fourthHeldOutRows,
  freshHeldOutRows,
  heldOutRows,
  ninthRoundMixedRows,
  roundNineHeldOutRows,
  ninthRoundChineseRows,
  ninthRoundChineseStart,
  ninthRoundEnglishRows,
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

describe('the field corpus', () => {
  it('holds at least 400 real phrasings from at least 15 public sources, each fully labelled', () => {
    expect(fieldPhrasings.length).toBeGreaterThanOrEqual(400);
    expect(new Set(fieldPhrasings.map(sourceOf)).size).toBeGreaterThanOrEqual(15);
    expectLabelled(fieldPhrasings);
  });

  // The second held-out set is independent of the first: no row and no page of it is in the field corpus.
  it('has a second held-out set from other pages, labelled the same way', () => {
    expect(freshHeldOutRows.length).toBeGreaterThanOrEqual(150);
    expect(new Set(freshHeldOutRows.map(sourceOf)).size).toBeGreaterThanOrEqual(50);
    expectLabelled(freshHeldOutRows);
    expectApart(freshHeldOutRows, fieldPhrasings);
    expect(freshHeldOutRows.some((row) => row.category === null)).toBe(true);
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

  // The third held-out set shares no row and no page with the field corpus or the second held-out set.
  it('has a third held-out set from still other pages, labelled the same way', () => {
    expect(thirdHeldOutRows.length).toBeGreaterThanOrEqual(120);
    expect(new Set(thirdHeldOutRows.map(sourceOf)).size).toBeGreaterThanOrEqual(50);
    expectLabelled(thirdHeldOutRows);
    expectApart(thirdHeldOutRows, [...fieldPhrasings, ...freshHeldOutRows]);
    expect(thirdHeldOutRows.some((row) => row.category === null)).toBe(true);
    expect(thirdHeldOutRows.some((row) => row.unknownOutcome)).toBe(true);
  });

  // The fourth held-out set, committed before the lookup was changed again, shares no row and no page with any other
  // corpus file, tuned or held out: nothing of it reaches training, nothing of it was read while tuning.
  it('has a fourth held-out set from pages in no other corpus file, zh-Hant included, labelled the same way', () => {
    expect(fourthHeldOutRows.length).toBeGreaterThanOrEqual(130);
    expect(new Set(fourthHeldOutRows.map((row) => row.source)).size).toBeGreaterThanOrEqual(60);
    expectLabelled(fourthHeldOutRows);
    expectApart(fourthHeldOutRows, [
      ...fieldPhrasings,
      ...freshHeldOutRows,
      ...thirdHeldOutRows,
      ...addedTrainingRows,
      ...addedChineseRows,
      ...ninthRoundMixedRows,
    ]);
    expect(fourthHeldOutRows.filter((row) => row.lang === 'en').length).toBeGreaterThanOrEqual(50);
    expect(fourthHeldOutRows.filter((row) => row.lang === 'zh-Hant').length).toBeGreaterThanOrEqual(25);
    for (const kind of [(row: FieldPhrasing) => row.category === null, (row: FieldPhrasing) => row.unknownOutcome])
      expect(fourthHeldOutRows.some(kind)).toBe(true);
  });

  // The round-nine held-out set, committed before round nine changed the lookup, shares no row and no page with any
  // other corpus file, tuned or held out (the fourth included): nothing of it reaches training or was read while tuning.
  it('has a round-nine held-out set from pages in no other corpus file, zh-Hant included, labelled the same way', () => {
    expect(roundNineHeldOutRows.length).toBeGreaterThanOrEqual(140);
    expect(new Set(roundNineHeldOutRows.map((row) => row.source)).size).toBeGreaterThanOrEqual(70);
    expectLabelled(roundNineHeldOutRows);
    expectApart(roundNineHeldOutRows, [
      ...fieldPhrasings,
      ...freshHeldOutRows,
      ...thirdHeldOutRows,
      ...fourthHeldOutRows,
      ...addedTrainingRows,
      ...addedChineseRows,
      ...ninthRoundMixedRows,
    ]);
    expect(roundNineHeldOutRows.filter((row) => row.lang === 'en').length).toBeGreaterThanOrEqual(50);
    expect(roundNineHeldOutRows.filter((row) => row.lang === 'zh-Hant').length).toBeGreaterThanOrEqual(25);
    for (const kind of [(row: FieldPhrasing) => row.category === null, (row: FieldPhrasing) => row.unknownOutcome])
      expect(roundNineHeldOutRows.some(kind)).toBe(true);
  });

  // Tuning on a page's rows would leak that page into whatever the held-out sets say about it.
  it('takes its training rows from pages in none of the field corpus and the four later held-out sets', () => {
    expectLabelled(addedTrainingRows);
    expectApart(addedTrainingRows, [
      ...fieldPhrasings,
      ...freshHeldOutRows,
      ...thirdHeldOutRows,
      ...fourthHeldOutRows,
      ...roundNineHeldOutRows,
    ]);
  });

  // The Chinese batch follows the same rule, and shares no page or row with the first batch of training rows either.
  it('takes its Chinese training rows from pages in no other corpus file, zh-Hant included', () => {
    expect(addedChineseRows.length).toBeGreaterThanOrEqual(150);
    expect(new Set(addedChineseRows.map(sourceOf)).size).toBeGreaterThanOrEqual(50);
    expectLabelled(addedChineseRows);
    expect(addedChineseRows.every((row) => row.lang === 'zh' || row.lang === 'zh-Hant')).toBe(true);
    expect(addedChineseRows.filter((row) => row.lang === 'zh-Hant').length).toBeGreaterThanOrEqual(30);
    expectApart(addedChineseRows, [
      ...fieldPhrasings,
      ...freshHeldOutRows,
      ...thirdHeldOutRows,
      ...fourthHeldOutRows,
      ...roundNineHeldOutRows,
      ...addedTrainingRows,
    ]);
    for (const kind of [(row: FieldPhrasing) => row.category === null, (row: FieldPhrasing) => row.unknownOutcome])
      expect(addedChineseRows.some(kind)).toBe(true);
  });

  // The ninth round's Chinese batch: pages no earlier Chinese row uses, zh-Hant from Hong Kong, Taiwan and Macau among them.
  it('takes its ninth-round Chinese rows from pages no earlier row uses', () => {
    expect(ninthRoundChineseRows.length).toBeGreaterThanOrEqual(120);
    expect(new Set(ninthRoundChineseRows.map((row) => row.source)).size).toBeGreaterThanOrEqual(40);
    expect(ninthRoundChineseRows.filter((row) => row.lang === 'zh-Hant').length).toBeGreaterThanOrEqual(40);
    expectApart(ninthRoundChineseRows, addedChineseRows.slice(0, ninthRoundChineseStart));
    for (const kind of [(row: FieldPhrasing) => row.category === null, (row: FieldPhrasing) => row.unknownOutcome])
      expect(ninthRoundChineseRows.some(kind)).toBe(true);
  });

  // The eighth round's English batch: pages in no other corpus file and in no earlier training row, English only.
  it('takes its eighth-round English rows from pages no earlier row uses', () => {
    expect(addedEnglishRows.length).toBeGreaterThanOrEqual(120);
    expect(new Set(addedEnglishRows.map((row) => row.source)).size).toBeGreaterThanOrEqual(40);
    expect(addedEnglishRows.every((row) => row.lang === 'en')).toBe(true);
    const batch = new Set(addedEnglishRows);
    expectApart(addedEnglishRows, [
      ...fieldPhrasings,
      ...freshHeldOutRows,
      ...thirdHeldOutRows,
      ...addedTrainingRows.filter((row) => !batch.has(row)),
      ...addedChineseRows,
    ]);
    for (const kind of [(row: FieldPhrasing) => row.category === null, (row: FieldPhrasing) => row.unknownOutcome])
      expect(addedEnglishRows.some(kind)).toBe(true);
  });

  // The ninth round's English batch the same way: pages in no other corpus file and in no earlier row.
  it('takes its ninth-round English rows from pages no earlier row uses', () => {
    expect(ninthRoundEnglishRows.length).toBeGreaterThanOrEqual(120);
    expect(new Set(ninthRoundEnglishRows.map((row) => row.source)).size).toBeGreaterThanOrEqual(40);
    expect(ninthRoundEnglishRows.every((row) => row.lang === 'en')).toBe(true);
    expectLabelled(ninthRoundEnglishRows);
    const batch = new Set(ninthRoundEnglishRows);
    expectApart(ninthRoundEnglishRows, [
      ...fieldPhrasings,
      ...freshHeldOutRows,
      ...thirdHeldOutRows,
      ...fourthHeldOutRows,
      ...roundNineHeldOutRows,
      ...addedTrainingRows.filter((row) => !batch.has(row)),
      ...addedChineseRows,
      ...ninthRoundMixedRows,
    ]);
    for (const kind of [(row: FieldPhrasing) => row.category === null, (row: FieldPhrasing) => row.unknownOutcome])
      expect(ninthRoundEnglishRows.some(kind)).toBe(true);
  });

  // The ninth round's batch: pages in no other corpus file and in no earlier training row, both languages, zh-Hant too.
  it('takes its ninth-round rows from pages no other corpus row uses, off-topic text and clear outcomes included', () => {
    expect(ninthRoundMixedRows.length).toBeGreaterThanOrEqual(100);
    expect(new Set(ninthRoundMixedRows.map((row) => row.source)).size).toBeGreaterThanOrEqual(40);
    expectLabelled(ninthRoundMixedRows);
    expectApart(ninthRoundMixedRows, [
      ...fieldPhrasings,
      ...freshHeldOutRows,
      ...thirdHeldOutRows,
      ...fourthHeldOutRows,
      ...roundNineHeldOutRows,
      ...addedTrainingRows,
      ...addedChineseRows,
    ]);
    for (const lang of ['en', 'zh', 'zh-Hant'] as const)
      expect(ninthRoundMixedRows.some((row) => row.lang === lang)).toBe(true);
    const kinds = [
      (row: FieldPhrasing) => row.category === null,
      (row: FieldPhrasing) => row.category !== null && row.unknownOutcome,
      (row: FieldPhrasing) => row.category !== null && !row.unknownOutcome,
    ];
    for (const kind of kinds) expect(ninthRoundMixedRows.filter(kind).length).toBeGreaterThanOrEqual(10);
  });

  // A floor on the tuned four fifths only: the held-out fifth is reported by `npm run bench`, never asserted.
  it('keeps the tuned part at its floor', () => {
    // The later batches have floors of their own (below), as they were scored unseen before anything was tuned on them.
    const later = new Set([...addedChineseRows, ...addedEnglishRows, ...ninthRoundEnglishRows, ...ninthRoundMixedRows]);
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

  // The eighth round's English rows were scored unseen before training (category 71.6 %, unknown outcomes 75 %, false
  // alarms 7.3 %, off-topic unmatched 53.8 %); with their gaps in the rules as capabilities and the model retrained,
  // 84.3 %, 90 %, 4.9 % and 76.9 %. A floor against losing that, not a target.
  // 83.3 % since the model is pruned to tokens in ≥ 5 rows to fit the byte budget (one row the ≥ 4 model filled);
  // 85.3 % with the ninth round's rules (its signature concept).
  it('keeps the eighth-round English rows at their floor', () => {
    expectAtFloor(addedEnglishRows, { english: 85, unknownRecall: 90, falseAlarms: 5, offTopicRejected: 76 });
  });

  // The ninth round's English rows were scored unseen before any change (category 68.4 %, unknown outcomes 64 %, false
  // alarms 5.7 %, off-topic unmatched 44.8 %); with their gaps in the rules as capabilities and the model retrained,
  // 89.5 %, 96 %, 1.4 % and 51.7 %. A floor against losing that, not a target.
  it('keeps the ninth-round English rows at their floor', () => {
    // Unknown outcomes 92 % once the model learns this round's other rows too (its status-check odds 7 → 10).
    // Off-topic unmatched 51.7 → 75.9 % with the learned off-topic veto (README, the time split).
    expectAtFloor(ninthRoundEnglishRows, { english: 89, unknownRecall: 92, falseAlarms: 2, offTopicRejected: 75 });
  });

  // The Chinese rows were scored unseen before training (category 65.8 %, unknown outcomes 61.3 %, off-topic
  // unmatched 61.5 %); trained on, 68.3 %, 61.3 % and 64.1 %; with their gaps in the rules as capabilities (issue 15,
  // seventh round) 95.0 %, 100 % and 84.6 %. The second batch (124 rows, 67 zh-Hant) read 64.9 %, 58.3 % and 46.7 %
  // unseen; with its gaps closed as capabilities (eighth round) all 283 rows read 95.3 %, 100 % and 84.1 %.
  // A floor against losing that, not a target (94.9 % with the model pruned to fit the bytes: tokens in ≥ 5 rows, now
  // the 750 most informative).
  it('keeps the Chinese training rows at their floor', () => {
    expectAtFloor(addedChineseRows.slice(0, ninthRoundChineseStart), {
      chinese: 94.5,
      unknownRecall: 100,
      falseAlarms: 2,
      offTopicRejected: 84,
    });
  });

  // The ninth round's Chinese rows read 60.9 % unseen (zh-Hant 32.0 %), unknown outcomes 76 % at 3.2 % false alarms,
  // off-topic unmatched 54.5 % (as labelled now; 73.9 % and 6.3 % before two printer rows were relabelled); with their
  // gaps closed as capabilities and the model retrained, 73.6 % (zh-Hant 56.0 %), 92 %, 3.2 % and 60.6 %.
  // A floor against losing that, not a target.
  it('keeps the ninth-round Chinese rows at their floor', () => {
    // Off-topic unmatched 60.6 → 69.7 % with the learned off-topic veto.
    expectAtFloor(ninthRoundChineseRows, { chinese: 73.5, unknownRecall: 91, falseAlarms: 3.5, offTopicRejected: 69 });
  });

  // The ninth round's rows were scored unseen before anything was tuned on them (category 70.8 %, unknown outcomes
  // 75 %, false alarms 6.3 %, off-topic unmatched 43.4 %); with their gaps closed as capabilities (business questions
  // that match nothing, a failure to avoid read as advice, a refusal during the sale kept clear, a pending status left
  // open) and the model retrained, 70.8 %, 81.3 %, 3.1 % and 75.5 %. A floor against losing that, not a target.
  it('keeps the ninth-round rows at their floor', () => {
    // The learned off-topic veto: off-topic unmatched 75.5 → 77.4 %, one on-topic how-to row (a swipe-or-insert
    // instruction read as a reading fault) set aside, 70.8 → 68.8 %; chosen on the time split, not on these rows.
    expectAtFloor(ninthRoundMixedRows, { category: 68.5, unknownRecall: 81, falseAlarms: 4, offTopicRejected: 77 });
  });
});
