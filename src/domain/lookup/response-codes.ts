/**
 * The two-character host response codes (应答码, ISO 8583 field 39) the lookup covers, with where the
 * diagnosis should open for each. Facts only: the merchant-facing wording lives in content/<locale>/codes.json,
 * and the reference wording with its sources in response-code-sources.json (kept out of the app bundle).
 */
import data from './response-codes.json' with { type: 'json' };
import { categories, type Actor, type Category, type RetryAdvice } from './categories.ts';
import { isStepId, type StepId } from '../diagnosis/steps.ts';

/** Which table a code comes from: the 2015 UnionPay switch annex, older POS tables, or POS-centre tables. */
export type CodeStatus = 'unionpay-2015' | 'older-tables' | 'pos-center';

export interface ResponseCode {
  /** Upper-case, two characters ("51", "A0"). */
  readonly code: string;
  readonly category: Category;
  readonly actor: Actor;
  readonly retry: RetryAdvice;
  readonly status: CodeStatus;
  /** Sources disagree on the meaning. */
  readonly conflict: boolean;
  /** The step the diagnosis opens after the code card. */
  readonly step: StepId;
  /** The sale may have gone through: the machine runs the status check before any retry advice. */
  readonly unknownOutcome: boolean;
}

const actors: readonly string[] = ['merchant', 'cardholder', 'issuer', 'acquirer'] satisfies Actor[];
const retries: readonly string[] = ['safe', 'after-fix', 'no'] satisfies RetryAdvice[];
const statuses: readonly string[] = ['unionpay-2015', 'older-tables', 'pos-center'] satisfies CodeStatus[];

const isString = (value: unknown): value is string => typeof value === 'string';
const isOneOf = (allowed: readonly string[], value: unknown): boolean => isString(value) && allowed.includes(value);

/** Names the first field that does not fit, so a bad edit of the JSON fails loudly with a pointer. */
function invalidField(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'entry';
  const entry = value as Record<string, unknown>;
  const checks: Record<string, boolean> = {
    code: isString(entry.code) && /^[0-9A-Z][0-9]$/.test(entry.code),
    category: isOneOf(categories, entry.category),
    actor: isOneOf(actors, entry.actor),
    retry: isOneOf(retries, entry.retry),
    status: isOneOf(statuses, entry.status),
    conflict: typeof entry.conflict === 'boolean',
    step: isStepId(entry.step),
    unknownOutcome: typeof entry.unknownOutcome === 'boolean',
  };
  return Object.keys(checks).find((field) => !checks[field]) ?? null;
}

function isResponseCode(value: unknown): value is ResponseCode {
  return invalidField(value) === null;
}

/** Validates the table once at load: a malformed file is a build error, not something to limp past. */
function load(raw: unknown): readonly ResponseCode[] {
  if (!Array.isArray(raw)) throw new Error('response-codes.json: expected an array of codes');
  const seen = new Set<string>();
  return raw.map((entry: unknown, index) => {
    if (!isResponseCode(entry)) {
      throw new Error(`response-codes.json: entry ${index} has a missing or invalid "${invalidField(entry)}"`);
    }
    if (seen.has(entry.code)) throw new Error(`response-codes.json: code ${entry.code} appears twice`);
    seen.add(entry.code);
    return entry;
  });
}

export const responseCodes: readonly ResponseCode[] = load(data);

const byCode = new Map(responseCodes.map((entry) => [entry.code, entry]));

/** The table entry for an exact code; case and surrounding spaces don't matter ("a0" finds A0). */
export function findResponseCode(code: string): ResponseCode | null {
  return byCode.get(code.trim().toUpperCase()) ?? null;
}

/** Approval codes: not failures, so they are not in the table (README §4). */
export const successCodes: readonly string[] = ['00', '10', '11', 'A2', 'A4', 'A5', 'A6', 'Y1', 'Y3'];

/**
 * Approvals with advice of their own, and the outcome each opens: 10 approved only part of the amount (collect the
 * rest another way); Y1/Y3 approved offline (the customer was charged). Never "take it again".
 */
export const approvalOutcomes = { '10': 'done.partial', Y1: 'done.paid', Y3: 'done.paid' } as const satisfies Readonly<
  Record<string, StepId>
>;

export type ApprovalCode = keyof typeof approvalOutcomes;

export const isApprovalCode = (code: string): code is ApprovalCode => Object.hasOwn(approvalOutcomes, code);
