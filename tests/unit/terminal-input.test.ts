import { describe, expect, it } from 'vitest';
import { readTerminalInput } from '../../src/domain/lookup/terminal-input.ts';

describe('reading what the home search box was given', () => {
  it('opens a step when support reads out its short code', () => {
    expect(readTerminalInput('n2')).toEqual({ kind: 'stepCode', step: 'network.fix' });
    expect(readTerminalInput(' E5 ')).toEqual({ kind: 'stepCode', step: 'done.acquirer' });
  });

  it('treats two-character response codes as codes, not step codes', () => {
    expect(readTerminalInput('A0')).toMatchObject({ kind: 'match', match: { code: 'A0' } });
    expect(readTerminalInput('51')).toMatchObject({ kind: 'match', match: { code: '51', step: 'balance.fix' } });
  });

  it('says 00 is success, other systems are not covered, and when nothing matched', () => {
    expect(readTerminalInput('00')).toEqual({ kind: 'success' });
    expect(readTerminalInput('错误码 1001')).toEqual({ kind: 'otherSystem' });
    expect(readTerminalInput('今天天气不错')).toEqual({ kind: 'none' });
  });
});
