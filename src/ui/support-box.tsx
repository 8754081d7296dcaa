import { lazy, Suspense, useId, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Seat } from '../domain/case/seat.ts';
import { stepByCode, type StepId } from '../domain/diagnosis/steps.ts';
import type { CaseFieldsState } from './case-fields-state.ts';
import { CaseNote } from './case-note.tsx';
import { DiagnosisActor } from './diagnosis-actor.ts';
import type { Script } from './content.ts';
import { useDesk } from './desk.ts';
import { Trail } from './trail.tsx';

/** The desk's case panel loads with its first use; if its code cannot be fetched, the note still shows. */
const CaseDesk = lazy(() =>
  import('./case-desk.tsx').then(
    (module) => ({ default: module.CaseDesk }),
    () => ({ default: CaseDeskUnavailable }),
  ),
);

interface SupportBoxProps {
  step: StepId;
  script: Partial<Script> | undefined;
  now: () => Date;
  seat: Seat | null;
  onChangeSeat: () => void;
  note: string;
  onNoteChange: (note: string) => void;
  /** The case's transaction details, typed at the desk beside the step. */
  caseFields: CaseFieldsState;
  codeInput: RefObject<HTMLInputElement | null>;
}

/**
 * Support mode's part of a step. At a desk the caller's case (transaction details and note) gets a panel of its own
 * beside the script; on a phone the note stays in the script box and the details in the case summary.
 */
export function SupportBox(props: SupportBoxProps) {
  const desk = useDesk();
  return (
    <>
      <SupportScript {...props} />
      {desk ? (
        <Suspense fallback={null}>
          <CaseDesk caseFields={props.caseFields} note={props.note} onNoteChange={props.onNoteChange} />
        </Suspense>
      ) : null}
    </>
  );
}

/**
 * For a support agent on the phone: what to read out and listen for, a step-code field and the case note (at a desk,
 * the trail instead: the note is in the case panel).
 */
function SupportScript({ step, script, now, seat, onChangeSeat, note, onNoteChange, codeInput }: SupportBoxProps) {
  const { t } = useTranslation();
  const actor = DiagnosisActor.useActorRef();
  const desk = useDesk();
  const [code, setCode] = useState('');
  const [notFound, setNotFound] = useState(false);
  const trail = DiagnosisActor.useSelector((s) => s.context.trail);
  // Folded on phones (the answers come first), open at a desk; either way one tap toggles it.
  const [open, setOpen] = useState<boolean | null>(null);
  const inputId = useId();
  const noticeId = useId();
  // Already as the seat says it (useStepContent).
  const say = script?.say;

  function openCode(event: FormEvent) {
    event.preventDefault();
    const target = stepByCode(code);
    if (!target) {
      setNotFound(true);
      return;
    }
    setCode('');
    // `from`: the case so far is kept and the jump becomes a trail entry.
    actor.send({ type: 'step.open', step: target, from: step, at: now().toISOString() });
  }

  return (
    <aside className="support-box" aria-label={t('support.title')} data-support="script">
      <p className="support-label">
        {t('support.title')}
        {seat ? (
          <>
            {' · '}
            <span className="support-seat">{t('seat.current', { seat: t(`seat.options.${seat}`) })}</span>{' '}
            <button type="button" className="link-button" data-action="change-seat" onClick={onChangeSeat}>
              {t('seat.change')}
            </button>
          </>
        ) : null}
      </p>
      {say || script?.listen ? (
        <details className="support-script" open={open ?? desk} onToggle={(event) => setOpen(event.currentTarget.open)}>
          <summary>{t('support.detail')}</summary>
          {say ? (
            <>
              <h2>{t('support.say')}</h2>
              <p className="support-say">{say}</p>
            </>
          ) : null}
          {script?.listen ? (
            <>
              <h2>{t('support.listen')}</h2>
              <p className="support-listen">{script.listen}</p>
            </>
          ) : null}
        </details>
      ) : null}
      <form className="support-open" onSubmit={openCode}>
        <label htmlFor={inputId}>{t('support.openLabel')}</label>
        <div className="search-row">
          <input
            id={inputId}
            ref={codeInput}
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            enterKeyHint="go"
            maxLength={8}
            value={code}
            placeholder={t('support.openPlaceholder')}
            aria-keyshortcuts="/"
            aria-describedby={notFound ? noticeId : undefined}
            onChange={(event) => {
              setCode(event.target.value);
              setNotFound(false);
            }}
          />
          <button type="submit" className="search-go">
            {t('support.openSubmit')}
          </button>
        </div>
        {notFound ? (
          <p id={noticeId} className="notice" role="status">
            {t('support.notFound')}
          </p>
        ) : null}
      </form>
      {desk ? <Trail trail={trail} open /> : <CaseNote note={note} onChange={onNoteChange} />}
      <p className="support-keys fine">{t('support.keys')}</p>
    </aside>
  );
}

/** The desk's case panel when its code could not load: the note, which needs nothing more, stays at hand. */
function CaseDeskUnavailable({ note, onNoteChange }: Pick<SupportBoxProps, 'note' | 'onNoteChange'>) {
  const { t } = useTranslation();
  return (
    <aside className="case-desk" aria-label={t('support.case.title')} data-support="case">
      <p className="notice">{t('support.case.unavailable')}</p>
      <CaseNote note={note} onChange={onNoteChange} />
    </aside>
  );
}
