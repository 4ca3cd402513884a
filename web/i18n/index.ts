import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../contracts/common.ts';
import { LANG_COOKIE, readCookie, setNetworkErrorMessage } from '../api.ts';

export const languages: readonly Language[] = ['sv', 'nb', 'en'];
export const defaultLanguage: Language = 'sv';

type Bundle = Record<string, unknown>;

// Each language is its own chunk: a person downloads only the language they read.
const loaders: Record<Language, () => Promise<{ default: Bundle }>> = {
  sv: () => import('./sv.json'),
  nb: () => import('./nb.json'),
  en: () => import('./en.json'),
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The language before anyone signs in: the cookie (set by the server or the switch), else the browser's. */
function initialLanguage(): Language {
  const cookie = readCookie(LANG_COOKIE);
  if (isLanguage(cookie)) return cookie;
  for (const tag of navigator.languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'sv') return 'sv';
    if (base === 'nb' || base === 'no' || base === 'nn') return 'nb';
    if (base === 'en') return 'en';
  }
  return defaultLanguage;
}

/**
 * A feature may keep its texts in parts/<feature>.<lang>.json, each with top-level keys of its own
 * (the i18n test refuses a clash); they are merged into the language's bundle as it loads.
 */
const parts = (import.meta as ImportMeta & { glob: GlobImport }).glob('./parts/*.json');
type GlobImport = (pattern: string) => Record<string, () => Promise<{ default: Bundle }>>;

async function loadBundle(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  const ownParts = Object.entries(parts)
    .filter(([path]) => path.endsWith(`.${language}.json`))
    .map(([, load]) => load());
  const [bundle, ...extra] = await Promise.all([loaders[language](), ...ownParts]);
  if (!bundle) return;
  i18next.addResourceBundle(language, 'translation', bundle.default, true, true);
  for (const part of extra) i18next.addResourceBundle(language, 'translation', part.default, true, true);
}

function onLanguageChanged(language: string): void {
  document.documentElement.lang = language;
  setNetworkErrorMessage(i18next.t('error.network'));
}

export async function initI18n(): Promise<void> {
  const language = initialLanguage();
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...languages],
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await loadBundle(language);
  await i18next.changeLanguage(language);
  i18next.on('languageChanged', onLanguageChanged);
  onLanguageChanged(language);
}

/** Remembers the language in the cookie the server reads, so its errors come in it too. */
export function writeLanguageCookie(language: Language): void {
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in browsers still in use
  document.cookie = `${LANG_COOKIE}=${language}; path=/; max-age=${365 * 24 * 3600}; samesite=lax${secure}`;
}

/** Switches the UI language (loading its texts first) and remembers it in the cookie. */
export async function applyLanguage(language: Language): Promise<void> {
  writeLanguageCookie(language);
  if (i18next.language === language) return;
  await loadBundle(language);
  await i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : defaultLanguage;
}
