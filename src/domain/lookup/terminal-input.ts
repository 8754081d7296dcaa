import type { SymptomMatch } from './symptom-match.ts';
import { approvalMatch, isSuccessCode, looksLikeOtherSystemCode, matchSymptom } from './symptoms.ts';

/** What the home search box was given, read in the order a person at the counter means it. */
export type TerminalInput =
  { kind: 'match'; match: SymptomMatch } | { kind: 'success' } | { kind: 'otherSystem' } | { kind: 'none' };

/**
 * Codes, messages, words, then approvals. Step codes ("N-2") are never read here: only the support-code box opens a
 * step, so nothing a merchant types can open an outcome or skip the charged question.
 */
export function readTerminalInput(input: string): TerminalInput {
  const match = matchSymptom(input) ?? approvalMatch(input);
  if (match) return { kind: 'match', match };
  if (isSuccessCode(input)) return { kind: 'success' };
  if (looksLikeOtherSystemCode(input)) return { kind: 'otherSystem' };
  return { kind: 'none' };
}
