import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { DiagnosisActor } from './diagnosis-actor.ts';

/**
 * Back and restart at the bottom, where a thumb reaches; both are machine events. A step change renders it only
 * when Back's availability changes.
 */
export const NavBar = memo(function NavBar() {
  const { t } = useTranslation();
  const actor = DiagnosisActor.useActorRef();
  const canBack = DiagnosisActor.useSelector((s) => s.can({ type: 'nav.back' }));
  return (
    <nav className="nav-bar" aria-label={t('nav.label')}>
      <button type="button" data-action="back" disabled={!canBack} onClick={() => actor.send({ type: 'nav.back' })}>
        {t('nav.back')}
      </button>
      <button type="button" data-action="restart" onClick={() => actor.send({ type: 'session.restart' })}>
        {t('nav.restart')}
      </button>
    </nav>
  );
});
