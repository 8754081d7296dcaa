import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PageFrame } from './page-frame.tsx';

/** Pages the menu can open. */
export type MenuTarget = 'history' | 'map' | 'about';

interface MenuPageProps {
  /** The pages this build has, in menu order. */
  targets: readonly MenuTarget[];
  onOpen: (target: MenuTarget) => void;
  supportMode: boolean;
  onSupportModeChange: (on: boolean) => void;
  onClose: () => void;
}

/** Big buttons to the other pages, and the support-mode switch. */
export function MenuPage({ targets, onOpen, supportMode, onSupportModeChange, onClose }: MenuPageProps) {
  const { t } = useTranslation();
  const supportLabel = useId();
  const supportHint = useId();
  return (
    <PageFrame page="menu" title={t('menu.title')} onClose={onClose}>
      <ul className="menu-list">
        {targets.map((target) => (
          <li key={target}>
            <button type="button" className="answer menu-item" data-menu={target} onClick={() => onOpen(target)}>
              {t(`menu.${target}`)}
              <span className="sub">{t(`menu.${target}Hint`)}</span>
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            role="switch"
            aria-checked={supportMode}
            aria-labelledby={supportLabel}
            aria-describedby={supportHint}
            className="answer menu-item switch"
            data-menu="support"
            onClick={() => onSupportModeChange(!supportMode)}
          >
            <span className="switch-text">
              <span id={supportLabel}>{t('menu.support')}</span>
              <span className="sub" id={supportHint}>
                {t('menu.supportHint')}
              </span>
            </span>
            <span className="switch-state" aria-hidden="true">
              <span className="switch-track" />
              {supportMode ? t('menu.on') : t('menu.off')}
            </span>
          </button>
        </li>
      </ul>
    </PageFrame>
  );
}
