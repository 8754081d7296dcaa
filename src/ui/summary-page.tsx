import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildCaseSummary } from '../domain/case/case-summary.ts';
import { renderCaseSummary, renderTicket } from './case-summary-text.ts';
import { CaseFieldsForm } from './case-fields-form.tsx';
import { useCaseFields, type CaseFieldsState } from './case-fields-state.ts';
import { useContent } from './content.ts';
import { currentStep, isAtOutcome } from '../domain/diagnosis/diagnosis.machine.ts';
import { DiagnosisActor } from './diagnosis-actor.ts';
import { PageFrame } from './page-frame.tsx';
import type { ShareBridge } from './share-bridge.ts';
import { ShareControls } from './share-controls.tsx';

interface SummaryPageProps {
  appVersion: string;
  contentVersion: string;
  share: ShareBridge;
  now: () => Date;
  onClose: () => void;
  /** The support agent's note for this case (masked in the summary); empty outside support mode. */
  note?: string;
  /** Support mode's details of the running case (also typed at the desk); the page keeps its own otherwise. */
  caseFields?: CaseFieldsState | undefined;
}

/**
 * The case summary of the running diagnosis, with optional transaction details to add and share now.
 * The details live only in memory (this page's, or the support case's): never stored, and a full card number is
 * refused.
 */
export function SummaryPage({
  appVersion,
  contentVersion,
  share,
  now,
  onClose,
  note = '',
  caseFields,
}: SummaryPageProps) {
  const { t } = useTranslation('summary');
  const { t: tAny } = useContent();
  const snapshot = DiagnosisActor.useSelector((s) => s);
  const step = currentStep(snapshot);
  const finished = isAtOutcome(snapshot);
  const [openedAt] = useState(now);
  const own = useCaseFields();
  const details = caseFields ?? own;
  const textRef = useRef<HTMLPreElement>(null);
  const previewId = useId();

  const summary = buildCaseSummary({
    context: snapshot.context,
    currentStep: step,
    startedAt: snapshot.context.startedAt,
    endedAt: finished ? openedAt : null,
    fields: details.fields,
    note,
    appVersion,
    contentVersion,
  });
  const text = renderCaseSummary(summary, tAny);
  const ticket = renderTicket(summary, tAny);

  return (
    <PageFrame page="summary" title={t('page.title')} onClose={onClose}>
      <p className="lead">{t('page.lead')}</p>
      <CaseFieldsForm state={details} footnote={t(caseFields ? 'form.notSavedWithCase' : 'form.notSaved')} />
      <h2 id={previewId}>{t('preview.title')}</h2>
      <pre className="summary-text" ref={textRef} tabIndex={0} aria-labelledby={previewId} data-summary="text">
        {text}
      </pre>
      <ShareControls text={text} bridge={share} target={textRef} beforeShare={() => details.check()} />
      <TicketCopy text={ticket} bridge={share} beforeCopy={() => details.check()} />
    </PageFrame>
  );
}

/** The case in labelled fields for a ticket form: copied to the clipboard, else selected for a manual copy. */
function TicketCopy({ text, bridge, beforeCopy }: { text: string; bridge: ShareBridge; beforeCopy: () => void }) {
  const { t } = useTranslation('summary');
  const [status, setStatus] = useState<'copied' | 'selected' | null>(null);
  const target = useRef<HTMLPreElement>(null);
  const titleId = useId();

  async function copy() {
    beforeCopy();
    setStatus(null);
    if (bridge.copy) {
      try {
        await bridge.copy(text);
        setStatus('copied');
        return;
      } catch {
        // No clipboard permission: select the text instead.
      }
    }
    const selection = globalThis.getSelection?.();
    if (target.current && selection) {
      target.current.focus();
      const range = document.createRange();
      range.selectNodeContents(target.current);
      selection.removeAllRanges();
      selection.addRange(range);
    }
    setStatus('selected');
  }

  return (
    <section className="ticket" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('ticket.title')}</h2>
      <pre className="summary-text" ref={target} tabIndex={0} aria-labelledby={titleId} data-summary="ticket">
        {text}
      </pre>
      <button type="button" className="answer" data-action="copy-ticket" onClick={() => void copy()}>
        {t('ticket.copy')}
      </button>
      {status ? (
        <p className="share-status" role="status">
          {status === 'copied' ? t('ticket.copied') : t('share.selected')}
        </p>
      ) : null}
    </section>
  );
}
