import { useTranslation } from 'react-i18next';
import { contentVersion } from '../i18n/content-version.ts';
import './flow-map.css';
import { PageFrame } from './page-frame.tsx';

export interface AboutScreenProps {
  /** The build this page came from (the app reads it from the page's meta). */
  buildId: string;
  onClose: () => void;
}

/**
 * What the app is, where its codes come from, how it quotes the terminal, what it keeps, and which build and wording
 * support is looking at.
 */
export function AboutScreen({ buildId, onClose }: AboutScreenProps) {
  const { t } = useTranslation('about');
  const { t: tCommon } = useTranslation('common');
  return (
    <PageFrame page="about" title={t('page.title')} onClose={onClose}>
      <p className="lead">
        <strong>{tCommon('app.name')}</strong>
      </p>
      <p>{t('app.what')}</p>

      <h2>{t('sources.title')}</h2>
      <p>{t('sources.text')}</p>

      <h2>{t('quoting.title')}</h2>
      <p>{t('quoting.text')}</p>

      <h2>{t('privacy.title')}</h2>
      <p>{t('privacy.text')}</p>

      <h2>{t('version.title')}</h2>
      <dl>
        <dt>{t('version.build')}</dt>
        <dd data-version="build">{buildId}</dd>
        <dt>{t('version.content')}</dt>
        <dd data-version="content">{contentVersion}</dd>
      </dl>
    </PageFrame>
  );
}
