import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenMessageId } from '../domain/lookup/screen-messages.ts';
import { topMessages } from '../domain/lookup/top-messages.ts';
import { useContent } from './content.ts';
import { DiagnosisActor } from './diagnosis-actor.ts';
import { StepHeading } from './step-heading.tsx';

type Notice =
  { kind: 'noMatch' | 'otherSystem' | 'successCode' | 'loadFailed' } | { kind: 'privateCode'; code: string } | null;

/**
 * The lookup behind the search box and the chips: the word lookup starts (in a worker, off the page's thread) once
 * home is up and the app idle, so it is not on the first screen's path. Precached like everything else.
 */
const loadLookup = async () => {
  const [readTerminalInput, { messageMatch }] = await Promise.all([
    import('./lookup-client.ts').then(({ terminalReader }) => terminalReader()),
    import('../domain/lookup/screen-messages.ts'),
  ]);
  return { readTerminalInput, messageMatch };
};

/** Three ways in: what the screen shows (typed), a common message (one tap), or step by step. */
export function HomeScreen({ now }: { now: () => Date }) {
  /** When a diagnosis begins, as an ISO time (the case summary and history show it). */
  const startTime = () => now().toISOString();
  const { t } = useTranslation();
  const { t: tLookup } = useTranslation('lookup');
  const text = useContent();
  const actor = DiagnosisActor.useActorRef();
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const inputId = useId();
  const noticeId = useId();
  const box = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Typed into the prerendered box before the app started: on screen, but not yet in the state.
    const typed = box.current?.value;
    if (typed) setQuery(typed);
  }, []);

  useEffect(() => {
    // Once the app is idle: on a first visit, not before it answers taps.
    const prefetch = () => void loadLookup().catch(() => undefined);
    if (typeof requestIdleCallback !== 'function') return prefetch();
    const idle = requestIdleCallback(prefetch, { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, []);

  /** The lookup, or null after saying it could not load. */
  const lookup = () =>
    loadLookup().catch(() => {
      setNotice({ kind: 'loadFailed' });
      return null;
    });

  async function onSearch(event: FormEvent) {
    event.preventDefault();
    // The box's own text: a search sent before the app started is carried out before that text reaches the state.
    const input = await (await lookup())?.readTerminalInput(box.current?.value ?? query);
    if (!input) return;
    if (input.kind === 'match') actor.send({ type: 'symptom.matched', match: input.match, at: startTime() });
    else if (input.kind === 'privateCode') setNotice({ kind: 'privateCode', code: input.code });
    else
      setNotice({
        kind: input.kind === 'success' ? 'successCode' : input.kind === 'otherSystem' ? 'otherSystem' : 'noMatch',
      });
  }

  async function onChip(id: ScreenMessageId) {
    const match = (await lookup())?.messageMatch(id);
    if (match) actor.send({ type: 'symptom.matched', match, at: startTime() });
  }

  return (
    <section className="home" data-step="home">
      <StepHeading title={t('home.title')} focusKey="home" />
      <p className="lead">{t('home.lead')}</p>
      <form className="search" role="search" onSubmit={(event) => void onSearch(event)}>
        <label htmlFor={inputId}>{t('home.searchLabel')}</label>
        <div className="search-row">
          <input
            id={inputId}
            ref={box}
            type="search"
            enterKeyHint="search"
            autoComplete="off"
            maxLength={500}
            value={query}
            placeholder={t('home.searchPlaceholder')}
            aria-describedby={notice ? noticeId : undefined}
            onChange={(event) => {
              setQuery(event.target.value);
              setNotice(null);
            }}
          />
          <button type="submit" className="search-go">
            {t('home.searchSubmit')}
          </button>
        </div>
        {notice ? (
          <div className="notice">
            {notice.kind === 'privateCode' ? (
              // What to do with a code only the POS company knows: read the text beside it, check, call.
              <div id={noticeId} role="status">
                <p>{tLookup('privateCode.lead', { code: notice.code })}</p>
                <ul>
                  <li>{tLookup('privateCode.read')}</li>
                  <li>{tLookup('privateCode.check')}</li>
                  <li>{tLookup('privateCode.call')}</li>
                </ul>
              </div>
            ) : (
              <p id={noticeId} role="status">
                {tLookup(notice.kind)}
              </p>
            )}
            {notice.kind === 'noMatch' || notice.kind === 'privateCode' ? (
              <button
                type="button"
                className="secondary-button"
                data-action="guided"
                onClick={() => actor.send({ type: 'diagnosis.start', at: startTime() })}
              >
                {tLookup('stepByStep')}
              </button>
            ) : null}
          </div>
        ) : null}
      </form>
      <h2 className="chips-title">{t('home.chipsTitle')}</h2>
      <ul className="chips">
        {topMessages.map((id) => (
          <li key={id}>
            <button type="button" className="chip" data-message={id} onClick={() => void onChip(id)}>
              {text.messageLabel(id)}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="answer primary start"
        data-action="start"
        onClick={() => actor.send({ type: 'diagnosis.start', at: startTime() })}
      >
        {t('home.start')}
        <span className="sub">{t('home.startHint')}</span>
      </button>
    </section>
  );
}
