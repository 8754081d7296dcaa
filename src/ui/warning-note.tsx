import { useText } from './text.tsx';

/** A safety note: what must not be done, set apart so a hurried reader still sees it. */
export function WarningNote({ text }: { text: string | undefined }) {
  const { t } = useText();
  if (!text) return null;
  return (
    <div className="warning" role="note">
      <strong>{t('step.warningLabel')}</strong> {text}
    </div>
  );
}
