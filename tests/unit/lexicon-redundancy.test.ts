import { describe, expect, it } from 'vitest';
import { redundantPatterns } from '../corpus/redundant-patterns.ts';

describe('the lexicon and the screen messages', () => {
  // Every byte of the lookup's chunk is budgeted: a pattern the folding already reads as another one costs bytes
  // and time and changes no answer (tests/corpus/redundant-patterns.ts says which and why).
  it('hold no pattern that folds to another of its concept or list, or that a shorter one of an any-of list finds', () => {
    expect(redundantPatterns()).toEqual([]);
  });
});
