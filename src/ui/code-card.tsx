import { useTranslation } from 'react-i18next';
import { findResponseCode } from '../domain/lookup/response-codes.ts';

/** What a response code means, who can fix it and whether a retry is safe: shown before the branch opens. */
export function CodeCard({ code }: { code: string }) {
  const { t } = useTranslation('lookup');
  const { t: tCodes } = useTranslation('codes');
  const entry = findResponseCode(code);
  if (!entry) return null;
  return (
    <section className={`code-card retry-${entry.retry}`} aria-label={t('cardLabel', { code: entry.code })}>
      <p className="code-meaning">{tCodes(`${entry.code}.meaning` as never)}</p>
      {entry.conflict ? <p className="fine">{t('disputed')}</p> : null}
      <dl>
        <dt>{t('whoFixes')}</dt>
        <dd>{t(`actor.${entry.actor}` as never)}</dd>
        <dt>{t('retryTitle')}</dt>
        <dd className="retry">{t(`retry.${entry.retry}` as never)}</dd>
      </dl>
      <p>{tCodes(`${entry.code}.advice` as never)}</p>
    </section>
  );
}
