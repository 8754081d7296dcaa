import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import enCodes from '../../content/en/codes.json' with { type: 'json' };
import enLookup from '../../content/en/lookup.json' with { type: 'json' };
import enMessages from '../../content/en/messages.json' with { type: 'json' };
import hantCodes from '../../content/zh-Hant/codes.json' with { type: 'json' };
import zhCodes from '../../content/zh-CN/codes.json' with { type: 'json' };
import zhLookup from '../../content/zh-CN/lookup.json' with { type: 'json' };
import zhMessages from '../../content/zh-CN/messages.json' with { type: 'json' };
import { categories } from '../../src/domain/lookup/categories.ts';
import { traditionalPairs } from '../../src/domain/lookup/lexicon.ts';
import { findResponseCode, responseCodes } from '../../src/domain/lookup/response-codes.ts';
import { screenMessages } from '../../src/domain/lookup/screen-messages.ts';
import { isStepId } from '../../src/domain/diagnosis/steps.ts';
import { matchSymptom } from '../../src/domain/lookup/symptoms.ts';

// prettier-ignore
const allCodes = [
  '01', '02', '03', '04', '05', '06', '07', '09', '12', '13', '14', '15', '19', '20', '21', '22', '23', '25', '30',
  '31', '33', '34', '35', '36', '37', '38', '39', '40', '41', '42', '43', '44', '45', '51', '52', '53', '54', '55',
  '56', '57', '58', '59', '60', '61', '62', '63', '64', '65', '66', '67', '68', '75', '77', '90', '91', '92', '93',
  '94', '95', '96', '97', '98', '99', 'A0', 'A7', '78', '79', 'C1', 'Z1', 'Z3',
];

/** fast-check builds its full-Unicode generators on first use; on a busy machine that alone can take seconds. */
const propertyTimeout = 30_000;

type Texts = Record<string, { meaning?: string; advice?: string } | undefined>;
const texts: Record<string, Texts> = { 'zh-CN': zhCodes, en: enCodes };

describe('response code table', () => {
  it('has all 70 codes, once each', () => {
    expect(responseCodes.map((entry) => entry.code).sort()).toEqual([...allCodes].sort());
  });

  it('opens a valid step for every code', () => {
    for (const entry of responseCodes) expect(isStepId(entry.step), entry.code).toBe(true);
  });

  it('finds a code whatever its case or spacing, and nothing that is not a failure code', () => {
    expect(findResponseCode('a0')?.code).toBe('A0');
    expect(findResponseCode(' 51 ')?.code).toBe('51');
    expect(findResponseCode('00')).toBeNull();
    expect(findResponseCode('ZZ')).toBeNull();
  });
});

describe('code content', () => {
  for (const locale of ['zh-CN', 'en']) {
    it(`${locale} has a meaning and advice for every code, and nothing else`, () => {
      const content = texts[locale] ?? {};
      // Approvals with advice of their own (10, Y1, Y3) have texts too; they are not failures, so not in the table.
      const withTexts = [...allCodes, '10', 'Y1', 'Y3'];
      expect(Object.keys(content).sort()).toEqual(withTexts.sort());
      for (const code of withTexts) {
        expect(content[code]?.meaning?.trim(), `${locale} ${code}.meaning`).toBeTruthy();
        expect(content[code]?.advice?.trim(), `${locale} ${code}.advice`).toBeTruthy();
      }
    });
  }

  it('gives every code, disputed or not, one plain meaning: what the sources disagree on stays in the sources file', () => {
    const sourceTalk = /各资料|资料显示|说法不一|說法不一|各方資料|資料顯示|sources? (differ|disagree|say)/i;
    for (const [locale, content] of Object.entries({ ...texts, 'zh-Hant': hantCodes as Texts })) {
      for (const [code, text] of Object.entries(content)) {
        expect(`${text?.meaning ?? ''} ${text?.advice ?? ''}`, `${locale} ${code}`).not.toMatch(sourceTalk);
      }
    }
  });

  it('tells the merchant to check first for every code whose outcome may be unknown', () => {
    for (const entry of responseCodes.filter((code) => code.unknownOutcome)) {
      expect(zhCodes[entry.code as keyof typeof zhCodes].advice, entry.code).toMatch(/^先查后做/);
      expect(enCodes[entry.code as keyof typeof enCodes].advice, entry.code).toMatch(/^Check before you retry/);
    }
  });

  it('labels every actor, retry advice and category in both languages', () => {
    for (const lookup of [zhLookup, enLookup]) {
      for (const entry of responseCodes) {
        expect(lookup.actor[entry.actor], entry.code).toBeTruthy();
        expect(lookup.retry[entry.retry], entry.code).toBeTruthy();
      }
      for (const category of categories) expect(lookup.category[category], category).toBeTruthy();
      for (const key of ['privateCode', 'otherSystem', 'noMatch', 'successCode'] as const)
        expect(lookup[key]).toBeTruthy();
    }
  });

  it('has a label and a meaning for every screen message in both languages', () => {
    for (const content of [zhMessages, enMessages] as Array<Record<string, { label?: string; meaning?: string }>>) {
      expect(Object.keys(content).sort()).toEqual(screenMessages.map((message) => message.id).sort());
      for (const message of screenMessages) {
        expect(content[message.id]?.label, message.id).toBeTruthy();
        expect(content[message.id]?.meaning, message.id).toBeTruthy();
      }
    }
  });
});

describe('lexicon data', () => {
  it('maps each traditional character once, to a different character', () => {
    const sources = traditionalPairs.map((pair) => pair.charAt(0));
    expect(new Set(sources).size).toBe(sources.length);
    for (const pair of traditionalPairs) {
      expect([...pair], pair).toHaveLength(2);
      expect(pair.charAt(0), pair).not.toBe(pair.charAt(1));
    }
  });
});

/** Appends the Luhn check digit, so the generated numbers look like real card numbers. */
function withLuhn(body: string): string {
  let sum = 0;
  [...body].reverse().forEach((char, index) => {
    let digit = Number(char);
    if (index % 2 === 0) digit *= 2;
    if (digit > 9) digit -= 9;
    sum += digit;
  });
  return `${body}${(10 - (sum % 10)) % 10}`;
}

const groupsOfFour = (digits: string, separator: string) => digits.match(/.{1,4}/g)?.join(separator) ?? digits;

/** What the matcher looks for, to build inputs that hit its edge cases. */
// prettier-ignore
const pieces = [
  '51', 'A0', 'a7', '00', '1001', '应答码', 'code', '：', ' ', '请插卡', '超时', '元', '¥', '手机', '没', '6222',
  '-', '<', '>', '＜script＞', '５', '請', '*', '\\', '(', '[',
];

/** Surroundings without any code of their own: whatever code comes back must have come from the card number. */
const surroundings = [
  '',
  '卡号',
  '卡号是 ',
  '顾客的卡 ',
  'card ',
  '卡号：',
  '显示',
  '应答码',
  '刷卡后 ',
  '（',
  'code ',
];

describe('card numbers', () => {
  it('never yield a code taken from their digits', () => {
    for (const number of ['6222021234567890', '4111111111111111', withLuhn('622848001234567')]) {
      for (const separator of ['', ' ', '-', '  ']) {
        for (const before of surroundings) {
          const input = `${before}${groupsOfFour(number, separator)}`;
          expect(matchSymptom(input)?.code ?? null, input).toBeNull();
        }
      }
    }
  });

  it(
    'never yield a code, for any Luhn-valid 16-digit number in any surroundings (property)',
    () => {
      fc.assert(
        fc.property(
          fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 15, maxLength: 15 }),
          fc.constantFrom('', ' ', '-', '  ', ' - '),
          fc.constantFrom(...surroundings),
          fc.constantFrom('', ' 请问怎么办', '，交易失败', '。'),
          (body, separator, before, after) => {
            const input = `${before}${groupsOfFour(withLuhn(body), separator)}${after}`;
            expect(matchSymptom(input)?.code ?? null).toBeNull();
          },
        ),
        { numRuns: 500 },
      );
    },
    propertyTimeout,
  );
});

describe('matchSymptom on arbitrary input (property)', () => {
  const known = new Set(allCodes);
  const check = (input: string) => {
    const match = matchSymptom(input);
    if (match?.code != null) expect(known.has(match.code), match.code).toBe(true);
  };

  it(
    'never throws on any printable text, and only returns codes in the table',
    () => {
      fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), check), { numRuns: 400 });
    },
    propertyTimeout,
  );

  it(
    'never throws on any code points, including lone controls and astral characters',
    () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), check), { numRuns: 400 });
    },
    propertyTimeout,
  );

  it(
    'never throws on text made of the pieces it looks for',
    () => {
      const piece = fc.constantFrom(...pieces);
      const text = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));
      fc.assert(fc.property(text, check), { numRuns: 400 });
    },
    propertyTimeout,
  );
});
