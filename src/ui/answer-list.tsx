import { useText } from './text.tsx';
import type { AnswerId } from '../domain/diagnosis/flow.ts';
import { useTapGuard } from './tap-guard.tsx';

interface AnswerListProps {
  answers: readonly AnswerId[];
  labels: Record<string, string> | undefined;
  /** The answer given here before stepping back, offered again. */
  previous?: AnswerId | undefined;
  onAnswer: (answer: AnswerId) => void;
  /** Support mode at a desk: keys 1–9 answer; each button shows and announces its key. */
  numbered?: boolean;
}

/** Big, full-width answer buttons: one tap per answer, reachable with a thumb. */
export function AnswerList({ answers, labels, previous, onAnswer, numbered = false }: AnswerListProps) {
  const { t } = useText();
  // The list mounts fresh with each step: a press on the last step's answers is not one of these.
  const guard = useTapGuard();
  return (
    <ul className="answers" onPointerDown={guard.onPointerDown}>
      {answers.map((answer, index) => (
        <li key={answer}>
          <button
            type="button"
            className={answer === previous ? 'answer previous' : 'answer'}
            data-answer={answer}
            aria-keyshortcuts={numbered && index < 9 ? String(index + 1) : undefined}
            onClick={(event) => {
              if (guard.accept(event)) onAnswer(answer);
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
