import { useEffect, useRef } from 'react';
import { useText } from './text.tsx';
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
  const { t } = useText();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // The new screen starts at its top. Scrolling to (0, 0) needs no layout, and focus without scrolling needs none
    // either: the step's first layout happens once, in the frame that paints it (focus's own scroll into view laid
    // the new step out inside the click and cost a third of a step change at 4x CPU).
    window.scrollTo(0, 0);
    ref.current?.focus({ preventScroll: true });
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
