/**
 * The one bridge from typed ids (steps, answers, codes, messages) to content keys. Components ask this module for
 * a step's title or an answer's label; none of them builds a key by hand or needs a cast to reach content.
 */
import { useTranslation } from 'react-i18next';
import { useText } from './text.tsx';
import type { AnswerId } from '../domain/diagnosis/flow.ts';
import type { Seat } from '../domain/case/seat.ts';
import { stepInfo, type Escalation, type StepId } from '../domain/diagnosis/steps.ts';
import type { ScreenMessageId } from '../domain/lookup/screen-messages.ts';
import type { Actor, RetryAdvice } from '../domain/lookup/categories.ts';
import { supportNamespaces } from '../i18n/resources.ts';

/** An i18next-shaped translate function over any namespace ("steps:network.signal.title"). */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface Script {
  say: string;
  listen: string;
}

interface Base {
  title: string;
  script?: Script;
  warning?: string;
}

export interface QuestionContent extends Base {
  prompt: string;
  hint?: string;
  options: Record<string, string>;
}

export interface RemedyContent extends Base {
  prompt?: string;
  /** Steps that ask for a PIN: the wrong entries so far and the tries usually left ({{wrong}}, {{left}}). */
  pin?: string;
  steps: string[];
  check: string;
  options: Record<string, string>;
}

export interface OutcomeContent extends Base {
  summary: string;
  remedy: string[];
  escalation: { who: string; when: string; text: string };
  /** Support mode: what the agent's seat does next, in place of the merchant's "who to call" (useStepContent). */
  seatDo?: string;
}

export type AnyStepContent = QuestionContent & RemedyContent & OutcomeContent;

type Values = Record<string, unknown>;

/** Typed accessors over a translate function; keys are built here and nowhere else. */
export function contentText(t: Translate) {
  return {
    t,
    stepTitle: (step: StepId, values?: Values) => t(`steps:${step}.title`, values),
    /** A step's own text, or '' where the step has none (e.g. an outcome's prompt). */
    stepText: (step: StepId, part: 'prompt' | 'summary') => t(`steps:${step}.${part}`, { defaultValue: '' }),
    answerLabel: (step: StepId, answer: AnswerId, values?: Values) => t(`steps:${step}.options.${answer}`, values),
    codeText: (code: string, part: 'meaning' | 'advice') => t(`codes:${code}.${part}`),
    messageLabel: (message: ScreenMessageId | string) => t(`messages:${message}.label`),
    actorName: (actor: Actor) => t(`lookup:actor.${actor}`),
    retryAdvice: (retry: RetryAdvice) => t(`lookup:retry.${retry}`),
    escalationName: (who: Escalation) => t(`common:escalateTo.${who}`),
  };
}

export type ContentText = ReturnType<typeof contentText>;

/** The current language's typed content accessors; re-renders when the language changes. */
export function useContent(): ContentText {
  const { t } = useText();
  // The one place a typed i18next `t` is widened to dynamic keys: every key it receives is built above.
  return contentText(t as unknown as Translate);
}

/**
 * A step's content object in the current language, or null when it did not load. In support mode it carries the
 * step's script (content/<locale>/scripts.json, loaded with support mode), and with a support agent's seat the
 * step speaks from that seat (seatContent).
 */
export function useStepContent(
  step: StepId,
  values?: Values,
  seat: Seat | null = null,
  supportMode = false,
): Partial<AnyStepContent> | null {
  const { t } = useContent();
  // Support mode waits for its texts (main.tsx, app.tsx); were they still loading, the step renders again with them.
  useTranslation(supportMode ? supportNamespaces : undefined);
  const content = objectAt(t, `steps:${step}`, values);
  if (!content) return null;
  if (!supportMode) return content;
  const script = objectAt(t, `scripts:${step}`, values);
  const withScript = script ? { ...content, script } : content;
  return seat ? seatContent(withScript as Partial<AnyStepContent>, step, seat, t, values) : withScript;
}

const objectAt = (t: Translate, key: string, values?: Values): Record<string, unknown> | null => {
  const value: unknown = (t as (key: string, options: Values) => unknown)(key, { returnObjects: true, ...values });
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
};

/** A step's parts as one seat says them (content/<locale>/seats.json); a list is changed item by item ("3": the fourth). */
interface SeatText {
  script?: Partial<Script>;
  escalation?: Partial<OutcomeContent['escalation']>;
  warning?: string;
  /** What this seat does next at this outcome, in place of the seat's text for the escalation. */
  do?: string;
  steps?: Record<string, string>;
  remedy?: Record<string, string>;
}

const byItem = (list: string[] | undefined, changes: Record<string, string> | undefined) =>
  list && changes ? list.map((item, index) => changes[String(index)] ?? item) : list;

/**
 * The step as the agent's seat says it: the seat's own text for this step where it has one, else (on an outcome
 * that names someone to contact) the seat's text for that escalation; a store manager keeps the merchant's text.
 */
function seatContent(
  content: Partial<AnyStepContent>,
  step: StepId,
  seat: Seat,
  t: Translate,
  values?: Values,
): Partial<AnyStepContent> {
  const own: SeatText = objectAt(t, `seats:${seat}.${step}`, values) ?? {};
  const escalateTo = stepInfo(step).escalateTo;
  const escalation = seat !== 'manager' && escalateTo ? `common:seat.do.${seat}.${escalateTo}` : null;
  const say = own.script?.say ?? (escalation ? t(`${escalation}.say`) : undefined);
  const seatDo = own.do ?? (escalation ? t(`${escalation}.text`) : undefined);
  return {
    ...content,
    ...(own.warning ? { warning: own.warning } : {}),
    steps: byItem(content.steps, own.steps),
    remedy: byItem(content.remedy, own.remedy),
    ...(content.escalation ? { escalation: { ...content.escalation, ...own.escalation } } : {}),
    ...(content.script
      ? {
          script: {
            ...content.script,
            ...(say ? { say } : {}),
            ...(own.script?.listen ? { listen: own.script.listen } : {}),
          },
        }
      : {}),
    ...(seatDo ? { seatDo } : {}),
  };
}
