import { useTranslation } from 'react-i18next';

/** A safety note: what must not be done, set apart so a hurried reader still sees it. */
export function WarningNote({ text }: { text: string | undefined }) {
  const { t } = useTranslation();
  if (!text) return null;
  return (
    <div className="warning" role="note">
      <strong>{t('step.warningLabel')}</strong> {text}
    </div>
  );
}
