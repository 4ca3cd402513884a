import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../contracts/common.ts';
import { LANG_COOKIE, readCookie, setNetworkErrorMessage } from '../api.ts';

export const languages: readonly Language[] = ['sv', 'nb', 'en'];
export const defaultLanguage: Language = 'sv';

type Bundle = Record<string, unknown>;

// Each language is its own chunk, its feature parts (parts/<feature>.<lang>.json, each with top-level
// keys of its own; the i18n test refuses a clash) included: a person downloads only the language they
// read, in one request.
type Texts = Promise<{ default: Bundle[] }>;
const loaders: Record<Language, () => Texts> = {
  sv: () => import('./bundle.sv.ts'),
  nb: () => import('./bundle.nb.ts'),
  en: () => import('./bundle.en.ts'),
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

/** Adds a language's texts (the main catalogue, then the feature parts), downloading them if need be. */
async function loadBundle(language: Language, download?: Texts): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  const { default: bundles } = await (download ?? loaders[language]());
  for (const bundle of bundles) i18next.addResourceBundle(language, 'translation', bundle, true, true);
}

function onLanguageChanged(language: string): void {
  document.documentElement.lang = language;
  setNetworkErrorMessage(i18next.t('error.network'));
}

export async function initI18n(): Promise<void> {
  const language = initialLanguage();
  // The texts download while i18next sets itself up, not after.
  const download = loaders[language]();
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...languages],
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await loadBundle(language, download);
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
