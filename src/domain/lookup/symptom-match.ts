import type { Category } from './categories.ts';
import type { StepId } from '../diagnosis/steps.ts';

/** What the terminal showed, resolved to where the diagnosis should open. */
export interface SymptomMatch {
  /** The cause category; null for an approval code (10, Y1, Y3), which is no failure at all. */
  readonly category: Category | null;
  /** Two-character response code (应答码), upper-case, when the input named one. */
  readonly code: string | null;
  /** Screen message id (content key under messages.*), when the input matched one. */
  readonly message: string | null;
  /** The machine step to open. */
  readonly step: StepId;
  /** The outcome may be unknown: the machine sends it through the status check first. */
  readonly unknownOutcome: boolean;
  /** How the match was made: a response code, a known screen message, or free words. */
  readonly via: 'code' | 'message' | 'words';
  /** The concept the words were read as (lexicon id, or `outcomeConflict`), when the match came from words. */
  readonly concept?: string;
}
