import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { stepInfo, type StepId } from '../domain/diagnosis/steps.ts';
import { useContent } from './content.ts';

interface ResumePromptProps {
  /** Where the saved diagnosis stopped. */
  step: StepId;
  /** The response code the diagnosis started from, for titles that name it. */
  code: string | null;
  onContinue: () => void;
  onStartOver: () => void;
}

/** On the home screen after a reload: continue the unfinished diagnosis where it stopped, or start over. */
export function ResumePrompt({ step, code, onContinue, onStartOver }: ResumePromptProps) {
  const { t } = useTranslation();
  const text = useContent();
  const titleId = useId();
  const title = text.stepTitle(step, { code: code ?? '' });
  return (
    <section className="resume" aria-labelledby={titleId} data-resume={step}>
      <h2 id={titleId}>{t('resume.title')}</h2>
      <p className="resume-where">{t('resume.where', { code: stepInfo(step).code, step: title })}</p>
      <div className="resume-buttons">
        <button type="button" className="answer primary" data-action="resume" onClick={onContinue}>
          {t('resume.continue')}
        </button>
        <button type="button" className="answer" data-action="start-over" onClick={onStartOver}>
          {t('resume.startOver')}
        </button>
      </div>
    </section>
  );
}
