import { useId, useState } from 'react';
import { useText } from './text.tsx';
import type { StepId } from '../domain/diagnosis/steps.ts';
import { readKeyedCode } from '../domain/lookup/code-evidence.ts';
import type { SymptomMatch } from '../domain/lookup/symptom-match.ts';
import { evidenceMessages } from '../domain/lookup/top-messages.ts';
import type { ScreenMessageId } from '../domain/lookup/screen-messages.ts';
import { useContent } from './content.ts';

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** The message table is fetched when a message button is pressed (precached, and prefetched by home). */
const loadMessageMatch = async () => (await import('../domain/lookup/screen-messages.ts')).messageMatch;

type Note = { kind: 'privateCode'; code: string } | { kind: 'loadFailed' } | null;

/**
 * What the POS screen shows, without typing: a response code on a keypad of the characters codes have, or a message
 * as printed. Either one opens its branch at once through the same tables as the home search.
 */
export function EvidencePanel({
  step,
  hint,
  onEvidence,
}: {
  step: StepId;
  /** Where codes are found on the screen, under the keypad's title. */
  hint?: string | undefined;
  onEvidence: (match: SymptomMatch) => void;
}) {
  const { t } = useText();
  const text = useContent();
  const [keyed, setKeyed] = useState('');
  const [lettersShown, setLettersShown] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const codeTitle = useId();
  const messagesTitle = useId();
  const keys = lettersShown ? letters : digits;

  const press = (key: string) => {
    setNote(null);
    setKeyed((current) => (current.length >= 2 ? key : current + key));
  };

  const submit = () => {
    const read = readKeyedCode(keyed);
    if (read.kind === 'match') onEvidence(read.match);
    else if (read.kind === 'privateCode') setNote({ kind: 'privateCode', code: read.code });
  };

  const pickMessage = (id: ScreenMessageId) => {
    loadMessageMatch()
      .then((messageMatch) => onEvidence(messageMatch(id)))
      .catch(() => setNote({ kind: 'loadFailed' }));
  };

  return (
    <div className="evidence" data-evidence-step={step}>
      <section className="evidence-code" aria-labelledby={codeTitle}>
        <h2 id={codeTitle} className="evidence-title">
          {t('evidence.codeTitle')}
        </h2>
        {hint ? <p className="hint">{hint}</p> : null}
        <div className="keyed-row">
          <output className="keyed" aria-live="polite" aria-label={t('evidence.keyedLabel')}>
            <span className="slot">{keyed[0] ?? t('evidence.emptySlot')}</span>
            <span className="slot">{keyed[1] ?? t('evidence.emptySlot')}</span>
          </output>
          <button
            type="button"
            className="key key-ok"
            data-action="code-ok"
            disabled={keyed.length !== 2}
            onClick={submit}
          >
            {t('evidence.ok')}
          </button>
        </div>
        <div className={lettersShown ? 'keypad letters' : 'keypad'} role="group" aria-label={t('evidence.keypad')}>
          {keys.map((key) => (
            <button key={key} type="button" className="key" data-key={key} onClick={() => press(key)}>
              {key}
            </button>
          ))}
          <button
            type="button"
            className="key key-mode"
            aria-pressed={lettersShown}
            onClick={() => setLettersShown((shown) => !shown)}
          >
            {lettersShown ? t('evidence.digits') : t('evidence.letters')}
          </button>
          <button
            type="button"
            className="key key-delete"
            aria-label={t('evidence.delete')}
            disabled={keyed.length === 0}
            onClick={() => {
              setNote(null);
              setKeyed((current) => current.slice(0, -1));
            }}
          >
            {t('evidence.deleteKey')}
          </button>
        </div>
        {note ? (
          <p className="notice evidence-note" role="status">
            {note.kind === 'privateCode' ? t('evidence.private', { code: note.code }) : t('evidence.loadFailed')}
          </p>
        ) : null}
      </section>
      <section className="evidence-messages" aria-labelledby={messagesTitle}>
        <h2 id={messagesTitle} className="evidence-title">
          {t('evidence.messagesTitle')}
        </h2>
        <ul className="evidence-list">
          {evidenceMessages.map((id) => (
            <li key={id}>
              <button
                type="button"
                className="chip evidence-message"
                data-evidence={id}
                onClick={() => pickMessage(id)}
              >
                {text.messageLabel(id)}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <h2 className="evidence-title evidence-none">{t('evidence.noneTitle')}</h2>
    </div>
  );
}
