import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxNoteLength, noteText } from '../domain/case/case-summary.ts';

interface CaseNoteProps {
  note: string;
  onChange: (note: string) => void;
  /** What happens to the note (the desk says it once for the details and the note). */
  hint?: string;
}

/** The agent's free-text note for the case; a card number never stays in it. */
export function CaseNote({ note, onChange, hint }: CaseNoteProps) {
  const { t } = useTranslation();
  const [masked, setMasked] = useState(false);
  const noteId = useId();
  const hintId = useId();

  /** Masked as soon as the agent leaves the field. */
  function maskNote() {
    const safe = noteText(note) ?? '';
    if (safe !== note.trim()) {
      onChange(safe);
      setMasked(true);
    }
  }

  return (
    <div className="support-note field">
      <label htmlFor={noteId}>{t('support.note.label')}</label>
      <p className="field-hint" id={hintId}>
        {hint ?? t('support.note.hint')}
      </p>
      <textarea
        id={noteId}
        rows={3}
        maxLength={maxNoteLength}
        autoComplete="off"
        value={note}
        aria-describedby={hintId}
        onChange={(event) => {
          onChange(event.target.value);
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
  );
}
