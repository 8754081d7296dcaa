import { stepByCode, type StepId } from '../diagnosis/steps.ts';
import type { SymptomMatch } from './symptom-match.ts';
import { isSuccessCode, looksLikeOtherSystemCode, matchSymptom } from './symptoms.ts';

/** What the home search box was given, read in the order a person at the counter means it. */
export type TerminalInput =
  | { kind: 'match'; match: SymptomMatch }
  | { kind: 'stepCode'; step: StepId }
  | { kind: 'success' }
  | { kind: 'otherSystem' }
  | { kind: 'none' };

/** A step code read out by support ("N2") wins only when it is the whole input; then codes, messages, words. */
export function readTerminalInput(input: string): TerminalInput {
  const step = /^\s*[a-z]\d\s*$/i.test(input) ? stepByCode(input) : null;
  if (step) return { kind: 'stepCode', step };
  const match = matchSymptom(input);
  if (match) return { kind: 'match', match };
  if (isSuccessCode(input)) return { kind: 'success' };
  if (looksLikeOtherSystemCode(input)) return { kind: 'otherSystem' };
  return { kind: 'none' };
}
