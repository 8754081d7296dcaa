import { memo, useEffect, useId, useRef, useState } from 'react';
import { useText } from './text.tsx';
import { isAtOutcome } from '../domain/diagnosis/diagnosis.machine.ts';
import { DiagnosisActor } from './diagnosis-actor.ts';

/**
 * Back and restart at the bottom, where a thumb reaches; both are machine events. Restart asks once, in the bar,
 * when answers would be lost; with nothing answered yet, or at an outcome (it is in the history), it goes at once.
 * A step change renders it only when Back's availability or that changes.
 */
export const NavBar = memo(function NavBar() {
  const { t } = useText();
  const actor = DiagnosisActor.useActorRef();
  const canBack = DiagnosisActor.useSelector((s) => s.can({ type: 'nav.back' }));
  const inProgress = DiagnosisActor.useSelector(
    (s) => !isAtOutcome(s) && s.context.trail.some((entry) => entry.answer !== null),
  );
  const [asking, setAsking] = useState(false);
  const restartButton = useRef<HTMLButtonElement>(null);
  const restart = () => {
    setAsking(false);
    actor.send({ type: 'session.restart' });
  };
  const keepGoing = () => {
    setAsking(false);
    // Focus goes back where it was, so a keyboard or screen-reader user is not dropped at the top of the page.
    requestAnimationFrame(() => restartButton.current?.focus());
  };

  return (
    <nav className="nav-bar" aria-label={t('nav.label')}>
      {asking && inProgress ? (
        <RestartConfirm onRestart={restart} onKeepGoing={keepGoing} />
      ) : (
        <>
          <button type="button" data-action="back" disabled={!canBack} onClick={() => actor.send({ type: 'nav.back' })}>
            {t('nav.back')}
          </button>
          <button
            ref={restartButton}
            type="button"
            data-action="restart"
            onClick={() => (inProgress ? setAsking(true) : restart())}
          >
            {t('nav.restart')}
          </button>
        </>
      )}
    </nav>
  );
});

interface RestartConfirmProps {
  onRestart: () => void;
  onKeepGoing: () => void;
}

/**
 * "Leave this diagnosis?" in place of the two buttons. Keep going sits where Restart was, so a double tap keeps the
 * diagnosis; Escape keeps it too. Focus moves to the question's buttons, which announce the question.
 */
function RestartConfirm({ onRestart, onKeepGoing }: RestartConfirmProps) {
  const { t } = useText();
  const questionId = useId();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    keep.current?.focus();
  }, []);
  return (
    <div
      className="confirm restart-confirm"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onKeepGoing();
      }}
    >
      <p id={questionId}>{t('nav.restartConfirm')}</p>
      <div className="confirm-buttons">
        <button type="button" data-action="restart-confirm" onClick={onRestart}>
          {t('nav.restartYes')}
        </button>
        <button ref={keep} type="button" data-action="restart-cancel" onClick={onKeepGoing}>
          {t('nav.restartNo')}
        </button>
      </div>
    </div>
  );
}
