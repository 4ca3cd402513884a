import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../contracts/deviations.ts';

/** A configured name in the UI language: configuration carries sv, nb and en. */
export function useLocalized(): (text: LocalizedText) => string {
  const { i18n } = useTranslation();
  const language = i18n.language === 'nb' || i18n.language === 'en' ? i18n.language : 'sv';
  return useCallback((text: LocalizedText) => text[language] || text.sv, [language]);
}
