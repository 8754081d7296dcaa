import { describe, expect, it } from 'vitest';
import { categories } from '../../src/domain/lookup/categories.ts';
import { findResponseCode } from '../../src/domain/lookup/response-codes.ts';
import { matchSymptom } from '../../src/domain/lookup/symptoms.ts';
import {
  addedChineseRows,
  addedTrainingRows,
  fieldPhrasings,
  freshHeldOutRows,
  heldOutRows,
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
    if (row.category === null) {
      expect(row.code, row.text).toBeNull();
      expect(row.unknownOutcome, row.text).toBe(false);
      continue;
    }
    expect(categories, row.text).toContain(row.category);
    if (row.code !== null) expect(findResponseCode(row.code)?.category, row.text).toBe(row.category);
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
      fieldPhrasings.length + addedTrainingRows.length + addedChineseRows.length,
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

  // Tuning on a page's rows would leak that page into whatever the held-out sets say about it.
  it('takes its training rows from pages in none of the field corpus and the two later held-out sets', () => {
    expectLabelled(addedTrainingRows);
    expectApart(addedTrainingRows, [...fieldPhrasings, ...freshHeldOutRows, ...thirdHeldOutRows]);
  });

  // The Chinese batch follows the same rule, and shares no page or row with the first batch of training rows either.
  it('takes its Chinese training rows from pages in no other corpus file, zh-Hant included', () => {
    expect(addedChineseRows.length).toBeGreaterThanOrEqual(150);
    expect(new Set(addedChineseRows.map(sourceOf)).size).toBeGreaterThanOrEqual(50);
    expectLabelled(addedChineseRows);
    expect(addedChineseRows.every((row) => row.lang === 'zh' || row.lang === 'zh-Hant')).toBe(true);
    expect(addedChineseRows.filter((row) => row.lang === 'zh-Hant').length).toBeGreaterThanOrEqual(30);
    expectApart(addedChineseRows, [...fieldPhrasings, ...freshHeldOutRows, ...thirdHeldOutRows, ...addedTrainingRows]);
    for (const kind of [(row: FieldPhrasing) => row.category === null, (row: FieldPhrasing) => row.unknownOutcome])
      expect(addedChineseRows.some(kind)).toBe(true);
  });

  // A floor on the tuned four fifths only: the held-out fifth is reported by `npm run bench`, never asserted.
  it('keeps the tuned part at its floor', () => {
    const chinese = new Set(addedChineseRows);
    const score = scoreCorpus(
      matchSymptom,
      tunedRows.filter((row) => !chinese.has(row)),
    );
    // With the learned reading beside the rules: 94.6 % and 92.4 % today on the English and older rows (151 harder
    // English rows were added; the model that fits the byte budget since the Chinese rows arrived is pruned harder).
    expect(score.category).toBeGreaterThanOrEqual(94.5);
    expect(score.english).toBeGreaterThanOrEqual(92);
    expect(score.chinese).toBeGreaterThanOrEqual(98);
    expect(score.code).toBe(100);
    expect(score.spuriousCodes).toBe(0);
    expect(score.unknownRecall).toBe(100);
    expect(score.falseAlarms).toBeLessThanOrEqual(5);
    expect(score.offTopicRejected).toBeGreaterThanOrEqual(90);
  });

  // The Chinese rows were scored unseen before training (category 65.8 %, unknown outcomes 61.3 %, off-topic
  // unmatched 61.5 %); trained on, 68.3 %, 61.3 % and 64.1 %; with their gaps in the rules as capabilities (issue 15,
  // seventh round) 95.0 %, 100 % and 84.6 %. A floor against losing that, not a target.
  it('keeps the Chinese training rows at their floor', () => {
    const score = scoreCorpus(matchSymptom, addedChineseRows);
    expect(score.chinese).toBeGreaterThanOrEqual(95);
    expect(score.code).toBe(100);
    expect(score.spuriousCodes).toBe(0);
    expect(score.unknownRecall).toBe(100);
    expect(score.falseAlarms).toBeLessThanOrEqual(2);
    expect(score.offTopicRejected).toBeGreaterThanOrEqual(84);
  });
});
