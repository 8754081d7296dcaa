import type { AnswerId } from '../domain/diagnosis.machine.ts';

interface AnswerListProps {
  answers: readonly AnswerId[];
  labels: Record<string, string> | undefined;
  onAnswer: (answer: AnswerId) => void;
}

/** Big, full-width answer buttons: one tap per answer, reachable with a thumb. */
export function AnswerList({ answers, labels, onAnswer }: AnswerListProps) {
  return (
    <ul className="answers">
      {answers.map((answer) => (
        <li key={answer}>
          <button type="button" className="answer" data-answer={answer} onClick={() => onAnswer(answer)}>
            {labels?.[answer] ?? answer}
          </button>
        </li>
      ))}
    </ul>
  );
}
