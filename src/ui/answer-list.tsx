import { useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerId } from '../domain/diagnosis/flow.ts';

interface AnswerListProps {
  answers: readonly AnswerId[];
  labels: Record<string, string> | undefined;
  /** The answer given here before stepping back, offered again. */
  previous?: AnswerId | undefined;
  onAnswer: (answer: AnswerId) => void;
  /** Support mode at a desk: keys 1–9 answer; each button shows and announces its key. */
  numbered?: boolean;
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
export function AnswerList({ answers, labels, previous, onAnswer, numbered = false }: AnswerListProps) {
  const { t } = useTranslation();
  /** A press began on one of these buttons since they were shown (the list mounts fresh with each step). */
  const pressed = useRef(false);
  return (
    <ul className="answers" onPointerDown={() => (pressed.current = true)}>
      {answers.map((answer, index) => (
        <li key={answer}>
          <button
            type="button"
            className={answer === previous ? 'answer previous' : 'answer'}
            data-answer={answer}
            aria-keyshortcuts={numbered && index < 9 ? String(index + 1) : undefined}
            onClick={(event) => {
              if (!isStrayTap(event, pressed.current)) onAnswer(answer);
            }}
          >
            {numbered && index < 9 ? (
              <kbd className="answer-key" aria-hidden="true">
                {index + 1}
              </kbd>
            ) : null}
            {labels?.[answer] ?? answer}
            {answer === previous ? <span className="sub">{t('step.previousAnswer')}</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
