import { describe, expect, it } from 'vitest';
import { stepIds, stepInfo } from '../../src/domain/diagnosis/steps.ts';
import { readTerminalInput } from '../../src/domain/lookup/terminal-input.ts';

describe('reading what the home search box was given', () => {
  it('never opens a step by its code, whatever the shape (S8: only the support-code box does)', () => {
    for (const step of stepIds) {
      const { code } = stepInfo(step);
      for (const typed of [code, code.replace('-', ''), code.toLowerCase()]) {
        const input = readTerminalInput(typed);
        expect(input.kind, typed).not.toBe('stepCode');
        if (input.kind === 'match') expect(stepInfo(input.match.step).kind, typed).not.toBe('outcome');
      }
    }
  });

  it("reads acquirers' private codes that look like old step codes as no step (E2 is a timeout on some terminals)", () => {
    for (const typed of ['E1', 'E2', 'E4', 'E5', 'E9', 'N1', 'K1', 'T2', 'H1', 'B1', 'D1', 'D9']) {
      const input = readTerminalInput(typed);
      if (input.kind === 'match') expect(stepInfo(input.match.step).kind, typed).not.toBe('outcome');
    }
  });

  it('treats two-character response codes as codes', () => {
    expect(readTerminalInput('A0')).toMatchObject({ kind: 'match', match: { code: 'A0' } });
    expect(readTerminalInput('51')).toMatchObject({ kind: 'match', match: { code: '51', step: 'balance.fix' } });
  });

  it('opens the advice of an approval that is not a plain success: 10 partial, Y1/Y3 approved offline (S10)', () => {
    expect(readTerminalInput('10')).toMatchObject({ kind: 'match', match: { code: '10', step: 'done.partial' } });
    expect(readTerminalInput('应答码Y1')).toMatchObject({ kind: 'match', match: { code: 'Y1', step: 'done.paid' } });
    expect(readTerminalInput('Y3')).toMatchObject({ kind: 'match', match: { code: 'Y3', step: 'done.paid' } });
  });

  it('says 00 is success, other systems are not covered, and when nothing matched', () => {
    expect(readTerminalInput('00')).toEqual({ kind: 'success' });
    expect(readTerminalInput('错误码 1001')).toEqual({ kind: 'otherSystem' });
    expect(readTerminalInput('今天天气不错')).toEqual({ kind: 'none' });
  });
});
