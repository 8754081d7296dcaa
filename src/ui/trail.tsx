import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrailEntry } from '../domain/diagnosis/diagnosis.machine.ts';
import type { StepId } from '../domain/diagnosis/steps.ts';
import { useContent } from './content.ts';
import { DiagnosisActor } from './diagnosis-actor.ts';

type Answered = { step: StepId; answer: NonNullable<TrailEntry['answer']> };

/** The answers given so far, oldest first; each can be changed, which reopens that question. */
export function Trail({ trail }: { trail: readonly TrailEntry[] }) {
  const { t: tc } = useTranslation();
  const answered = trail.filter(
    (entry): entry is Answered => entry.step !== 'home' && entry.answer !== null && entry.step !== 'lookup.code',
  );
  if (answered.length === 0) return null;
  return (
    <details className="trail">
      <summary>
        {tc('step.trailTitle')} ({answered.length})
      </summary>
      <ol>
        {answered.map((entry) => (
          <TrailAnswer key={entry.step} step={entry.step} answer={entry.answer} />
        ))}
      </ol>
    </details>
  );
}

/** One answer of the trail; the trail grows by one at each step, and the answers already there do not render again. */
const TrailAnswer = memo(function TrailAnswer({ step, answer }: Answered) {
  const { t: tc } = useTranslation();
  const text = useContent();
  const actor = DiagnosisActor.useActorRef();
  const question = text.stepTitle(step);
  return (
    <li>
      <span className="trail-q">{question}</span>
      <span className="trail-a">{text.answerLabel(step, answer)}</span>
      <button
        type="button"
        className="trail-change"
        data-action="change"
        aria-label={tc('step.changeAnswerLabel', { question })}
        onClick={() => actor.send({ type: 'answer.change', step })}
      >
        {tc('step.changeAnswer')}
      </button>
    </li>
  );
});
