import { useTranslation } from 'react-i18next';
import type { OutcomeContent } from './content.ts';
import type { Escalation } from '../domain/diagnosis/steps.ts';
import type { Seat } from '../domain/case/seat.ts';
import { NumberedSteps } from './numbered-steps.tsx';
import { WarningNote } from './warning-note.tsx';

interface OutcomeViewProps {
  content: Partial<OutcomeContent>;
  escalateTo: Escalation | undefined;
  /** Support mode's seat: a POS company's or a bank's agent gets what they do next (a store manager, today's text). */
  seat?: Seat | null;
}

/** The end of a diagnosis: what to do now, then who to call and what to have ready. */
export function OutcomeView({ content, escalateTo, seat = null }: OutcomeViewProps) {
  const { t } = useTranslation();
  const ready = t('step.ready', { returnObjects: true });
  // The agent's seat replaces the merchant's "who to call" text: the caller needs no other number.
  const seatDo = seat && content.seatDo ? seat : null;
  return (
    <>
      {content.summary ? <p className="lead">{content.summary}</p> : null}
      <WarningNote text={content.warning} />
      <NumberedSteps title={t('step.stepsTitle')} items={content.remedy} />
      <section className="escalation">
        <h2>{t('step.escalationTitle')}</h2>
        {seatDo ? (
          <div className="seat-do" data-seat-do={seatDo}>
            <h3>{t('seat.doTitle')}</h3>
            <p>{content.seatDo}</p>
            <p className="fine">{t('step.noCardNumber')}</p>
          </div>
        ) : null}
        {escalateTo ? <p className="escalation-to">{t(`escalateTo.${escalateTo}`)}</p> : null}
        {content.escalation && !seatDo ? (
          <>
            <p className="escalation-who">{content.escalation.who}</p>
            <p>
              <strong>{t('step.escalationWhen')}</strong> {content.escalation.when}
            </p>
            <p>{content.escalation.text}</p>
          </>
        ) : null}
        {escalateTo && !seatDo ? (
          <>
            <h3>{t('step.readyTitle')}</h3>
            <ul className="ready">
              {ready.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            <p className="fine">{t('step.noCardNumber')}</p>
          </>
        ) : null}
      </section>
    </>
  );
}
