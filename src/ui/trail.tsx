import { memo, useState } from 'react';
import { useText } from './text.tsx';
import type { TrailEntry } from '../domain/diagnosis/diagnosis.machine.ts';
import { stepInfo, type StepId } from '../domain/diagnosis/steps.ts';
import { useContent } from './content.ts';
import { DiagnosisActor } from './diagnosis-actor.ts';

type Answered = { step: StepId; answer: NonNullable<TrailEntry['answer']> };

const isAnswered = (entry: TrailEntry): entry is TrailEntry & Answered =>
  entry.step !== 'home' && entry.answer !== null && entry.step !== 'lookup.code';

/**
 * The answers given so far, oldest first; each can be changed, which reopens that question. A step support
 * opened by code shows where the caller was when they called.
 */
export function Trail({ trail, open = false }: { trail: readonly TrailEntry[]; open?: boolean }) {
  const { t: tc } = useText();
  // The answers render once the trail is opened: closed, they are a quarter of a step's elements, built and
  // thrown away at every step. The summary's click comes before the browser opens it, so they are there in time.
  const [listed, setListed] = useState(open);
  const shown = trail.filter((entry) => isAnswered(entry) || entry.opened !== undefined);
  if (shown.length === 0) return null;
  return (
    <details className="trail" open={open}>
      <summary onClick={() => setListed(true)}>
        {tc('step.trailTitle')} ({trail.filter(isAnswered).length})
      </summary>
      {listed || open ? (
        <ol>
          {shown.map((entry, index) =>
            entry.opened !== undefined ? (
              <TrailJump key={`jump-${index}`} step={entry.opened} />
            ) : isAnswered(entry) ? (
              <TrailAnswer key={entry.step} step={entry.step} answer={entry.answer} />
            ) : null,
          )}
        </ol>
      ) : null}
    </details>
  );
}

/** A step support opened by its code: the caller was there when they called. */
function TrailJump({ step }: { step: StepId }) {
  const { t: tc } = useText();
  const text = useContent();
  return (
    <li className="trail-jump" data-trail="jump">
      {tc('support.jump', { code: stepInfo(step).code, step: text.stepTitle(step) })}
    </li>
  );
}

/** One answer of the trail; the trail grows by one at each step, and the answers already there do not render again. */
const TrailAnswer = memo(function TrailAnswer({ step, answer }: Answered) {
  const { t: tc } = useText();
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
