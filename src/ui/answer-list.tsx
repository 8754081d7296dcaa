import { useRef, type MouseEvent, type PointerEvent } from 'react';
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

/** A finger landing again this soon, this close, on the next question is the same double tap (5–500 ms apart). */
const doubleTap = { ms: 500, px: 32 };

/** Where and when the last answer taken from a finger was tapped (shared: each step mounts a new list). */
let lastFingerAnswer: { x: number; y: number; at: number } | null = null;

function isSecondFingerTap(event: PointerEvent): boolean {
  if (event.pointerType !== 'touch' || !lastFingerAnswer) return false;
  const { x, y, at } = lastFingerAnswer;
  return event.timeStamp - at < doubleTap.ms && Math.hypot(event.clientX - x, event.clientY - y) < doubleTap.px;
}

/**
 * A tap this list should not take: the second tap of a double tap (the browser counts it in `detail`; a finger's
 * second tap up to 500 ms later at the same spot), or a pointer click whose press began before these buttons were
 * on screen (it was meant for the previous question). Keyboard and assistive-technology clicks (detail 0) count.
 */
function isStrayTap(event: MouseEvent, press: Press | null): boolean {
  if (event.detail === 0) return false;
  return event.detail > 1 || press === null || press.second;
}

interface Press {
  readonly finger: boolean;
  readonly second: boolean;
}

/** Big, full-width answer buttons: one tap per answer, reachable with a thumb. */
export function AnswerList({ answers, labels, previous, onAnswer, numbered = false }: AnswerListProps) {
  const { t } = useTranslation();
  /** The press that began on these buttons since they were shown (the list mounts fresh with each step). */
  const press = useRef<Press | null>(null);
  return (
    <ul
      className="answers"
      onPointerDown={(event) => {
        press.current = { finger: event.pointerType === 'touch', second: isSecondFingerTap(event) };
      }}
    >
      {answers.map((answer, index) => (
        <li key={answer}>
          <button
            type="button"
            className={answer === previous ? 'answer previous' : 'answer'}
            data-answer={answer}
            aria-keyshortcuts={numbered && index < 9 ? String(index + 1) : undefined}
            onClick={(event) => {
              if (isStrayTap(event, press.current)) return;
              if (press.current?.finger) lastFingerAnswer = { x: event.clientX, y: event.clientY, at: event.timeStamp };
              onAnswer(answer);
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
