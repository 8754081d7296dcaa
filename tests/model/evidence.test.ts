// The evidence question (scope.cards): what the POS screen shows opens its branch at once, through the same tables
// as the home search, and the safety rules still hold around it (a possible charge is checked first, once).
import { describe, expect, it } from 'vitest';
import { currentStep, type DiagnosisEvent } from '../../src/domain/diagnosis/diagnosis.machine.ts';
import { stepIds, stepInfo } from '../../src/domain/diagnosis/steps.ts';
import { readKeyedCode } from '../../src/domain/lookup/code-evidence.ts';
import { messageMatch } from '../../src/domain/lookup/screen-messages.ts';
import type { SymptomMatch } from '../../src/domain/lookup/symptom-match.ts';
import { replay, sendAll } from '../support/replay.ts';

const keyed = (code: string): SymptomMatch => {
  const read = readKeyedCode(code);
  if (read.kind !== 'match') throw new Error(`${code}: ${read.kind}`);
  return read.match;
};
const shown = (match: SymptomMatch): DiagnosisEvent => ({ type: 'evidence.shown', step: 'scope.cards', match });
const toEvidence = [{ type: 'diagnosis.start' }, { type: 'answer.declined' }] as const;
const step = (actor: ReturnType<typeof replay>) => currentStep(actor.getSnapshot());

describe('the evidence question', () => {
  it('is the step after a clear failure, and only it takes evidence', () => {
    expect(step(replay(toEvidence))).toBe('scope.cards');
    expect(stepIds.filter((id) => stepInfo(id).asksEvidence === true)).toEqual(['scope.cards']);
    // Evidence sent for another step, or on another step, changes nothing.
    const actor = replay([{ type: 'diagnosis.start' }]);
    const before = actor.getSnapshot().context;
    actor.send(shown(keyed('51')));
    expect(step(actor)).toBe('gate.charged');
    expect(actor.getSnapshot().context).toEqual(before);
  });

  it('opens the step a keyed code names at once, with the evidence on the trail; Back returns and forgets it', () => {
    const actor = replay([...toEvidence, shown(keyed('51'))]);
    expect(step(actor)).toBe('balance.fix');
    expect(actor.getSnapshot().context.trail.at(-1)).toEqual({
      step: 'scope.cards',
      answer: null,
      evidence: { code: '51', message: null },
    });
    actor.send({ type: 'nav.back' });
    expect(step(actor)).toBe('scope.cards');
    expect(actor.getSnapshot().context.match).toBeNull();
  });

  it('counts a 55 from the screen as a wrong PIN', () => {
    const actor = replay([...toEvidence, shown(keyed('55'))]);
    expect(step(actor)).toBe('pin.retry');
    expect(actor.getSnapshot().context.pinWrong).toBe(1);
  });

  it('checks the last transaction first when the screen says the outcome may be unknown', () => {
    const actor = replay([...toEvidence, shown(messageMatch('commTimeout'))]);
    expect(step(actor)).toBe('safety.query');
    sendAll(actor, [{ type: 'answer.notFound' }, { type: 'answer.reversalOk' }]);
    expect(step(actor)).toBe('network.fix');
  });

  it('does not check twice: after the status check, a timeout on the screen opens its remedy', () => {
    const actor = replay([
      { type: 'diagnosis.start' },
      { type: 'answer.unknown' },
      { type: 'answer.notFound' },
      { type: 'answer.reversalOk' },
    ]);
    expect(step(actor)).toBe('scope.cards');
    const unclear = actor.getSnapshot().context.unclear;
    actor.send(shown(messageMatch('commTimeout')));
    expect(step(actor)).toBe('network.fix');
    expect(actor.getSnapshot().context.unclear).toBe(unclear);
  });

  it('reads approvals as the customer having paid, and an unknown two-character code as the POS company’s own', () => {
    expect(step(replay([...toEvidence, shown(keyed('00'))]))).toBe('done.paid');
    expect(step(replay([...toEvidence, shown(keyed('Y1'))]))).toBe('done.paid');
    expect(step(replay([...toEvidence, shown(keyed('10'))]))).toBe('done.partial');
    expect(readKeyedCode('Q7')).toEqual({ kind: 'privateCode', code: 'Q7' });
    expect(readKeyedCode('5')).toEqual({ kind: 'incomplete' });
    expect(readKeyedCode(' a0 ')).toMatchObject({ kind: 'match', match: { code: 'A0', unknownOutcome: true } });
  });

  it('opens the new causes from what the screen shows', () => {
    const opens = (match: SymptomMatch) => step(replay([...toEvidence, shown(match)]));
    expect(opens(keyed('61'))).toBe('limit.cardLimit');
    expect(opens(keyed('90'))).toBe('host.cutover');
    expect(opens(keyed('03'))).toBe('done.merchantRestricted');
    expect(opens(messageMatch('merchantRestricted'))).toBe('done.merchantRestricted');
    expect(opens(messageMatch('cardNotSupported'))).toBe('card.foreign');
    expect(opens(messageMatch('lowBattery'))).toBe('setup.power');
    // The printer may have printed nothing after the sale went through: the status check comes first.
    expect(opens(messageMatch('printerPaper'))).toBe('safety.query');
  });
});
