/**
 * The learned reading tried beside the lookup (tests/corpus/train-classifier.ts; measured by the bench, not shipped):
 * it learns only from tuned rows, trains the same way every time, and beside the rules it never touches a code or a
 * screen message, never makes a code, and leaves hostile input unmatched.
 */
import { describe, expect, it } from 'vitest';
import { freshHeldOutRows, heldOutRows, thirdHeldOutRows } from '../corpus/field-corpus.ts';
import { loadClassifier } from '../corpus/learned-classifier.ts';
import { learnedFrom, learnedLookup, trainModel } from '../corpus/train-classifier.ts';
import { matchSymptom } from '../../src/domain/lookup/symptoms.ts';

const model = trainModel();
const lookup = learnedLookup(loadClassifier(model));

describe('the learned reading', () => {
  it('learns from no held-out row and trains the same model twice', () => {
    const heldOut = new Set([...heldOutRows, ...freshHeldOutRows, ...thirdHeldOutRows].map((row) => row.text));
    expect(learnedFrom.filter((row) => heldOut.has(row.text))).toEqual([]);
    expect(learnedFrom.length).toBeGreaterThan(600);
    expect(JSON.stringify(trainModel())).toBe(JSON.stringify(model));
    // Cross-validation chose thresholds (99 would mean "never").
    expect(model.fillOdds).toBeLessThan(99);
    expect(model.unknownOdds).toBeLessThan(99);
  });

  it('keeps every code and screen message the rules read, and makes no code of its own', () => {
    for (const text of ['应答码51', '显示55 请插卡', '多卡冲突', 'DECLINED 05 DO NOT HONOUR', '余额不足', '请插卡']) {
      const rules = matchSymptom(text);
      const both = lookup(text);
      if (rules?.via !== 'words') expect(both).toEqual(rules);
      expect(both?.code ?? null).toBe(rules?.code ?? null);
    }
  });

  it('leaves hostile input unmatched: markup, a 100 KB paste, card numbers, random Unicode', () => {
    const hostile = [
      '<script>alert(1)</script><img src=x onerror=alert(1)>',
      'x'.repeat(100_000),
      '6222 0212 3456 7890 123',
      '４１１１１１１１１１１１１１１１',
      '\u202e\u200b\ud83d\ude00\u0000ꙮ𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
      '的的的的的的的的的的的的',
    ];
    for (const text of hostile) expect(lookup(text), text.slice(0, 20)).toBeNull();
  });
});
