import { describe, expect, it } from 'vitest';
import { messageMatch, screenMessages } from '../../src/domain/lookup/screen-messages.ts';
import { topMessages } from '../../src/domain/lookup/top-messages.ts';
import type { SymptomMatch } from '../../src/domain/lookup/symptom-match.ts';
import { isSuccessCode, looksLikeOtherSystemCode, matchSymptom } from '../../src/domain/lookup/symptoms.ts';
import { symptomCases, type ExpectedMatch, type SymptomCase } from './symptom-cases.ts';

/** The fields the table pins down; `message` only where the row names one. */
function asExpected(match: SymptomMatch | null, expected: ExpectedMatch | null): ExpectedMatch | null {
  if (match === null) return null;
  const { category, code, step, unknownOutcome } = match;
  return {
    category,
    code,
    step,
    unknownOutcome,
    ...(expected?.message !== undefined ? { message: match.message } : {}),
  };
}

function matchesRow(row: SymptomCase): boolean {
  const got = asExpected(matchSymptom(row.input), row.expected);
  const want = row.expected;
  if (got === null || want === null) return got === want;
  const fields = ['category', 'code', 'step', 'unknownOutcome', 'message'] as const;
  return fields.every((field) => got[field] === want[field]);
}

const label = (input: string) => (input.length > 40 ? `${input.slice(0, 40)}… (${input.length} chars)` : input);

describe('matchSymptom, table-driven', () => {
  it('has at least 150 rows covering codes, screen messages, colloquial words and bad input', () => {
    const count = (kind: SymptomCase['kind']) => symptomCases.filter((row) => row.kind === kind).length;
    expect(symptomCases.length).toBeGreaterThanOrEqual(150);
    expect(count('code')).toBeGreaterThanOrEqual(65);
    expect(count('words')).toBeGreaterThanOrEqual(60);
    expect(count('bad')).toBeGreaterThanOrEqual(10);
  });

  for (const kind of ['code', 'message', 'words', 'bad'] as const) {
    describe(kind, () => {
      it.each(symptomCases.filter((row) => row.kind === kind).map((row) => [label(row.input), row] as const))(
        '%s',
        (_, row) => {
          expect(asExpected(matchSymptom(row.input), row.expected)).toEqual(row.expected);
        },
      );
    });
  }

  it('matches every row as pinned (a regression figure, not accuracy)', () => {
    const misses = symptomCases.filter((row) => !matchesRow(row)).map((row) => label(row.input));
    const count = (provenance: SymptomCase['provenance']) =>
      symptomCases.filter((row) => row.provenance === provenance).length;
    console.log(
      `symptom table (regression, not accuracy): ${symptomCases.length - misses.length}/${symptomCases.length} ` +
        `rows as pinned; ${count('data')} restate the code and message tables, ${count('tuning')} are the ` +
        `lexicon's tuning set, ${count('written')} are written by hand; no held-out rows`,
    );
    expect(misses).toEqual([]);
  });
});

describe('matchSymptom', () => {
  it('says how it matched, and names the screen message when one matched', () => {
    expect(matchSymptom('应答码51')).toMatchObject({ via: 'code', code: '51', message: null });
    expect(matchSymptom('多卡冲突')).toMatchObject({ via: 'message', code: null, message: 'multipleCards' });
    expect(matchSymptom('整个钱包按上去了')).toMatchObject({ via: 'words', code: null, message: null });
    expect(matchSymptom('应答码51 余额不足')).toMatchObject({ via: 'code', message: 'insufficientBalance' });
  });

  it('puts an explicit code before a screen message, and a screen message before words', () => {
    expect(matchSymptom('显示55 请插卡')?.code).toBe('55');
    expect(matchSymptom('手机挥了好几次，显示请插卡')?.message).toBe('insertCard');
  });

  it('lets a sign of an unknown outcome win over other words in the same sentence', () => {
    expect(matchSymptom('手机挥了好几次没反应，后来一直转圈')).toMatchObject({
      unknownOutcome: true,
      step: 'network.signal',
    });
    expect(matchSymptom('钱包整个贴上去了，然后机器卡住了')).toMatchObject({ unknownOutcome: true });
    // A printed refusal told beside a charge is a contradiction: the status check, not the refusal's branch.
    expect(matchSymptom('余额不足，但顾客收到扣款短信')).toMatchObject({
      unknownOutcome: true,
      category: 'network',
      message: null,
    });
    // A printed instruction keeps its branch, with the outcome still open.
    expect(matchSymptom('请插卡，但顾客收到扣款短信')).toMatchObject({ unknownOutcome: true, message: 'insertCard' });
  });

  it('does not count a keyword its sentence denies', () => {
    expect(matchSymptom('没有超时，直接就失败了')).toBeNull();
    expect(matchSymptom('顾客说他没收到短信')).toBeNull();
    expect(matchSymptom('是不是超时了')?.unknownOutcome).toBe(true);
  });

  it('does not read a phone number as a phone payment', () => {
    expect(matchSymptom('顾客手机号13812345678')).toBeNull();
  });

  it('holds no text from the input, only ids and facts', () => {
    const match = matchSymptom('卡号 6222 0212 3456 7890，应答码51');
    expect(Object.keys(match ?? {}).sort()).toEqual(['category', 'code', 'message', 'step', 'unknownOutcome', 'via']);
    expect(JSON.stringify(match)).not.toMatch(/6222|7890/);
  });

  it('returns null rather than throwing when handed something that is not a string', () => {
    for (const value of [undefined, null, 51, {}, []]) expect(matchSymptom(value as unknown as string)).toBeNull();
  });
});

describe('looksLikeOtherSystemCode', () => {
  it.each(['错误码 1001', 'E0102', 'ERR-1001', '1001', '返回码：100234', '提示错误 E0102，怎么办'])(
    '%s is another system',
    (input) => {
      expect(looksLikeOtherSystemCode(input)).toBe(true);
    },
  );

  it.each(['51', '应答码A0', '付了1000元', '超过1000就要插卡', '6222 0212 3456 7890', '请插卡', '300', 'iPhone15'])(
    '%s is not',
    (input) => {
      expect(looksLikeOtherSystemCode(input)).toBe(false);
    },
  );
});

describe('isSuccessCode', () => {
  it('recognises 00 as an approval, not a failure code', () => {
    expect(isSuccessCode('00')).toBe(true);
    expect(isSuccessCode('应答码00')).toBe(true);
    expect(matchSymptom('00')).toBeNull();
  });

  it('is false when a failure code is named too, or none at all', () => {
    expect(isSuccessCode('00 51')).toBe(false);
    expect(isSuccessCode('51')).toBe(false);
    expect(isSuccessCode('请插卡')).toBe(false);
  });

  it('still treats 00 without a receipt as an unknown outcome', () => {
    expect(isSuccessCode('显示00但是没出小票')).toBe(true);
    expect(matchSymptom('显示00但是没出小票')?.unknownOutcome).toBe(true);
  });
});

describe('screen messages', () => {
  it('have unique ids, and the home-screen chips are eight of them', () => {
    const ids = screenMessages.map((message) => message.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(topMessages).toHaveLength(8);
    for (const id of topMessages) expect(ids).toContain(id);
  });

  it('give a chip the same match as typing its message', () => {
    for (const id of topMessages) {
      const message = screenMessages.find((entry) => entry.id === id);
      expect(matchSymptom(message?.variants[0] ?? '')).toEqual(messageMatch(id));
    }
  });
});
