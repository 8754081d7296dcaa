/**
 * Reads a stored case summary back (history, shared data). Steps that no longer exist, wrong shapes or anything
 * else unexpected give null; fields are validated again so a stored card number never comes back.
 */
import { validateCaseFields } from '../domain/case/case-fields.ts';
import {
  remedyResults,
  type CaseSummary,
  type RemedyResult,
  type SummaryJump,
  type SummaryOutcome,
  type SummaryRemedy,
} from '../domain/case/case-summary.ts';
import { isAnswerId } from '../domain/diagnosis/flow.ts';
import { isStepId, stepInfo, type Escalation } from '../domain/diagnosis/steps.ts';
import { isRecord } from './read.ts';

export function readCaseSummary(value: unknown): CaseSummary | null {
  try {
    return readSummary(value);
  } catch {
    return null;
  }
}

const vias: readonly string[] = ['guided', 'code', 'message', 'words'];
const escalations: readonly string[] = ['issuer', 'acquirer', 'carrier'] satisfies Escalation[];
/** No diagnosis path is this long; anything longer is not ours. */
const maxEntries = 200;

const isShortString = (value: unknown, max = 64): value is string => typeof value === 'string' && value.length <= max;
/** A step code as stored now ("N-2") or before the hyphen ("N2"); read back as the step's current code. */
const isStepCode = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Z](?:-?[0-9]{1,2})$/.test(value);
const isTimeOrNull = (value: unknown): value is string | null =>
  value === null || (isShortString(value) && Number.isFinite(Date.parse(value)));

function readSummary(value: unknown): CaseSummary | null {
  if (!isRecord(value) || !isRecord(value.how) || !isRecord(value.fields)) return null;
  const { how } = value;
  if (typeof how.via !== 'string' || !vias.includes(how.via)) return null;
  if (!(how.code === null || isShortString(how.code, 8)) || !(how.message === null || isShortString(how.message))) {
    return null;
  }
  if (!isTimeOrNull(value.startedAt) || !isTimeOrNull(value.endedAt)) return null;
  if (!isShortString(value.appVersion) || !isShortString(value.contentVersion)) return null;
  const answers = readList(value.answers, (entry) =>
    isStepId(entry.step) && isStepCode(entry.stepCode) && isAnswerId(entry.answer)
      ? { step: entry.step, stepCode: stepInfo(entry.step).code, answer: entry.answer }
      : null,
  );
  const remediesTried = readList(value.remediesTried, readRemedy);
  // Summaries stored before code jumps were kept have none.
  const jumps = value.jumps === undefined ? [] : readList(value.jumps, readJump);
  if (!answers || !remediesTried || !jumps) return null;
  let outcome: SummaryOutcome | null = null;
  if (value.outcome !== null) {
    const raw = value.outcome;
    if (!isRecord(raw) || !isStepId(raw.step) || !isStepCode(raw.stepCode)) return null;
    if (!(raw.escalateTo === null || (typeof raw.escalateTo === 'string' && escalations.includes(raw.escalateTo)))) {
      return null;
    }
    outcome = { step: raw.step, stepCode: stepInfo(raw.step).code, escalateTo: raw.escalateTo as Escalation | null };
  }
  const currentStep = value.currentStep;
  if (!(currentStep === 'home' || isStepId(currentStep))) return null;
  if (!(value.currentStepCode === null || isStepCode(value.currentStepCode))) return null;
  const fieldInput = Object.fromEntries(
    Object.entries(value.fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  return {
    startedAt: value.startedAt,
    endedAt: value.endedAt,
    how: { via: how.via as CaseSummary['how']['via'], code: how.code, message: how.message },
    answers,
    remediesTried,
    jumps,
    // The agent's note lives with the case: never read back.
    note: null,
    outcome,
    currentStep,
    currentStepCode: currentStep === 'home' ? null : stepInfo(currentStep).code,
    fields: validateCaseFields(fieldInput).values,
    appVersion: value.appVersion,
    contentVersion: value.contentVersion,
  };
}

function readJump(entry: Record<string, unknown>): SummaryJump | null {
  const { afterAnswers } = entry;
  if (!isStepId(entry.step) || !isStepCode(entry.stepCode)) return null;
  if (typeof afterAnswers !== 'number' || !Number.isInteger(afterAnswers) || afterAnswers < 0 || afterAnswers > 200) {
    return null;
  }
  return { step: entry.step, stepCode: stepInfo(entry.step).code, afterAnswers };
}

function readRemedy(entry: Record<string, unknown>): SummaryRemedy | null {
  const result = entry.result;
  if (!isStepId(entry.step) || !isStepCode(entry.stepCode)) return null;
  return typeof result === 'string' && remedyResults.includes(result)
    ? { step: entry.step, stepCode: stepInfo(entry.step).code, result: result as RemedyResult }
    : null;
}

function readList<T>(value: unknown, read: (entry: Record<string, unknown>) => T | null): T[] | null {
  if (!Array.isArray(value) || value.length > maxEntries) return null;
  const out: T[] = [];
  for (const entry of value) {
    const item = isRecord(entry) ? read(entry) : null;
    if (item === null) return null;
    out.push(item);
  }
  return out;
}
