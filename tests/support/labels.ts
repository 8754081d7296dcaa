/** What every label in the corpus tools holds to, first or second labelling alike. */
import { expect } from 'vitest';
import { categories, type Category } from '../../src/domain/lookup/categories.ts';
import { findResponseCode } from '../../src/domain/lookup/response-codes.ts';

export interface Label {
  readonly text: string;
  readonly category: Category | null;
  readonly code: string | null;
  readonly unknownOutcome: boolean;
}

/** A known category and a code of that category, or null: off-topic, with no code and no unknown outcome. */
export function expectWellFormedLabel(label: Label) {
  if (label.category === null) {
    expect(label.code, label.text).toBeNull();
    expect(label.unknownOutcome, label.text).toBe(false);
    return;
  }
  expect(categories, label.text).toContain(label.category);
  if (label.code !== null) expect(findResponseCode(label.code)?.category, label.text).toBe(label.category);
}
