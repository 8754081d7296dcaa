import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../i18n/languages.ts';

/** Each language named in itself, so a user lost in the wrong language can still find theirs. */
export function LanguageSwitch({ onChange }: { onChange: (language: Language) => void }) {
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
          onClick={() => onChange(language)}
        >
          {t(`nav.languageNames.${language}`)}
        </button>
      ))}
    </div>
  );
}
