/**
 * The one bridge from typed ids (steps, answers, codes, messages) to content keys. Components ask this module for
 * a step's title or an answer's label; none of them builds a key by hand or needs a cast to reach content.
 */
import { useTranslation } from 'react-i18next';
import type { AnswerId } from '../domain/diagnosis/flow.ts';
import type { Escalation, StepId } from '../domain/diagnosis/steps.ts';
import type { ScreenMessageId } from '../domain/lookup/screen-messages.ts';
import type { Actor, RetryAdvice } from '../domain/lookup/categories.ts';

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
  const { t } = useTranslation();
  // The one place a typed i18next `t` is widened to dynamic keys: every key it receives is built above.
  return contentText(t as unknown as Translate);
}

/** A step's content object in the current language, or null when it did not load. */
export function useStepContent(step: StepId, values?: Values): Partial<AnyStepContent> | null {
  const { t } = useContent();
  const content: unknown = (t as (key: string, options: Values) => unknown)(`steps:${step}`, {
    returnObjects: true,
    ...values,
  });
  return typeof content === 'object' && content !== null ? (content as Partial<AnyStepContent>) : null;
}
