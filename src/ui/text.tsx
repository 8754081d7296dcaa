import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation, type UseTranslationResponse } from 'react-i18next';

type CommonText = UseTranslationResponse<'common', undefined>;

const TextContext = createContext<CommonText | null>(null);

/**
 * Subscribes once, for everything below it, to the current language's `common` text. Each `useTranslation` that
 * mounts copies the i18next instance and subscribes to it, and a step mounts a dozen components: at 4× CPU that
 * was a tenth of a step change. Language changes still reach every reader: the shared value changes with them.
 */
export function TextProvider({ children }: { children: ReactNode }) {
  const text = useTranslation();
  return <TextContext.Provider value={text}>{children}</TextContext.Provider>;
}

/** The `common` text (`t`, `i18n`) under TextProvider: what `useTranslation()` gives, without a subscription each. */
export function useText(): CommonText {
  const text = useContext(TextContext);
  if (!text) throw new Error('useText needs a TextProvider above it');
  return text;
}
