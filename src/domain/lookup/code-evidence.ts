/**
 * A response code keyed on the evidence question's keypad, read through the same code table as the home search.
 * Refusals open their branch, approvals their outcome; a two-character code the table lacks is probably the POS
 * company's own, so the merchant is told to read the text beside it, never "not found".
 */
import { approvalOutcomes, findResponseCode, isApprovalCode, successCodes } from './response-codes.ts';
import type { SymptomMatch } from './symptom-match.ts';

export type KeyedCode =
  | { readonly kind: 'match'; readonly match: SymptomMatch }
  /** Two characters the table does not know: probably the POS company's own code. */
  | { readonly kind: 'privateCode'; readonly code: string }
  /** Not two letters or digits yet. */
  | { readonly kind: 'incomplete' };

/** Every character a response code can have: the keypad offers exactly these. */
export const codeCharacters = /^[0-9A-Z]{2}$/;

export function readKeyedCode(keyed: string): KeyedCode {
  const code = keyed.trim().toUpperCase();
  if (!codeCharacters.test(code)) return { kind: 'incomplete' };
  const entry = findResponseCode(code);
  if (entry) {
    const { category, step, unknownOutcome } = entry;
    return { kind: 'match', match: { category, code, message: null, step, unknownOutcome, via: 'code' } };
  }
  // 00 and the other approvals: the customer was charged (10 only partly).
  if (successCodes.includes(code)) {
    const step = isApprovalCode(code) ? approvalOutcomes[code] : 'done.paid';
    return { kind: 'match', match: { category: null, code, message: null, step, unknownOutcome: false, via: 'code' } };
  }
  return { kind: 'privateCode', code };
}
