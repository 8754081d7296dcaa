/**
 * The case summary: what a merchant hands to support (or keeps in history) about one diagnosis.
 * buildCaseSummary makes a structured model of ids and facts; src/ui/case-summary-text.ts turns it into
 * plain text through content, so this file stays free of i18next and of sentences.
 */
import type { TrailEntry } from '../diagnosis/diagnosis.machine.ts';
import type { AnswerId } from '../diagnosis/flow.ts';
import { validateCaseFields, type CaseFields } from './case-fields.ts';
import { redactCardNumbers } from './redact.ts';
import type { SymptomMatch } from '../lookup/symptom-match.ts';
import { isStepId, stepInfo, type Escalation, type StepId } from '../diagnosis/steps.ts';

/** What a remedy step's answer says about it; 'unknown' = the retry ended without a clear result. */
export type RemedyResult = Extract<AnswerId, 'fixed' | 'notFixed' | 'unknown'>;

export interface SummaryAnswer {
  readonly step: StepId;
  readonly stepCode: string;
  readonly answer: AnswerId;
}

export interface SummaryRemedy {
  readonly step: StepId;
  readonly stepCode: string;
  readonly result: RemedyResult;
}

export interface SummaryOutcome {
  readonly step: StepId;
  readonly stepCode: string;
  /** Null when nobody needs to be called (resolved at the counter). */
  readonly escalateTo: Escalation | null;
}

/** A step support opened by its code: the caller was there when they called. */
export interface SummaryJump {
  readonly step: StepId;
  readonly stepCode: string;
  /** How many answers of `answers` were given before the jump. */
  readonly afterAnswers: number;
}

/** The agent's note is long enough for a call, short enough for a ticket line. */
export const maxNoteLength = 2000;

export interface CaseSummary {
  /** ISO 8601 times, never epoch milliseconds: a 13-digit number passes Luhn one time in ten. */
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  /** How the diagnosis was entered: the guided start, or a symptom matched by code, screen message or words. */
  readonly how: {
    readonly via: 'guided' | SymptomMatch['via'];
    readonly code: string | null;
    readonly message: string | null;
  };
  /** Questions answered, in the order of the trail (remedies are in remediesTried). */
  readonly answers: readonly SummaryAnswer[];
  readonly remediesTried: readonly SummaryRemedy[];
  /** Steps opened by code in this case, in order. */
  readonly jumps: readonly SummaryJump[];
  /** The support agent's note, card numbers masked; never read back from storage (it lives with the case). */
  readonly note: string | null;
  /** The end step when the diagnosis reached one. */
  readonly outcome: SummaryOutcome | null;
  readonly currentStep: StepId | 'home';
  readonly currentStepCode: string | null;
  readonly fields: CaseFields;
  readonly appVersion: string;
  readonly contentVersion: string;
}

export interface CaseSummaryInput {
  /** The machine's context; only the trail and the match are read. */
  readonly context: { readonly trail: readonly TrailEntry[]; readonly match: SymptomMatch | null };
  readonly currentStep: StepId | 'home';
  /** Epoch milliseconds, a Date or an ISO string. */
  readonly startedAt: number | Date | string | null;
  readonly endedAt?: number | Date | string | null;
  /** Raw field input; validated again here, so only ok values (never a card number) reach the summary. */
  readonly fields?: Readonly<Record<string, string | undefined>>;
  /** The support agent's note; masked here, so no card number reaches the summary. */
  readonly note?: string;
  readonly appVersion: string;
  readonly contentVersion: string;
}

export const remedyResults: readonly string[] = ['fixed', 'notFixed', 'unknown'] satisfies RemedyResult[];
const isRemedyResult = (answer: AnswerId): answer is RemedyResult => remedyResults.includes(answer);

/** Builds the structured summary from what the machine knows plus the merchant's optional fields. */
export function buildCaseSummary(input: CaseSummaryInput): CaseSummary {
  const answers: SummaryAnswer[] = [];
  const remediesTried: SummaryRemedy[] = [];
  const jumps: SummaryJump[] = [];
  for (const { step, answer, opened } of input.context.trail) {
    if (opened !== undefined && isStepId(opened)) {
      jumps.push({ step: opened, stepCode: stepInfo(opened).code, afterAnswers: answers.length });
    }
    if (step === 'home' || answer === null) continue;
    const { kind, code } = stepInfo(step);
    if (kind === 'remedy' && isRemedyResult(answer)) remediesTried.push({ step, stepCode: code, result: answer });
    else answers.push({ step, stepCode: code, answer });
  }
  const step = input.currentStep;
  const info = step === 'home' ? null : stepInfo(step);
  const match = input.context.match;
  return {
    startedAt: isoTime(input.startedAt),
    endedAt: isoTime(input.endedAt ?? null),
    how: { via: match?.via ?? 'guided', code: match?.code ?? null, message: match?.message ?? null },
    answers,
    remediesTried,
    jumps,
    note: noteText(input.note),
    outcome:
      step !== 'home' && info?.kind === 'outcome'
        ? { step, stepCode: info.code, escalateTo: info.escalateTo ?? null }
        : null,
    currentStep: step,
    currentStepCode: info?.code ?? null,
    fields: validateCaseFields(input.fields ?? {}).values,
    appVersion: input.appVersion,
    contentVersion: input.contentVersion,
  };
}

/** The note as a summary holds it: trimmed, bounded, card numbers masked; null when empty. */
export function noteText(note: string | undefined): string | null {
  if (typeof note !== 'string') return null;
  const text = redactCardNumbers(note.slice(0, maxNoteLength)).text.trim();
  return text === '' ? null : text;
}

/** The outcome that means fixed at the counter: history marks it resolved, the screen shows it as a success. */
export const resolvedOutcome = 'done.resolved' satisfies StepId;

/** The diagnosis ended at the counter with the problem fixed. */
export function isResolved(summary: CaseSummary): boolean {
  return summary.outcome?.step === resolvedOutcome;
}

/** An ISO time, or null for anything that is not a valid time. */
function isoTime(value: number | Date | string | null): string | null {
  if (value === null) return null;
  const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : value;
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}
