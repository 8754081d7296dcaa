import { useTranslation } from 'react-i18next';
import { findResponseCode } from '../domain/lookup/response-codes.ts';
import { useContent } from './content.ts';

/** What a response code means, who can fix it and whether a retry is safe: shown before the branch opens. */
export function CodeCard({ code }: { code: string }) {
  const { t } = useTranslation('lookup');
  const text = useContent();
  const entry = findResponseCode(code);
  if (!entry) return null;
  return (
    <section className={`code-card retry-${entry.retry}`} aria-label={t('cardLabel', { code: entry.code })}>
      <p className="code-meaning">{text.codeText(entry.code, 'meaning')}</p>
      <dl>
        <dt>{t('whoFixes')}</dt>
        <dd>{text.actorName(entry.actor)}</dd>
        <dt>{t('retryTitle')}</dt>
        <dd className="retry">{text.retryAdvice(entry.retry)}</dd>
      </dl>
      <p>{text.codeText(entry.code, 'advice')}</p>
    </section>
  );
}
