import { useTranslation } from 'react-i18next';
import type { StepId } from '../domain/diagnosis/steps.ts';

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

/** A step's content object in the current language, or null when it did not load. */
export function useStepContent(step: StepId, values?: Record<string, string>): Partial<AnyStepContent> | null {
  const { t } = useTranslation('steps');
  const content: unknown = t(step as never, { returnObjects: true, ...values } as never);
  return typeof content === 'object' && content !== null ? (content as Partial<AnyStepContent>) : null;
}
