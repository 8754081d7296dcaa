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

  it('reads a two-character code it does not know as the POS company\'s own code, not as "not found"', () => {
    // Domain README §4: acquirers print their own letter codes (E1, T2, K1, H1…); two digits UnionPay never defined too.
    for (const [typed, code] of [
      ['E1', 'E1'],
      ['t2', 'T2'],
      ['应答码K1', 'K1'],
      ['屏幕显示 H1', 'H1'],
      ['code E5', 'E5'],
      ['ｅ１', 'E1'],
      ['错误码 08', '08'],
      ['16', '16'],
      ['小票上 应答码:80 交易', '80'],
    ] as const) {
      expect(readTerminalInput(typed), typed).toEqual({ kind: 'privateCode', code });
    }
  });

  it('keeps the private-code reading for codes it does not know: a known code, approval, step code or number is not one', () => {
    expect(readTerminalInput('Z3')).toMatchObject({ kind: 'match', match: { code: 'Z3' } });
    expect(readTerminalInput('C1')).toMatchObject({ kind: 'match', match: { code: 'C1' } });
    expect(readTerminalInput('78')).toMatchObject({ kind: 'match', match: { code: '78' } });
    expect(readTerminalInput('Y1')).toMatchObject({ kind: 'match', match: { code: 'Y1', step: 'done.paid' } });
    expect(readTerminalInput('00')).toEqual({ kind: 'success' });
    // A step code has a hyphen: never a response code, private or not.
    for (const step of stepIds) expect(readTerminalInput(stepInfo(step).code), step).toEqual({ kind: 'none' });
    // A bare number inside a sentence, an amount, or a long code is not a two-character code.
    expect(readTerminalInput('等了30多分钟也没反应的那台')).not.toMatchObject({ kind: 'privateCode' });
    expect(readTerminalInput('收了80元')).not.toMatchObject({ kind: 'privateCode' });
    expect(readTerminalInput('错误码 1001')).toEqual({ kind: 'otherSystem' });
    // Known words beside an unknown code still choose the branch: the text next to the code is the evidence.
    expect(readTerminalInput('应答码E1 通讯超时')).toMatchObject({ kind: 'match', match: { unknownOutcome: true } });
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
