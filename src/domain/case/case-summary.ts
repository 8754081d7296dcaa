/**
 * The case summary: what a merchant hands to support (or keeps in history) about one diagnosis.
 * buildCaseSummary makes a structured model of ids and facts; renderCaseSummary turns it into plain text
 * lines through a translate function, so this file stays free of i18next and of sentences.
 */
import type { AnswerId, TrailEntry } from '../diagnosis/diagnosis.machine.ts';
import {
  caseFieldNames,
  referenceKind,
  validateCaseField,
  validateCaseFields,
  type CaseFields,
} from './case-fields.ts';
import { redactCardNumbers } from './redact.ts';
import type { SymptomMatch } from '../lookup/symptom-match.ts';
import { stepInfo, type Escalation, type StepId } from '../diagnosis/steps.ts';

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
  readonly appVersion: string;
  readonly contentVersion: string;
}

export const remedyResults: readonly string[] = ['fixed', 'notFixed', 'unknown'] satisfies RemedyResult[];
const isRemedyResult = (answer: AnswerId): answer is RemedyResult => remedyResults.includes(answer);

/** Builds the structured summary from what the machine knows plus the merchant's optional fields. */
export function buildCaseSummary(input: CaseSummaryInput): CaseSummary {
  const answers: SummaryAnswer[] = [];
  const remediesTried: SummaryRemedy[] = [];
  for (const { step, answer } of input.context.trail) {
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

/** The diagnosis ended at the counter with the problem fixed. */
export function isResolved(summary: CaseSummary): boolean {
  return summary.outcome?.step === 'done.resolved';
}

/** The i18next-shaped translate function the renderer needs (e.g. i18n.getFixedT(language)). */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * Plain text for a phone call, a chat or the clipboard. Every label comes from content (namespace
 * 'summary' plus step, message, code and escalation keys); the text is redacted once more as a last guard,
 * except the line of an accepted 商户号, which may pass the Luhn check (see isMerchantNumber).
 */
export function renderCaseSummary(summary: CaseSummary, t: Translate): string {
  const code = summary.how.code ?? '';
  // Step titles may name the response code ("应答码 {{code}}").
  const title = (step: StepId) => t(`steps:${step}.title`, { code });
  const lines: string[] = [t('summary:title')];
  if (summary.startedAt) lines.push(t('summary:started', { time: new Date(summary.startedAt) }));
  if (summary.endedAt) lines.push(t('summary:ended', { time: new Date(summary.endedAt) }));
  lines.push(howLine(summary, t));

  if (summary.answers.length > 0) {
    lines.push('', t('summary:answersTitle'));
    for (const entry of summary.answers) {
      const answer = t(`steps:${entry.step}.options.${entry.answer}`, { code });
      lines.push(t('summary:answer', { code: entry.stepCode, question: title(entry.step), answer }));
    }
  }
  if (summary.remediesTried.length > 0) {
    lines.push('', t('summary:remediesTitle'));
    for (const entry of summary.remediesTried) {
      const result = t(`summary:result.${entry.result}`);
      lines.push(t('summary:remedy', { code: entry.stepCode, remedy: title(entry.step), result }));
    }
  }

  lines.push('');
  if (summary.outcome) {
    lines.push(t('summary:outcome', { code: summary.outcome.stepCode, outcome: title(summary.outcome.step) }));
    if (summary.outcome.escalateTo) {
      lines.push(t('summary:escalation', { who: t(`common:escalateTo.${summary.outcome.escalateTo}`) }));
    }
  } else if (summary.currentStep !== 'home') {
    lines.push(t('summary:current', { code: summary.currentStepCode ?? '', step: title(summary.currentStep) }));
  } else {
    lines.push(t('summary:notStarted'));
  }

  const fieldLines = caseFieldNames.flatMap((name) => {
    const raw = summary.fields[name];
    // Checked again: only a value the field accepts is shown, so only a 商户号 is exempt from redaction.
    const checked = raw === undefined ? null : validateCaseField(name, raw);
    if (checked?.status !== 'ok') return [];
    const { value } = checked;
    const label = name === 'reference' ? referenceKind(value) : name;
    const line = t(`summary:fields.${label}`, { value });
    return [name === 'merchantId' ? line : redactCardNumbers(line).text];
  });
  const head = redactCardNumbers(lines.join('\n')).text;
  const fieldsBlock = fieldLines.length > 0 ? ['', redact(t('summary:fieldsTitle')), ...fieldLines] : [];
  const version = redact(t('summary:version', { app: summary.appVersion, content: summary.contentVersion }));
  return [head, ...fieldsBlock, '', version].join('\n');
}

const redact = (text: string) => redactCardNumbers(text).text;

/** How the diagnosis was entered, as one line (also the history list's "how it started"). */
export function howLine(summary: CaseSummary, t: Translate): string {
  const { via, code, message } = summary.how;
  if (via === 'code' && code) return t('summary:via.code', { code, meaning: t(`codes:${code}.meaning`) });
  if (via === 'message' && message) return t('summary:via.message', { message: t(`messages:${message}.label`) });
  if (via === 'words') return t('summary:via.words');
  return t('summary:via.guided');
}

/** An ISO time, or null for anything that is not a valid time. */
function isoTime(value: number | Date | string | null): string | null {
  if (value === null) return null;
  const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : value;
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}
