import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../i18n/languages.ts';

/**
 * Each language named in itself, so a user lost in the wrong language can still find theirs; short marks keep
 * the header on one line at 320 px, and the full name is the button's accessible name.
 */
export const LanguageSwitch = memo(function LanguageSwitch({ onChange }: { onChange: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('nav.language')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          data-lang={language}
          aria-pressed={i18n.language === language}
          aria-label={t(`nav.languageNames.${language}`)}
          title={t(`nav.languageNames.${language}`)}
          onClick={() => onChange(language)}
        >
          {t(`nav.languageShort.${language}`)}
        </button>
      ))}
    </div>
  );
});
