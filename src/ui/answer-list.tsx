import { useTranslation } from 'react-i18next';
import type { AnswerId } from '../domain/diagnosis/flow.ts';

interface AnswerListProps {
  answers: readonly AnswerId[];
  labels: Record<string, string> | undefined;
  /** The answer given here before stepping back, offered again. */
  previous?: AnswerId | undefined;
  onAnswer: (answer: AnswerId) => void;
}

/** Big, full-width answer buttons: one tap per answer, reachable with a thumb. */
export function AnswerList({ answers, labels, previous, onAnswer }: AnswerListProps) {
  const { t } = useTranslation();
  return (
    <ul className="answers">
      {answers.map((answer) => (
        <li key={answer}>
          <button
            type="button"
            className={answer === previous ? 'answer previous' : 'answer'}
            data-answer={answer}
            onClick={() => onAnswer(answer)}
          >
            {labels?.[answer] ?? answer}
            {answer === previous ? <span className="sub">{t('step.previousAnswer')}</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
