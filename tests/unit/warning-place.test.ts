import { describe, expect, it } from 'vitest';
import { stepIds, stepInfo, type StepId } from '../../src/domain/diagnosis/steps.ts';
import { warningBeside, warningIndex } from '../../src/ui/warning-place.ts';
import { contentByLocale, lookup } from '../support/content.ts';

const listOf = (locale: string, step: StepId): unknown =>
  lookup(contentByLocale[locale]?.steps, `${step}.${stepInfo(step).kind === 'outcome' ? 'remedy' : 'steps'}`);

describe('where a warning sits', () => {
  it('names, for each step listed, a numbered step that exists in every language and a warning to put there', () => {
    for (const [step, at] of Object.entries(warningBeside) as Array<[StepId, number]>) {
      expect(stepIds, `${step} is a step`).toContain(step);
      for (const locale of Object.keys(contentByLocale)) {
        const list = listOf(locale, step);
        expect(Array.isArray(list) && list.length >= at, `${locale} ${step} has a step ${at}`).toBe(true);
        expect(lookup(contentByLocale[locale]?.steps, `${step}.warning`), `${locale} ${step} has a warning`).toEqual(
          expect.any(String),
        );
      }
    }
  });

  it('puts a warning beside the last step unless told otherwise, and never outside the list', () => {
    expect(warningIndex('done.acquirer', 4)).toBe(3);
    expect(warningIndex('network.fix', 6)).toBe(3);
    // A shorter list after an edit: the warning still shows, beside its last step.
    expect(warningIndex('network.fix', 2)).toBe(1);
  });
});
