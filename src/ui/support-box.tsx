import { useId, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { noteText } from '../domain/case/case-summary.ts';
import type { Seat } from '../domain/case/seat.ts';
import { stepByCode, type Escalation, type StepId } from '../domain/diagnosis/steps.ts';
import { DiagnosisActor } from './diagnosis-actor.ts';
import type { Script } from './content.ts';
import { useDesk } from './desk.ts';

interface SupportBoxProps {
  step: StepId;
  script: Partial<Script> | undefined;
  now: () => Date;
  seat: Seat | null;
  onChangeSeat: () => void;
  /** Set on an outcome that names someone to contact: the agent's seat decides what is said. */
  escalateTo?: Escalation | undefined;
  note: string;
  onNoteChange: (note: string) => void;
  codeInput: RefObject<HTMLInputElement | null>;
}

/** For a support agent on the phone: what to read out and listen for, a step-code field and the case note. */
export function SupportBox({
  step,
  script,
  now,
  seat,
  onChangeSeat,
  escalateTo,
  note,
  onNoteChange,
  codeInput,
}: SupportBoxProps) {
  const { t } = useTranslation();
  const actor = DiagnosisActor.useActorRef();
  const desk = useDesk();
  const [code, setCode] = useState('');
  const [notFound, setNotFound] = useState(false);
  const [masked, setMasked] = useState(false);
  // Folded on phones (the answers come first), open at a desk; either way one tap toggles it.
  const [open, setOpen] = useState<boolean | null>(null);
  const inputId = useId();
  const noticeId = useId();
  const noteId = useId();
  const noteHintId = useId();
  const seatSays = seat && seat !== 'manager' && escalateTo ? t(`seat.do.${seat}.${escalateTo}.say`) : null;
  const say = seatSays ?? script?.say;

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

  /** A card number never stays in the note: masked as soon as the agent leaves the field. */
  function maskNote() {
    const safe = noteText(note) ?? '';
    if (safe !== note.trim()) {
      onNoteChange(safe);
      setMasked(true);
    }
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
      <div className="support-note field">
        <label htmlFor={noteId}>{t('support.note.label')}</label>
        <p className="field-hint" id={noteHintId}>
          {t('support.note.hint')}
        </p>
        <textarea
          id={noteId}
          rows={3}
          maxLength={2000}
          autoComplete="off"
          value={note}
          aria-describedby={noteHintId}
          onChange={(event) => {
            onNoteChange(event.target.value);
            setMasked(false);
          }}
          onBlur={maskNote}
        />
        {masked ? (
          <p className="notice" role="status">
            {t('support.note.redacted')}
          </p>
        ) : null}
      </div>
      <p className="support-keys fine">{t('support.keys')}</p>
    </aside>
  );
}
