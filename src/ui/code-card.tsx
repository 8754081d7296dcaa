import { useTranslation } from 'react-i18next';
import { findResponseCode } from '../domain/lookup/response-codes.ts';
import { useContent } from './content.ts';

/**
 * What a response code means for the merchant before the branch opens: was the customer charged, who can fix it,
 * whether another try is safe, and what to do. The step after it does not say it again (CodeReminder).
 */
export function CodeCard({ code }: { code: string }) {
  const { t } = useTranslation('lookup');
  const text = useContent();
  const entry = findResponseCode(code);
  if (!entry) return null;
  return (
    <section className={`code-card retry-${entry.retry}`} aria-label={t('cardLabel', { code: entry.code })}>
      <p className="code-meaning">{text.codeText(entry.code, 'meaning')}</p>
      <dl>
        <dt>{t('chargedTitle')}</dt>
        <dd className={entry.unknownOutcome ? 'charged-unknown' : 'charged-no'}>
          {t(entry.unknownOutcome ? 'charged.unknown' : 'charged.no')}
        </dd>
        <dt>{t('whoFixes')}</dt>
        <dd>{text.actorName(entry.actor)}</dd>
        <dt>{t('retryTitle')}</dt>
        <dd className="retry">{text.retryAdvice(entry.retry)}</dd>
      </dl>
      <p>{text.codeText(entry.code, 'advice')}</p>
    </section>
  );
}

/** On the step the code card led to: the code as one line, its card folded under it (nothing said twice). */
export function CodeReminder({ code }: { code: string }) {
  const { t } = useTranslation('lookup');
  if (!findResponseCode(code)) return null;
  return (
    <details className="fold code-reminder" data-code-reminder={code}>
      <summary className="chip">{t('cardLabel', { code })}</summary>
      <CodeCard code={code} />
    </details>
  );
}
