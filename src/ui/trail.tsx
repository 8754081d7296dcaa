import { useTranslation } from 'react-i18next';
import type { TrailEntry } from '../domain/diagnosis.machine.ts';

/** The answers given so far, oldest first, so merchant and agent see the path at a glance. */
export function Trail({ trail }: { trail: readonly TrailEntry[] }) {
  const { t } = useTranslation('steps');
  const { t: tc } = useTranslation();
  const answered = trail.filter(
    (entry): entry is { step: Exclude<TrailEntry['step'], 'home'>; answer: NonNullable<TrailEntry['answer']> } =>
      entry.step !== 'home' && entry.answer !== null && entry.step !== 'lookup.code',
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
          </li>
        ))}
      </ol>
    </details>
  );
}
