/**
 * The optional facts a merchant can add to a case summary so support can find the transaction (domain §1, §6).
 * Results are ids only: the UI maps each error id to content text in every language.
 */
import { containsCardNumber } from './redact.ts';

export const caseFieldNames = ['merchantId', 'terminalId', 'amount', 'cardLast4', 'reference'] as const;

export type CaseFieldName = (typeof caseFieldNames)[number];

/** Normalised, valid values only; a field that was empty or refused is absent. */
export type CaseFields = Partial<Record<CaseFieldName, string>>;

export type CaseFieldError =
  /** The text holds a full card number: refused, and the value is not kept. */
  | 'cardNumber'
  | 'merchantId.length'
  | 'merchantId.chars'
  | 'terminalId.length'
  | 'terminalId.chars'
  | 'amount.format'
  | 'amount.min'
  | 'amount.max'
  | 'cardLast4.length'
  | 'cardLast4.chars'
  | 'reference.length'
  | 'reference.chars';

export type CaseFieldResult =
  | { readonly status: 'empty' }
  | { readonly status: 'ok'; readonly value: string }
  | { readonly status: 'error'; readonly error: CaseFieldError };

export interface CaseFieldsCheck {
  /** One result per field, in caseFieldNames order. */
  readonly results: Readonly<Record<CaseFieldName, CaseFieldResult>>;
  /** The ok values, ready to put in a summary. */
  readonly values: CaseFields;
  /** No field has an error (empty fields are fine: every field is optional). */
  readonly valid: boolean;
}

/** 商户号 is 15 characters [I], 终端号 8 [V], 参考号 12 [I], 凭证号 6 digits [V] (domain §7). */
const merchantIdLength = 15;
const terminalIdLength = 8;
const referenceLength = 12;
const voucherLength = 6;
/** 1,000,000 yuan in fen: no counter payment on a POS terminal comes near it. */
const maxAmountFen = 100_000_000;
/** Longer input is not any of our fields; checked after the card-number test so a pasted PAN is still named. */
const maxInputLength = 64;

const tooLong: Record<CaseFieldName, CaseFieldError> = {
  merchantId: 'merchantId.length',
  terminalId: 'terminalId.length',
  amount: 'amount.format',
  cardLast4: 'cardLast4.length',
  reference: 'reference.length',
};

const empty: CaseFieldResult = { status: 'empty' };
const ok = (value: string): CaseFieldResult => ({ status: 'ok', value });
const error = (id: CaseFieldError): CaseFieldResult => ({ status: 'error', error: id });

/** NFKC (full-width → half-width), then no whitespace or invisible characters anywhere. */
export function normaliseFieldText(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\p{Cf}]+/gu, '');
}

/** Which receipt number a valid reference value is: 参考号 (12 characters) or 凭证号 (6 digits). */
export function referenceKind(value: string): 'reference' | 'voucher' {
  return value.length === voucherLength ? 'voucher' : 'reference';
}

/**
 * A 15-digit 商户号 may pass the Luhn check and is still accepted: 15-digit card numbers are Amex (34, 37) and
 * UnionPay cards have 16–19 digits. Only the merchant ID field gets this exception.
 */
export function isMerchantNumber(text: string): boolean {
  return /^[0-9]{15}$/.test(text) && !/^3[47]/.test(text);
}

/** Validates one field; a card number anywhere in the input wins over every other error. */
export function validateCaseField(name: CaseFieldName, raw: string): CaseFieldResult {
  if (typeof raw !== 'string') return empty;
  const text = normaliseFieldText(raw);
  const merchantNumber = name === 'merchantId' && isMerchantNumber(text);
  // Both forms: whitespace removal can join digits that line breaks kept apart.
  if (!merchantNumber && (containsCardNumber(raw) || containsCardNumber(text))) return error('cardNumber');
  if (text === '') return empty;
  if (text.length > maxInputLength) return error(tooLong[name]);
  switch (name) {
    case 'merchantId':
      return identifier(text, merchantIdLength, 'merchantId.chars', 'merchantId.length');
    case 'terminalId':
      return identifier(text, terminalIdLength, 'terminalId.chars', 'terminalId.length');
    case 'amount':
      return amount(text);
    case 'cardLast4':
      return cardLast4(text);
    case 'reference':
      return reference(text);
  }
}

/** Validates every field present in the input; keys that are not case fields are ignored and never kept. */
export function validateCaseFields(input: Readonly<Record<string, string | undefined>>): CaseFieldsCheck {
  const results = {} as Record<CaseFieldName, CaseFieldResult>;
  const values: CaseFields = {};
  let valid = true;
  for (const name of caseFieldNames) {
    const raw = input !== null && typeof input === 'object' && Object.hasOwn(input, name) ? input[name] : undefined;
    const result = typeof raw === 'string' ? validateCaseField(name, raw) : empty;
    results[name] = result;
    if (result.status === 'ok') values[name] = result.value;
    if (result.status === 'error') valid = false;
  }
  return { results, values, valid };
}

/** Letters are checked before upper-casing: 'ß'.toUpperCase() is 'SS'. */
function identifier(text: string, length: number, chars: CaseFieldError, wrongLength: CaseFieldError) {
  if (!/^[0-9A-Za-z]+$/.test(text)) return error(chars);
  if (text.length !== length) return error(wrongLength);
  return ok(text.toUpperCase());
}

/** Yuan with up to two decimals, "¥"/"元" and thousands commas allowed; normalised to "1234.50". */
function amount(text: string): CaseFieldResult {
  let plain = text.replace(/^¥/, '').replace(/元$/, '');
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(plain)) plain = plain.replaceAll(',', '');
  const parts = /^(\d+)(?:\.(\d{0,2}))?$/.exec(plain);
  if (!parts) return error('amount.format');
  const yuanDigits = (parts[1] ?? '').replace(/^0+(?=\d)/, '');
  if (yuanDigits.length > 9) return error('amount.max');
  const fen = Number(yuanDigits) * 100 + Number((parts[2] ?? '').padEnd(2, '0'));
  if (fen <= 0) return error('amount.min');
  if (fen > maxAmountFen) return error('amount.max');
  return ok(`${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`);
}

/** Exactly four digits; a leading mask as receipts print it ("**** 1234") is dropped. */
function cardLast4(text: string): CaseFieldResult {
  const digits = text.replace(/^[*•·xX#]+/, '');
  if (!/^\d+$/.test(digits)) return error('cardLast4.chars');
  if (digits.length !== 4) return error('cardLast4.length');
  return ok(digits);
}

/** 参考号: 12 letters or digits; 凭证号: 6 digits. */
function reference(text: string): CaseFieldResult {
  if (!/^[0-9A-Za-z]+$/.test(text)) return error('reference.chars');
  if (text.length === referenceLength) return ok(text.toUpperCase());
  if (text.length === voucherLength) return /^\d+$/.test(text) ? ok(text) : error('reference.chars');
  return error('reference.length');
}
