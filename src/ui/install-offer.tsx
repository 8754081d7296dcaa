import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import './install-offer.css';

/** Which offer this browser gets (src/app decides from what the browser can do). */
export type InstallOfferKind = 'prompt' | 'ios' | 'inApp';

export interface InstallOfferProps {
  kind: InstallOfferKind;
  /** Opens the browser's own install prompt (kind `prompt`). */
  onInstall: () => void;
  /** Not now: the offer stays away for a long while. */
  onDismiss: () => void;
}

/**
 * After a finished diagnosis, in the page after its answer (never over it): keep the app on the home screen,
 * where it opens without a network. Browsers that cannot install get the way that works for them.
 */
export function InstallOffer({ kind, onInstall, onDismiss }: InstallOfferProps) {
  const { t } = useTranslation('pwa');
  const titleId = useId();
  const title =
    kind === 'inApp' ? t('install.inApp.title') : kind === 'ios' ? t('install.ios.title') : t('install.title');
  return (
    <section className="install-offer" data-install={kind} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {kind === 'prompt' ? <p>{t('install.detail')}</p> : null}
      {kind === 'inApp' ? <p>{t('install.inApp.detail')}</p> : null}
      {kind === 'ios' ? (
        <ol className="install-steps">
          <li>
            <ShareIcon />
            <span>{t('install.ios.share')}</span>
          </li>
          <li>
            <AddToHomeIcon />
            <span>{t('install.ios.add')}</span>
          </li>
        </ol>
      ) : null}
      <div className="install-actions">
        {kind === 'prompt' ? (
          <>
            <button type="button" className="answer primary" data-action="install" onClick={onInstall}>
              {t('install.add')}
            </button>
            <button type="button" className="secondary-button" data-action="install-later" onClick={onDismiss}>
              {t('install.later')}
            </button>
          </>
        ) : (
          <button type="button" className="secondary-button" data-action="install-later" onClick={onDismiss}>
            {t('install.dismiss')}
          </button>
        )}
      </div>
    </section>
  );
}

/** Safari's Share button: a box with an arrow leaving it upwards. */
function ShareIcon() {
  return (
    <svg className="install-icon" viewBox="0 0 24 24" width="36" height="36" aria-hidden="true" focusable="false">
      <path d="M8 9H6v12h12V9h-2" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
      <path d="M12 15V3M8 7l4-4 4 4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

/** Safari's "Add to Home Screen" entry: a rounded square with a plus. */
function AddToHomeIcon() {
  return (
    <svg className="install-icon" viewBox="0 0 24 24" width="36" height="36" aria-hidden="true" focusable="false">
      <rect x="4" y="4" width="16" height="16" rx="4" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M12 8v8M8 12h8" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}
