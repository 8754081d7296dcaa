import { useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerId } from '../domain/diagnosis/flow.ts';

interface AnswerListProps {
  answers: readonly AnswerId[];
  labels: Record<string, string> | undefined;
  /** The answer given here before stepping back, offered again. */
  previous?: AnswerId | undefined;
  onAnswer: (answer: AnswerId) => void;
}

/**
 * A tap this list should not take: the second tap of a double tap (the browser counts it in `detail`, within its
 * double-click time and distance), or a pointer click whose press began before these buttons were on screen (it
 * was meant for the previous question). Keyboard and assistive-technology clicks have detail 0 and always count.
 */
function isStrayTap(event: MouseEvent, pressedHere: boolean): boolean {
  return event.detail > 1 || (event.detail === 1 && !pressedHere);
}

/** Big, full-width answer buttons: one tap per answer, reachable with a thumb. */
export function AnswerList({ answers, labels, previous, onAnswer }: AnswerListProps) {
  const { t } = useTranslation();
  /** A press began on one of these buttons since they were shown (the list mounts fresh with each step). */
  const pressed = useRef(false);
  return (
    <ul className="answers" onPointerDown={() => (pressed.current = true)}>
      {answers.map((answer) => (
        <li key={answer}>
          <button
            type="button"
            className={answer === previous ? 'answer previous' : 'answer'}
            data-answer={answer}
            onClick={(event) => {
              if (!isStrayTap(event, pressed.current)) onAnswer(answer);
            }}
          >
            {labels?.[answer] ?? answer}
            {answer === previous ? <span className="sub">{t('step.previousAnswer')}</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
