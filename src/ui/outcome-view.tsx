import { useId } from 'react';
import { useText } from './text.tsx';
import type { OutcomeContent } from './content.ts';
import type { Escalation } from '../domain/diagnosis/steps.ts';
import type { Seat } from '../domain/case/seat.ts';
import { NumberedSteps } from './numbered-steps.tsx';
import { GuardedButton } from './tap-guard.tsx';

export interface OutcomeViewProps {
  content: Partial<OutcomeContent>;
  escalateTo: Escalation | undefined;
  /** Support mode's seat: a POS company's or a bank's agent gets what they do next (a store manager, today's text). */
  seat?: Seat | null;
  /** 0-based index of the numbered step the warning sits beside. */
  warningAt?: number;
  /** Fixed at the counter: a success look, and a record to keep instead of someone to call. */
  success?: boolean;
  /** False right after the code card: the code's meaning was just read there and stays one tap away. */
  showSummary?: boolean;
  /** The escalation's details start open (support mode: the agent reads them out); folded at a counter. */
  detailsOpen?: boolean;
  /** Opens the case summary of this diagnosis. */
  onOpenSummary?: (() => void) | undefined;
}

/**
 * The end of a diagnosis, as short as a queue allows: the answer and what to do now come first (each warning beside
 * its step); who to contact is one line, with when, what to say and what to have ready folded under it.
 */
export function OutcomeView({
  content,
  escalateTo,
  seat = null,
  warningAt,
  success = false,
  showSummary = true,
  detailsOpen = false,
  onOpenSummary,
}: OutcomeViewProps) {
  const { t } = useText();
  return (
    <>
      {content.summary && showSummary ? <p className="lead outcome-answer">{content.summary}</p> : null}
      <NumberedSteps
        title={t('step.stepsTitle')}
        items={content.remedy}
        warning={content.warning}
        {...(warningAt === undefined ? {} : { warningAt })}
      />
      {success ? <RecordOffer onOpenSummary={onOpenSummary} /> : null}
      {/* Solved at the counter, nobody to call; an agent in a POS company's or a bank's seat still gets its own line. */}
      {!success || (seat && seat !== 'manager') ? (
        <EscalationBox content={content} escalateTo={escalateTo} seat={seat} open={detailsOpen} />
      ) : null}
    </>
  );
}

/** Success: nobody to call; the case can be kept (it is in the history) or shared as a summary. */
function RecordOffer({ onOpenSummary }: { onOpenSummary: (() => void) | undefined }) {
  const { t } = useText();
  const titleId = useId();
  return (
    <section className="record-offer" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('step.recordTitle')}</h2>
      <p>{t('step.recordText')}</p>
      {onOpenSummary ? (
        <GuardedButton className="answer summary-open" data-action="summary" onClick={onOpenSummary}>
          {t('step.summary')}
        </GuardedButton>
      ) : null}
    </section>
  );
}

interface EscalationBoxProps {
  content: Partial<OutcomeContent>;
  escalateTo: Escalation | undefined;
  seat: Seat | null;
  open: boolean;
}

/**
 * Who to contact, by kind, in one line ("POS company"); where to find the number, when to call, what to say and what
 * to have ready folded under it. An outcome with nobody to call by kind says its own line ("usually nobody").
 */
function EscalationBox({ content, escalateTo, seat, open }: EscalationBoxProps) {
  const { t } = useText();
  const titleId = useId();
  // The agent's seat replaces the merchant's "who to call" text: the caller needs no other number.
  const seatDo = seat && content.seatDo ? seat : null;
  // On an issuer outcome the customer calls their own bank: what they need, not the merchant's ids.
  const customerCalls = escalateTo === 'issuer';
  const ready = t(customerCalls ? 'step.readyCustomer' : 'step.ready', { returnObjects: true });
  const who = escalateTo ? t(`escalateTo.${escalateTo}`) : (content.escalation?.who ?? '');
  return (
    <section className="escalation" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('step.escalationTitle')}</h2>{' '}
      {seatDo ? (
        <div className="seat-do" data-seat-do={seatDo}>
          <h3>{t('seat.doTitle')}</h3>
          <p>{content.seatDo}</p>
          <p className="fine">{t('step.noCardNumber')}</p>
        </div>
      ) : who ? (
        <p className="escalation-who">{who}</p>
      ) : null}
      {content.escalation && !seatDo ? (
        <details className="fold escalation-details" open={open}>
          <summary>{t(customerCalls ? 'step.escalationMoreCustomer' : 'step.escalationMore')}</summary>
          {escalateTo ? <p className="escalation-who">{content.escalation.who}</p> : null}
          <p>
            <strong>{t('step.escalationWhen')}</strong> {content.escalation.when}
          </p>
          <p>{content.escalation.text}</p>
          {escalateTo ? (
            <>
              <h3>{t(customerCalls ? 'step.readyCustomerTitle' : 'step.readyTitle')}</h3>
              <ul className="ready">
                {ready.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
              <p className="fine">{t(customerCalls ? 'step.customerPrivacy' : 'step.noCardNumber')}</p>
            </>
          ) : null}
        </details>
      ) : null}
    </section>
  );
}
