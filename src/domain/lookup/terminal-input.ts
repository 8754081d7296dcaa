import type { SymptomMatch } from './symptom-match.ts';
import { approvalMatch, isSuccessCode, looksLikeOtherSystemCode, matchSymptom, privateCode } from './symptoms.ts';

/**
 * What the home search box was given, read in the order a person at the counter means it. `privateCode` is a
 * two-character code the app does not know: most likely the POS company's own, so it is neither "not found" nor a
 * branch of the diagnosis.
 */
export type TerminalInput =
  | { kind: 'match'; match: SymptomMatch }
  | { kind: 'success' }
  | { kind: 'privateCode'; code: string }
  | { kind: 'otherSystem' }
  | { kind: 'none' };

/**
 * Codes, messages, words, then approvals, then a code the app does not know. Step codes ("N-2") are never read here:
 * only the support-code box opens a step, so nothing a merchant types can open an outcome or skip the charged question.
 */
export function readTerminalInput(input: string): TerminalInput {
  const match = matchSymptom(input) ?? approvalMatch(input);
  if (match) return { kind: 'match', match };
  if (isSuccessCode(input)) return { kind: 'success' };
  const code = privateCode(input);
  if (code !== null) return { kind: 'privateCode', code };
  if (looksLikeOtherSystemCode(input)) return { kind: 'otherSystem' };
  return { kind: 'none' };
}
