import { useTranslation } from 'react-i18next';
import type { TrailEntry } from '../domain/diagnosis.machine.ts';
import type { StepId } from '../domain/steps.ts';
import { DiagnosisActor } from './diagnosis-actor.ts';

type Answered = { step: StepId; answer: NonNullable<TrailEntry['answer']> };

/** The answers given so far, oldest first; each can be changed, which reopens that question. */
export function Trail({ trail }: { trail: readonly TrailEntry[] }) {
  const { t } = useTranslation('steps');
  const { t: tc } = useTranslation();
  const actor = DiagnosisActor.useActorRef();
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
          <li key={entry.step}>
            <span className="trail-q">{t(`${entry.step}.title` as never)}</span>
            <span className="trail-a">{t(`${entry.step}.options.${entry.answer}` as never)}</span>
            <button
              type="button"
              className="trail-change"
              data-action="change"
              aria-label={tc('step.changeAnswerLabel', { question: t(`${entry.step}.title` as never) })}
              onClick={() => actor.send({ type: 'answer.change', step: entry.step })}
            >
              {tc('step.changeAnswer')}
            </button>
          </li>
        ))}
      </ol>
    </details>
  );
}
