import { describe, expect, it } from 'vitest';
import { categories } from '../../src/domain/lookup/categories.ts';
import { findResponseCode } from '../../src/domain/lookup/response-codes.ts';
import { thirdHeldOutRows } from '../corpus/field-corpus.ts';
import { thirdLabels } from '../corpus/third-agreement.ts';

describe('the third held-out set labelled blind', () => {
  // A row added, reworded or removed in the set must not leave a label with no row, or a row with no label.
  it('has a second label for exactly the set rows, once each, in the set order', () => {
    expect(thirdLabels).toHaveLength(thirdHeldOutRows.length);
    expect(thirdLabels.map((label) => label.text)).toEqual(thirdHeldOutRows.map((row) => row.text));
  });

  it('labels each text as the corpus does: a known category or off-topic, a code of that category', () => {
    for (const label of thirdLabels) {
      if (label.category === null) {
        expect(label.code, label.text).toBeNull();
        expect(label.unknownOutcome, label.text).toBe(false);
        continue;
      }
      expect(categories, label.text).toContain(label.category);
      if (label.code !== null) expect(findResponseCode(label.code)?.category, label.text).toBe(label.category);
    }
  });
});
