import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cardMask,
  containsCardNumber,
  luhnValid,
  redactCardNumbers,
  redactStrings,
} from '../../src/domain/case/redact.ts';

/** Appends the Luhn check digit: a reference implementation independent of the one under test. */
function withCheckDigit(body: string): string {
  const sum = [...body].reverse().reduce((total, char, i) => {
    const digit = Number(char);
    const weighted = i % 2 === 0 ? digit * 2 : digit;
    return total + (weighted > 9 ? weighted - 9 : weighted);
  }, 0);
  return body + String((10 - (sum % 10)) % 10);
}

/** Brute-force oracle: any 13–19 consecutive digits of the digit string passing Luhn. */
function hasLuhnWindow(digits: string): boolean {
  for (let start = 0; start < digits.length; start += 1) {
    for (let length = 13; length <= 19 && start + length <= digits.length; length += 1) {
      if (luhnValid(digits.slice(start, start + length))) return true;
    }
  }
  return false;
}

/** The text as a reader sees its digits: NFKC, separators and invisible characters gone. */
const visibleDigits = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\s\-\u2010-\u2015\u2212\p{M}\p{Cf}]/gu, '')
    .replace(/[^0-9]+/g, '|');

const unionPay = '6222021234567894';
const visa = '4111111111111111';

const separators = [' ', '-', '\u3000', '\u00a0', '\u2013', '\uff0d'];
const toFullWidth = (digit: string) => String.fromCharCode(0xff10 + Number(digit));

/** A Luhn-valid number of 13–19 digits, written with random separators, full-width digits and zero-width spaces. */
const writtenCard = fc
  .integer({ min: 13, max: 19 })
  .chain((length) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length - 1, maxLength: length - 1 }))
  .map((body) => withCheckDigit(body.join('')))
  .chain((digits) =>
    fc
      .tuple(
        fc.array(fc.constantFrom('', '', '', ...separators, '\u200b'), {
          minLength: digits.length,
          maxLength: digits.length,
        }),
        fc.array(fc.boolean(), { minLength: digits.length, maxLength: digits.length }),
      )
      .map(([gaps, wide]) => ({
        digits,
        written: [...digits].map((d, i) => (i > 0 ? gaps[i] : '') + (wide[i] ? toFullWidth(d) : d)).join(''),
      })),
  );

const surrounding = fc.string({
  unit: fc.constantFrom(...'ab 号码卡：,.。0123456789-\n'.split('')),
  maxLength: 30,
});
/** Ends a run: not a digit, separator or invisible character. */
const boundary = fc.constantFrom('a', '号', '：', '\n', '.', '#');

describe('luhnValid', () => {
  it('accepts numbers whose Luhn sum is a multiple of ten, and nothing else', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid(unionPay)).toBe(true);
    expect(luhnValid(visa)).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4111 1111 1111 1111')).toBe(false);
    expect(luhnValid('４１１１')).toBe(false);
  });
});

describe('redactCardNumbers', () => {
  it('masks card numbers written the ways people write them, leaving nothing of the number', () => {
    const written = [
      '6222 0212 3456 7894',
      '6222-0212-3456-7894',
      '6222021234567894',
      '６２２２ ０２１２ ３４５６ ７８９４',
      '6222\u200b0212\u200b3456\u200b7894',
      '6222\u30000212\u30003456\u30007894',
      '6222 - 0212 - 3456 - 7894',
      '378282246310005',
      '622848001234567894',
    ];
    for (const card of written) {
      const result = redactCardNumbers(`卡号${card}，请核对`);
      expect(result, card).toEqual({ text: `卡号${cardMask}，请核对`, found: true });
    }
  });

  it('masks a number glued to letters, or written next to another number', () => {
    expect(redactCardNumbers(`abc${visa}xyz`).text).toBe(`abc${cardMask}xyz`);
    expect(redactCardNumbers(`12 ${visa}`).text).toBe(cardMask);
    expect(redactCardNumbers(`终端 12345678 ${unionPay} 元`).text).toBe(`终端 ${cardMask} 元`);
  });

  it('masks a run of 20 or more digits when any 13–19 digits inside pass Luhn', () => {
    expect(redactCardNumbers(`98765${visa}`).text).toBe(cardMask);
    expect(redactCardNumbers(`${unionPay}0000`).text).toBe(cardMask);
  });

  it('judges a 13–19 digit run written without separators as a whole', () => {
    // Inner windows are not checked: about half of all 15-digit 商户号 would otherwise be masked.
    expect(hasLuhnWindow('608377835337406')).toBe(true);
    expect(redactCardNumbers('商户号 608377835337406').found).toBe(false);
  });

  it('leaves short numbers, dates, times and amounts alone', () => {
    const text =
      '终端号 12345678 凭证号 000123 参考号 123456789012 时间 2026-11-25T09:45:00.000Z 电话 138 1234 5678 ¥1234.56';
    expect(redactCardNumbers(text)).toEqual({ text, found: false });
  });

  it('masks numbers that only spaces or dashes keep apart once they add up to 20 digits or more', () => {
    // The safe side: such a run could be a card number glued to its neighbours.
    expect(redactCardNumbers('参考号 123456789012 2026-11-25').text).toBe(`参考号 ${cardMask}`);
  });

  it('does not join numbers across a line break or a wide gap', () => {
    const text = `4111\n1111\n1111\n1111 and 4111    1111    1111    1111`;
    expect(redactCardNumbers(text).found).toBe(false);
  });

  it('never throws, even on lone surrogates and odd input', () => {
    expect(redactCardNumbers('\ud800' + visa + '\udfff').text).toBe(`\ud800${cardMask}\udfff`);
    expect(redactCardNumbers('')).toEqual({ text: '', found: false });
    expect(redactCardNumbers(undefined as unknown as string).found).toBe(false);
  });

  it('for any card number embedded in text, leaves no card number and none of its digits in order', () => {
    fc.assert(
      fc.property(surrounding, boundary, writtenCard, boundary, surrounding, (before, open, card, close, after) => {
        const input = before + open + card.written + close + after;
        const { text, found } = redactCardNumbers(input);
        expect(found).toBe(true);
        expect(containsCardNumber(text)).toBe(false);
        expect(visibleDigits(text)).not.toContain(card.digits);
        expect(text).toContain(cardMask);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves text without digits unchanged', () => {
    const anyChar = fc.oneof(
      fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint)),
      fc.constantFrom(...'卡号：，。 -－\u3000\u200b\u00adａＺ①'.split('')),
    );
    const noDigits = fc
      .string({ unit: anyChar, maxLength: 200 })
      .filter((text) => !/[0-9]/.test(text.normalize('NFKC')));
    fc.assert(
      fc.property(noDigits, (text) => {
        expect(redactCardNumbers(text)).toEqual({ text, found: false });
      }),
    );
  });

  it('is idempotent, and agrees with containsCardNumber', () => {
    const digitHeavy = fc.string({ unit: fc.constantFrom(...'0123456789 -６\u200ba号\n'.split('')), maxLength: 120 });
    fc.assert(
      fc.property(digitHeavy, (text) => {
        const once = redactCardNumbers(text);
        expect(redactCardNumbers(once.text)).toEqual({ text: once.text, found: false });
        expect(containsCardNumber(text)).toBe(once.found);
      }),
      { numRuns: 500 },
    );
  });

  it('masks a separator-free run exactly when the oracle finds a card number in it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{13,40}$/), (digits) => {
        const expected = digits.length <= 19 ? luhnValid(digits) : hasLuhnWindow(digits);
        expect(redactCardNumbers(`x${digits}x`).found).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  // How long these take is a bench figure (npm run bench: redact_100kb_*), not a test.
  it('redacts 100 KB of digit-heavy text completely', () => {
    const cards = redactCardNumbers(`${'付款 6222 0212 3456 7894，'.repeat(5_000)}`);
    expect(cards.found).toBe(true);
    expect(cards.text).not.toMatch(/\d/);
    expect(cards.text.split(cardMask)).toHaveLength(5_001);
    for (const text of ['1'.repeat(100_000), '1 '.repeat(50_000), '12-34 '.repeat(17_000)]) {
      const { text: out } = redactCardNumbers(text);
      expect(hasLuhnWindow(visibleDigits(out).replace(/\|/g, '')), text.slice(0, 12)).toBe(false);
    }
  });
});

describe('redactStrings', () => {
  it('redacts every string in a JSON-like value and keeps the rest', () => {
    const value = { a: [`card ${visa}`, 12, null], b: { [visa]: true, note: 'ok' } };
    expect(redactStrings(value)).toEqual({ a: [`card ${cardMask}`, 12, null], b: { [cardMask]: true, note: 'ok' } });
  });
});
