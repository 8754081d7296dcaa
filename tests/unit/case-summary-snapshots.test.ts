// The shared case summary, word for word, in every language with every field filled: a change to its wording or
// layout shows up as a snapshot diff for a reviewer to accept (`vitest -u`) or fix.
import { describe, expect, it } from 'vitest';
import { currentStep } from '../../src/domain/diagnosis/diagnosis.machine.ts';
import { buildCaseSummary } from '../../src/domain/case/case-summary.ts';
import { renderCaseSummary } from '../../src/ui/case-summary-text.ts';
import { replay, type Scripted } from '../support/replay.ts';
import { languages } from '../../src/i18n/languages.ts';
import { createI18n } from '../../src/i18n/setup.ts';
import { resources } from '../support/content.ts';

// Times print in the shop's zone; fix it so the snapshot does not depend on the machine running the test.
process.env.TZ = 'Asia/Shanghai';

const path: Scripted[] = [
  {
    type: 'symptom.matched',
    at: '2026-11-25T09:45:00.000Z',
    match: {
      category: 'balance_account',
      code: '51',
      message: null,
      step: 'balance.fix',
      unknownOutcome: false,
      via: 'code',
    },
  },
  { type: 'answer.continue' },
  { type: 'answer.notFixed' },
  { type: 'answer.ok' },
  { type: 'answer.none' },
  { type: 'answer.notFixed' },
  { type: 'answer.notFixed' },
];

const fields = {
  merchantId: '898310048161234',
  terminalId: '10293847',
  amount: '88.5',
  cardLast4: '7890',
  reference: '123456789012',
};

describe('the case summary as shared', () => {
  for (const language of languages) {
    it(`reads the same in ${language} with every field filled`, async () => {
      const actor = replay(path);
      const snapshot = actor.getSnapshot();
      const summary = buildCaseSummary({
        context: snapshot.context,
        currentStep: currentStep(snapshot),
        startedAt: '2026-11-25T09:45:00.000Z',
        endedAt: '2026-11-25T09:52:00.000Z',
        fields,
        appVersion: '0.1.0',
        contentVersion: 'c0ffee00',
      });
      const i18n = await createI18n({ language, resources });
      const text = renderCaseSummary(summary, (key, values) => String(i18n.t(key as never, values as never)));
      expect(currentStep(snapshot)).toBe('done.acquirer');
      expect(text).toMatchSnapshot();
    });
  }
});
