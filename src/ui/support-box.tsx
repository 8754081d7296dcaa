import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { stepByCode } from '../domain/diagnosis/steps.ts';
import { DiagnosisActor } from './diagnosis-actor.ts';
import type { Script } from './content.ts';

interface SupportBoxProps {
  script: Partial<Script> | undefined;
  now: () => Date;
}

/** For a support agent on the phone: what to read out, what to listen for, and a field to jump to a step code. */
export function SupportBox({ script, now }: SupportBoxProps) {
  const { t } = useTranslation();
  const actor = DiagnosisActor.useActorRef();
  const [code, setCode] = useState('');
  const [notFound, setNotFound] = useState(false);
  const inputId = useId();
  const noticeId = useId();

  function open(event: FormEvent) {
    event.preventDefault();
    const step = stepByCode(code);
    if (!step) {
      setNotFound(true);
      return;
    }
    setCode('');
    actor.send({ type: 'step.open', step, at: now().toISOString() });
  }

  return (
    <aside className="support-box" aria-label={t('support.title')} data-support="script">
      <p className="support-label">{t('support.title')}</p>
      {script?.say ? (
        <>
          <h2>{t('support.say')}</h2>
          <p className="support-say">{script.say}</p>
        </>
      ) : null}
      {script?.listen ? (
        <>
          <h2>{t('support.listen')}</h2>
          <p className="support-listen">{script.listen}</p>
        </>
      ) : null}
      <form className="support-open" onSubmit={open}>
        <label htmlFor={inputId}>{t('support.openLabel')}</label>
        <div className="search-row">
          <input
            id={inputId}
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            enterKeyHint="go"
            maxLength={8}
            value={code}
            placeholder={t('support.openPlaceholder')}
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
    </aside>
  );
}
