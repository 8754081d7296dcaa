import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SuccessMark } from './later-parts.tsx';

interface StepHeadingProps {
  title: string;
  /** Short step code a support agent can ask for; absent on home. */
  code?: string;
  /** Changes on every step so focus moves to the new heading, which screen readers then announce. */
  focusKey: string;
  /** "Step 3": on the line above the title, with the step code, so the title has the full width. */
  progress?: string;
  /** A success (fixed at the counter): the title gets a check mark. */
  success?: boolean;
}

export function StepHeading({ title, code, focusKey, progress, success = false }: StepHeadingProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, [focusKey]);
  return (
    <div className="step-heading">
      {progress || code ? (
        <div className="step-meta">
          {progress ? <p className="progress">{progress}</p> : null}
          {code ? (
            <p className="step-badge">
              <span className="visually-hidden">{t('step.codeLabel')} </span>
              <span aria-hidden="true">{t('step.codeLabel')}</span> <strong>{code}</strong>
            </p>
          ) : null}
        </div>
      ) : null}
      <h1 ref={ref} tabIndex={-1}>
        {success ? <SuccessMark /> : null}
        {title}
      </h1>
    </div>
  );
}
