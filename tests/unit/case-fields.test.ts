import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseFieldNames,
  isMerchantNumber,
  referenceKind,
  validateCaseField,
  validateCaseFields,
  type CaseFieldName,
  type CaseFieldResult,
} from '../../src/domain/case/case-fields.ts';
import { luhnValid } from '../../src/domain/case/redact.ts';

const okValue = (value: string): CaseFieldResult => ({ status: 'ok', value });
const failsWith = (error: string) => ({ status: 'error', error });

/** 15 digits that fail the Luhn check, like most 商户号. */
const merchantId = '898812415868344';

describe('validateCaseField', () => {
  it('accepts a 商户号 of 15 digits or capital letters, typed with spaces, full-width or lower case', () => {
    expect(luhnValid(merchantId)).toBe(false);
    expect(validateCaseField('merchantId', ` ${merchantId} `)).toEqual(okValue(merchantId));
    expect(validateCaseField('merchantId', '898 8124 1586 8344')).toEqual(okValue(merchantId));
    expect(validateCaseField('merchantId', '８９８８１２４１５８６８３４４')).toEqual(okValue(merchantId));
    expect(validateCaseField('merchantId', '898abc415868344')).toEqual(okValue('898ABC415868344'));
  });

  it('names what is wrong with a 商户号', () => {
    expect(validateCaseField('merchantId', '89881241586834')).toEqual(failsWith('merchantId.length'));
    expect(validateCaseField('merchantId', '898-812-415-868')).toEqual(failsWith('merchantId.chars'));
    expect(validateCaseField('merchantId', '商户号898812415868344')).toEqual(failsWith('merchantId.chars'));
    // 'ß' upper-cases to 'SS': letters are checked before upper-casing.
    expect(validateCaseField('merchantId', '8988124158683ß')).toEqual(failsWith('merchantId.chars'));
  });

  it('accepts a 15-digit 商户号 that passes the Luhn check: 15-digit cards are Amex, UnionPay cards are longer', () => {
    expect(luhnValid('898906828836075')).toBe(true);
    expect(validateCaseField('merchantId', '898906828836075')).toEqual(okValue('898906828836075'));
    expect(validateCaseField('merchantId', '8989 0682 8836 075')).toEqual(okValue('898906828836075'));
    expect(isMerchantNumber('898906828836075')).toBe(true);
  });

  it('still refuses a Luhn-valid 15-digit number starting 34 or 37 (Amex) in the 商户号 field', () => {
    for (const amex of ['378282246310005', '371449635398431', '340000000000009']) {
      expect(luhnValid(amex), amex).toBe(true);
      expect(validateCaseField('merchantId', amex), amex).toEqual(failsWith('cardNumber'));
    }
  });

  it('keeps the 商户号 exception to that field: the same number is refused everywhere else', () => {
    for (const name of caseFieldNames.filter((field) => field !== 'merchantId')) {
      expect(validateCaseField(name, '898906828836075'), name).toEqual(failsWith('cardNumber'));
    }
    // Not a whole 15-digit value: a card number inside it is still refused.
    expect(validateCaseField('merchantId', '商户 6222021234567894')).toEqual(failsWith('cardNumber'));
    expect(validateCaseField('merchantId', '6222021234567894')).toEqual(failsWith('cardNumber'));
  });

  it('accepts a 终端号 of 8 letters or digits', () => {
    expect(validateCaseField('terminalId', '1234 5678')).toEqual(okValue('12345678'));
    expect(validateCaseField('terminalId', 'ab12cd34')).toEqual(okValue('AB12CD34'));
    expect(validateCaseField('terminalId', '1234567')).toEqual(failsWith('terminalId.length'));
    expect(validateCaseField('terminalId', '1234567_')).toEqual(failsWith('terminalId.chars'));
  });

  it('normalises an amount in yuan to two decimals', () => {
    expect(validateCaseField('amount', '12.5')).toEqual(okValue('12.50'));
    expect(validateCaseField('amount', '¥1,234.56')).toEqual(okValue('1234.56'));
    expect(validateCaseField('amount', '￥88')).toEqual(okValue('88.00'));
    expect(validateCaseField('amount', '１２３元')).toEqual(okValue('123.00'));
    expect(validateCaseField('amount', '0.01')).toEqual(okValue('0.01'));
    expect(validateCaseField('amount', '007.')).toEqual(okValue('7.00'));
    expect(validateCaseField('amount', '1000000')).toEqual(okValue('1000000.00'));
  });

  it('names what is wrong with an amount', () => {
    expect(validateCaseField('amount', '0')).toEqual(failsWith('amount.min'));
    expect(validateCaseField('amount', '0.00')).toEqual(failsWith('amount.min'));
    expect(validateCaseField('amount', '1000000.01')).toEqual(failsWith('amount.max'));
    expect(validateCaseField('amount', '99999999999')).toEqual(failsWith('amount.max'));
    for (const wrong of ['12.345', '-5', 'abc', '1,23', '.5', '1.2.3']) {
      expect(validateCaseField('amount', wrong), wrong).toEqual(failsWith('amount.format'));
    }
  });

  it('accepts exactly four last digits of the card, with or without the printed mask', () => {
    expect(validateCaseField('cardLast4', '1234')).toEqual(okValue('1234'));
    expect(validateCaseField('cardLast4', '**** 1234')).toEqual(okValue('1234'));
    expect(validateCaseField('cardLast4', '１２３４')).toEqual(okValue('1234'));
    expect(validateCaseField('cardLast4', '123')).toEqual(failsWith('cardLast4.length'));
    expect(validateCaseField('cardLast4', '123456')).toEqual(failsWith('cardLast4.length'));
    expect(validateCaseField('cardLast4', '12a4')).toEqual(failsWith('cardLast4.chars'));
  });

  it('accepts a 12-character 参考号 or a 6-digit 凭证号 in the reference field', () => {
    expect(validateCaseField('reference', '123456789012')).toEqual(okValue('123456789012'));
    expect(validateCaseField('reference', '12345678901a')).toEqual(okValue('12345678901A'));
    expect(validateCaseField('reference', '000123')).toEqual(okValue('000123'));
    expect(referenceKind('000123')).toBe('voucher');
    expect(referenceKind('123456789012')).toBe('reference');
    expect(validateCaseField('reference', 'abc123')).toEqual(failsWith('reference.chars'));
    expect(validateCaseField('reference', '1234567')).toEqual(failsWith('reference.length'));
  });

  it('treats blank input as an empty field, and over-long input as the wrong length', () => {
    expect(validateCaseField('terminalId', '  \u3000 ')).toEqual({ status: 'empty' });
    expect(validateCaseField('reference', 'x'.repeat(10_000))).toEqual(failsWith('reference.length'));
  });

  it('refuses a card number in every field, however it is written, and never keeps it', () => {
    const written = [
      '6222021234567894',
      '6222 0212 3456 7894',
      '６２２２-０２１２-３４５６-７８９４',
      '4111\n1111\n1111\n1111',
    ];
    for (const name of caseFieldNames) {
      for (const card of written) {
        expect(validateCaseField(name, card), `${name} ${card}`).toEqual(failsWith('cardNumber'));
        expect(validateCaseField(name, `卡号 ${card}`), `${name} ${card}`).toEqual(failsWith('cardNumber'));
      }
    }
  });

  it('refuses any Luhn-valid 13–19 digit number typed into any field, but a 15-digit 商户号', () => {
    const card = fc
      .stringMatching(/^[0-9]{13,19}$/)
      .filter(luhnValid)
      .chain((digits) => fc.constantFrom(digits, digits.replace(/(\d{4})(?=\d)/g, '$1 ')));
    fc.assert(
      fc.property(fc.constantFrom(...caseFieldNames), card, (name: CaseFieldName, value) => {
        const digits = value.replaceAll(' ', '');
        const exempt = name === 'merchantId' && digits.length === 15 && !/^3[47]/.test(digits);
        expect(validateCaseField(name, value)).toEqual(exempt ? okValue(digits) : failsWith('cardNumber'));
      }),
    );
  });
});

describe('validateCaseFields', () => {
  it('checks every field, keeps only valid values and ignores keys that are not case fields', () => {
    const check = validateCaseFields({
      merchantId,
      terminalId: '1234567',
      amount: '',
      cardLast4: '6222 0212 3456 7894',
      reference: '000123',
      note: '6222021234567894',
    });
    expect(check.results).toEqual({
      merchantId: okValue(merchantId),
      terminalId: failsWith('terminalId.length'),
      amount: { status: 'empty' },
      cardLast4: failsWith('cardNumber'),
      reference: okValue('000123'),
    });
    expect(check.values).toEqual({ merchantId, reference: '000123' });
    expect(check.valid).toBe(false);
    expect(JSON.stringify(check)).not.toContain('7894');
  });

  it('is valid when nothing was typed', () => {
    expect(validateCaseFields({})).toEqual({
      results: Object.fromEntries(caseFieldNames.map((name) => [name, { status: 'empty' }])),
      values: {},
      valid: true,
    });
  });
});
