import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfflineReadyNotice, useOnlineStatus, usePwa, type Pwa } from './pwa-context.tsx';
import './pwa-notices.css';

export interface PwaNoticesProps {
  /** True only where reloading loses nothing (home); mid-diagnosis the update waits. */
  canUpdateNow: boolean;
}

/** Offline badge, the one-time "ready offline" notice, and the update offer; a step change does not render it. */
export const PwaNotices = memo(function PwaNotices({ canUpdateNow }: PwaNoticesProps) {
  const { t } = useTranslation('pwa');
  const pwa = usePwa();
  const online = useOnlineStatus();
  const offlineReady = useOfflineReadyNotice();

  return (
    <div className="pwa-notices">
      {online ? null : (
        <p className="pwa-offline" role="status" data-pwa="offline">
          {pwa.preparing ? t('offline.notReady') : t('offline.badge')}
        </p>
      )}
      {online && pwa.preparing ? (
        <p className="pwa-offline" role="status" data-pwa="preparing">
          {t('preparing.badge')}
        </p>
      ) : null}
      {pwa.needRefresh ? (
        <UpdateNotice pwa={pwa} canUpdateNow={canUpdateNow} />
      ) : offlineReady.visible ? (
        <section className="pwa-notice" role="status" data-pwa="offline-ready">
          <p className="pwa-notice__text">
            <strong>{t('offlineReady.title')}</strong> {t('offlineReady.detail')}
          </p>
          <div className="pwa-notice__actions">
            <button type="button" className="pwa-button" data-action="dismiss" onClick={offlineReady.dismiss}>
              {t('offlineReady.dismiss')}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
});

/** Mid-diagnosis it only says an update waits; the Update button appears where a reload costs nothing. */
function UpdateNotice({ pwa, canUpdateNow }: { pwa: Pwa; canUpdateNow: boolean }) {
  const { t } = useTranslation('pwa');
  const [updating, setUpdating] = useState(false);

  function update() {
    setUpdating(true);
    // The page reloads once the new version takes control; a failure leaves the offer usable again.
    pwa.update().catch(() => setUpdating(false));
  }

  return (
    <section className="pwa-notice" role="status" data-pwa="update">
      <p className="pwa-notice__text">
        <strong>{t('update.title')}</strong> {canUpdateNow ? t('update.detail') : t('update.afterDiagnosis')}
      </p>
      <div className="pwa-notice__actions">
        {canUpdateNow ? (
          <button
            type="button"
            className="pwa-button pwa-button--primary"
            data-action="update"
            disabled={updating}
            onClick={update}
          >
            {updating ? t('update.updating') : t('update.update')}
          </button>
        ) : null}
        <button
          type="button"
          className="pwa-button"
          data-action="later"
          disabled={updating}
          onClick={pwa.dismissUpdate}
        >
          {t('update.later')}
        </button>
      </div>
    </section>
  );
}
