import type { HistoryEntry, HistoryLoad } from '../domain/case/history-entry.ts';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { howLine, renderCaseSummary } from './case-summary-text.ts';
import { useContent } from './content.ts';
import { PageFrame } from './page-frame.tsx';
import type { ShareBridge } from './share-bridge.ts';
import { ShareControls } from './share-controls.tsx';
import './history-page.css';

/** The stored history, as the app hands it in. */
export interface HistoryBook {
  load(): HistoryLoad;
  list(): readonly HistoryEntry[];
  remove(id: string): boolean;
  clear(): boolean;
}

interface HistoryPageProps {
  store: HistoryBook;
  /** How many entries are kept. */
  limit: number;
  share: ShareBridge;
  onClose: () => void;
}

type Confirm = { readonly kind: 'delete'; readonly id: string } | { readonly kind: 'clear' } | null;

/** The last finished diagnoses on this device: read one, share it again, delete one or all. */
export function HistoryPage({ store, limit, share, onClose }: HistoryPageProps) {
  const { t } = useTranslation();
  // Read once on open: a reset or dropped entries are reported by that first read only.
  const [initial] = useState<HistoryLoad>(() => store.load());
  const [entries, setEntries] = useState<readonly HistoryEntry[]>(initial.entries);
  const [openId, setOpenId] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  /** Bumped after a delete or clear, so focus returns to the heading instead of a button that is gone. */
  const [focusKey, setFocusKey] = useState(0);
  const open = entries.find((entry) => entry.id === openId) ?? null;

  function reload(changed: boolean) {
    if (changed) setEntries(store.list());
    setConfirm(null);
    setFocusKey((key) => key + 1);
  }

  if (open) {
    const backToList = () => {
      setOpenId(null);
      setFocusKey((key) => key + 1);
    };
    // Inside one entry, the top button goes back to the list, like the one under the text.
    return (
      <PageFrame page="history" title={t('history.detailTitle')} onClose={backToList} focusKey={`entry-${open.id}`}>
        <EntryDetail entry={open} share={share} />
        <button type="button" className="secondary-button" data-action="back-to-list" onClick={backToList}>
          {t('history.backToList')}
        </button>
      </PageFrame>
    );
  }

  return (
    <PageFrame page="history" title={t('history.title')} onClose={onClose} focusKey={`list-${focusKey}`}>
      {initial.status === 'ok' && initial.dropped > 0 ? (
        <p className="notice">{t('history.dropped', { count: initial.dropped })}</p>
      ) : null}
      {initial.status === 'ok' && initial.newer > 0 ? (
        <p className="notice" data-notice="history-newer">
          {t('history.newer', { count: initial.newer })}
        </p>
      ) : null}
      {initial.status === 'unavailable' ? <p className="notice">{t('history.unavailable')}</p> : null}
      {entries.length === 0 ? (
        <p className="lead history-empty">{t('history.empty')}</p>
      ) : (
        <>
          <p className="hint">{t('history.lead', { limit })}</p>
          <ul className="history-list">
            {entries.map((entry) => (
              <EntryItem
                key={entry.id}
                entry={entry}
                confirming={confirm?.kind === 'delete' && confirm.id === entry.id}
                onOpen={() => setOpenId(entry.id)}
                onDelete={() => setConfirm({ kind: 'delete', id: entry.id })}
                onConfirm={() => reload(store.remove(entry.id))}
                onCancel={() => setConfirm(null)}
              />
            ))}
          </ul>
          {confirm?.kind === 'clear' ? (
            <div className="confirm" role="group" aria-label={t('history.clearConfirm', { count: entries.length })}>
              <p>{t('history.clearConfirm', { count: entries.length })}</p>
              <div className="confirm-buttons">
                <button type="button" className="danger-button" onClick={() => reload(store.clear())}>
                  {t('history.confirmClear')}
                </button>
                <button type="button" className="secondary-button" onClick={() => setConfirm(null)}>
                  {t('history.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="secondary-button" onClick={() => setConfirm({ kind: 'clear' })}>
              {t('history.clear')}
            </button>
          )}
        </>
      )}
    </PageFrame>
  );
}

interface EntryItemProps {
  entry: HistoryEntry;
  confirming: boolean;
  onOpen: () => void;
  onDelete: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/** One finished diagnosis: when, how it started, how it ended; its buttons are described by its time. */
function EntryItem({ entry, confirming, onOpen, onDelete, onConfirm, onCancel }: EntryItemProps) {
  const { t } = useTranslation();
  const text = useContent();
  const whenId = useId();
  const { summary } = entry;
  const code = summary.how.code ?? '';
  const outcome = summary.outcome;
  return (
    <li className={entry.resolved ? 'history-entry resolved' : 'history-entry escalated'} data-entry={entry.id}>
      <p className="history-when" id={whenId}>
        {t('history.when', { time: new Date(entry.endedAt) })}
      </p>
      {outcome ? (
        <>
          <p className="history-outcome">{text.stepTitle(outcome.step, { code })}</p>
          <p className="history-status">
            {entry.resolved || !outcome.escalateTo
              ? t('history.resolved')
              : t('history.escalated', { who: text.escalationName(outcome.escalateTo) })}
          </p>
        </>
      ) : null}
      <p className="history-how">{howLine(summary, text.t)}</p>
      {confirming ? (
        <div className="confirm" role="group" aria-label={t('history.deleteConfirm')} aria-describedby={whenId}>
          <p>{t('history.deleteConfirm')}</p>
          <div className="confirm-buttons">
            <button type="button" className="danger-button" aria-describedby={whenId} onClick={onConfirm}>
              {t('history.confirmDelete')}
            </button>
            <button type="button" className="secondary-button" aria-describedby={whenId} onClick={onCancel}>
              {t('history.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="history-actions">
          <button type="button" className="secondary-button" aria-describedby={whenId} onClick={onOpen}>
            {t('history.open')}
          </button>
          <button type="button" className="secondary-button" aria-describedby={whenId} onClick={onDelete}>
            {t('history.delete')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The full summary text of one entry, to read or to share again. */
function EntryDetail({ entry, share }: { entry: HistoryEntry; share: ShareBridge }) {
  const { t } = useContent();
  const textRef = useRef<HTMLPreElement>(null);
  const text = renderCaseSummary(entry.summary, t);
  return (
    <>
      <pre className="summary-text" ref={textRef} tabIndex={0}>
        {text}
      </pre>
      <ShareControls text={text} bridge={share} target={textRef} />
    </>
  );
}
