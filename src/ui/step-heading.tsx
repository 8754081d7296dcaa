import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface StepHeadingProps {
  title: string;
  /** Short step code a support agent can ask for; absent on home. */
  code?: string;
  /** Changes on every step so focus moves to the new heading, which screen readers then announce. */
  focusKey: string;
}

export function StepHeading({ title, code, focusKey }: StepHeadingProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, [focusKey]);
  return (
    <div className="step-heading">
      {code ? (
        <p className="step-badge">
          <span className="visually-hidden">{t('step.codeLabel')} </span>
          <span aria-hidden="true">{t('step.codeLabel')}</span> <strong>{code}</strong>
        </p>
      ) : null}
      <h1 ref={ref} tabIndex={-1}>
        {title}
      </h1>
    </div>
  );
}
