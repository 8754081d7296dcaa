import { describe, expect, it } from 'vitest';
import { expectWellFormedLabel } from '../support/labels.ts';
import {
  addedChineseRows,
  addedTrainingRows,
  freshHeldOutRows,
  heldOutRows,
  thirdHeldOutRows,
  tunedRows,
} from '../corpus/field-corpus.ts';
import {
  blindLabels,
  compareLabels,
  drawSample,
  populationChineseRows,
  populationTrainingRows,
  sampleBeforeFixes,
  samplePopulation,
  sampleSize,
  verdictsOf,
} from '../corpus/label-agreement.ts';

describe('the label agreement sample', () => {
  // A row reworded, moved or removed inside the population must not silently leave a label with no row to match.
  it('has a second label for exactly the drawn sample, once each, in the drawn order', () => {
    const sample = drawSample();
    expect(sample).toHaveLength(sampleSize);
    expect(blindLabels.map((label) => label.text)).toEqual(sample.map((row) => row.text));
  });

  it('is drawn from the tuned rows only, never from a held-out set', () => {
    const tuned = new Set(tunedRows.map((row) => row.text));
    const heldOut = new Set([...heldOutRows, ...freshHeldOutRows, ...thirdHeldOutRows].map((row) => row.text));
    for (const row of drawSample()) {
      expect(tuned.has(row.text), row.text).toBe(true);
      expect(heldOut.has(row.text), row.text).toBe(false);
    }
  });

  // Rows other rounds append to the training files stay out of the population, so they never move the sample.
  it('draws from the training files as they were, whatever rows are appended to them later', () => {
    expect(addedTrainingRows.length).toBeGreaterThanOrEqual(populationTrainingRows);
    expect(addedChineseRows.length).toBeGreaterThanOrEqual(populationChineseRows);
    const population = new Set(samplePopulation.map((row) => row.text));
    const later = [
      ...addedTrainingRows.slice(populationTrainingRows),
      ...addedChineseRows.slice(populationChineseRows),
    ];
    for (const row of later) expect(population.has(row.text), row.text).toBe(false);
  });

  it('labels each text as the corpus does: a known category or off-topic, a code of that category', () => {
    for (const label of blindLabels) expectWellFormedLabel(label);
  });

  // Verdicts: (a) both readings defensible, (b) corpus wrong and fixed in its training file, (c) blind label wrong.
  it('gives every disagreement left a verdict, and none of them says the corpus is wrong without the fix', () => {
    for (const disagreement of compareLabels().disagreements) {
      expect(['a', 'c'], `${disagreement.field}: ${disagreement.text}`).toContain(disagreement.verdict);
    }
  });

  it('finds every fix a "(b)" verdict records in the corpus: the blind label and the corpus now agree there', () => {
    const byText = new Map(drawSample().map((row) => [row.text, row]));
    const fixed = blindLabels.filter((label) => Object.values(verdictsOf(label.note)).includes('b'));
    expect(fixed.length).toBeGreaterThan(0);
    for (const label of fixed) {
      const row = byText.get(label.text);
      const verdicts = verdictsOf(label.note);
      if (verdicts.category === 'b') expect(row?.category, label.text).toBe(label.category);
      if (verdicts.unknown === 'b') expect(row?.unknownOutcome, label.text).toBe(label.unknownOutcome);
      if (verdicts.code === 'b') expect(row?.code, label.text).toBe(label.code);
    }
    // Restoring what the fixes replaced gives back the disagreements as first measured.
    const first = compareLabels(sampleBeforeFixes()).disagreements;
    const fixedFields = fixed.flatMap((label) => Object.values(verdictsOf(label.note)).filter((v) => v === 'b'));
    expect(first.length).toBe(compareLabels().disagreements.length + fixedFields.length);
  });
});
