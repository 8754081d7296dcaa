import { useTranslation } from 'react-i18next';
import { StepHeading } from './step-heading.tsx';

interface ElsewhereNoticeProps {
  /** continued: another window took this diagnosis over; finished: it was finished or dropped there. */
  reason: 'continued' | 'finished';
  /** Takes the diagnosis back as the other window left it (only while it is still saved). */
  onTakeBack?: () => void;
  onNew: () => void;
}

/** Shown instead of the step once another window runs this diagnosis: this one stops, so nothing is overwritten. */
export function ElsewhereNotice({ reason, onTakeBack, onNew }: ElsewhereNoticeProps) {
  const { t } = useTranslation();
  return (
    <section className="step elsewhere" data-notice="elsewhere" data-reason={reason}>
      <StepHeading title={t(`elsewhere.${reason}.title`)} focusKey={`elsewhere-${reason}`} />
      <p className="lead">{t(`elsewhere.${reason}.body`)}</p>
      {onTakeBack ? (
        <button type="button" className="answer primary" data-action="take-back" onClick={onTakeBack}>
          {t('elsewhere.takeBack')}
        </button>
      ) : null}
      <button type="button" className="answer" data-action="new" onClick={onNew}>
        {t('step.newDiagnosis')}
      </button>
    </section>
  );
}
